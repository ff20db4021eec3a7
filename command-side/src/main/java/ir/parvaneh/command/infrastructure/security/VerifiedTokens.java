package ir.parvaneh.command.infrastructure.security;

import ir.parvaneh.command.infrastructure.cache.BoundedCache;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.StringUtils;

import java.time.Duration;
import java.util.Collection;
import java.util.function.LongSupplier;

/**
 * The bearer-token decoder: a token's signature is checked once, and the token, parsed, kept for its next request
 * (a client sends the same token with every request until it expires; parsing it and checking its RSA signature
 * were about an eighth of a permit submission's CPU, issue 5). The validators — expiry and not-before against the
 * clock, issuer, audience, and the certificate binding of the request at hand — run on every use, cached or not, so a
 * cached token that has expired since is refused. Only a token whose signature was verified and which then passed
 * every validator is kept; one that failed anything is not (and is dropped if it was).
 * <p>
 * Keyed by the whole token text, so a token with the same claims and another signature is another key and is
 * verified on its own. At most {@code capacity} tokens are kept, and none longer than {@code maxAge}: the JWK set
 * itself is cached as long (Nimbus's five minutes), so a signing key the issuer withdraws stops being honoured
 * within the same time as before.
 */
public final class VerifiedTokens implements JwtDecoder {

    private static final String DECODING_ERROR = "An error occurred while attempting to decode the Jwt: %s";

    private record Verified(Jwt jwt, long bornNanos) {
    }

    private final JwtDecoder signatureOnly;
    private final OAuth2TokenValidator<Jwt> validator;
    private final BoundedCache<String, Verified> verified;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;

    /**
     * @param signatureOnly a decoder that parses the token and checks its signature and validates nothing else
     * @param validator     every check of the claims, run on each use
     */
    public VerifiedTokens(JwtDecoder signatureOnly, OAuth2TokenValidator<Jwt> validator, int capacity, Duration maxAge) {
        this(signatureOnly, validator, capacity, maxAge, System::nanoTime);
    }

    VerifiedTokens(JwtDecoder signatureOnly, OAuth2TokenValidator<Jwt> validator, int capacity, Duration maxAge,
                   LongSupplier nanoTime) {
        this.signatureOnly = signatureOnly;
        this.validator = validator;
        this.verified = new BoundedCache<>(capacity);
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        long now = nanoTime.getAsLong();
        Verified known = token == null ? null : verified.get(token);
        boolean fresh = known == null || now - known.bornNanos() >= maxAgeNanos;
        Jwt jwt = fresh ? signatureOnly.decode(token) : known.jwt();
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException(message(result.getErrors()), result.getErrors());
        }
        if (fresh) {
            verified.put(token, new Verified(jwt, now));
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }

    /** As NimbusJwtDecoder words a failed validation. */
    private static String message(Collection<OAuth2Error> errors) {
        for (OAuth2Error error : errors) {
            if (StringUtils.hasLength(error.getDescription())) {
                return String.format(DECODING_ERROR, error.getDescription());
            }
        }
        return "Unable to validate Jwt";
    }
}
