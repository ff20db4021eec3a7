package ir.parvaneh.command.infrastructure.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bearer token's signature is checked once and the token then served from memory (issue 5), but every check of
 * its claims still runs on every request: an expired token is refused though cached, a forged one is never taken for
 * the genuine, a failed one is not kept, and no more tokens are kept than the capacity.
 */
class VerifiedTokensTest {

    private static final String ISSUER = "http://127.0.0.1:8180/realms/parvaneh";
    private static final Instant ISSUED = Instant.parse("2026-11-29T06:30:00Z");

    private final KeyPair issuerKey = rsa();
    private final MovableClock clock = new MovableClock(ISSUED.plusSeconds(10));
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    private VerifiedTokens decoder(int capacity) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) issuerKey.getPublic()).build();
        nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        JwtDecoder counting = token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        return new VerifiedTokens(counting, SecurityConfiguration.validator(ISSUER, List.of("parvaneh-api"), clock),
                capacity, Duration.ofMinutes(5), nanos::get);
    }

    @Test
    void givenAVerifiedTokenWhenSentAgainThenItsSignatureIsNotCheckedAgain() {
        VerifiedTokens tokens = decoder(16);
        String token = signed(issuerKey, "citizen-1", ISSUER, ISSUED.plusSeconds(300));

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);

        assertThat(second.getSubject()).isEqualTo("citizen-1");
        assertThat(second).isSameAs(first);
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void givenACachedTokenWhenItHasExpiredSinceThenItIsRefusedAndForgotten() {
        VerifiedTokens tokens = decoder(16);
        String token = signed(issuerKey, "citizen-1", ISSUER, ISSUED.plusSeconds(300));
        tokens.decode(token);

        clock.set(ISSUED.plusSeconds(300 + 61));   // past the expiry and the default minute of skew

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void givenAForgedTokenWithTheSameClaimsWhenSentThenItIsRefusedAndNotKept() {
        VerifiedTokens tokens = decoder(16);
        String genuine = signed(issuerKey, "citizen-1", ISSUER, ISSUED.plusSeconds(300));
        tokens.decode(genuine);

        String forged = signed(rsa(), "citizen-1", ISSUER, ISSUED.plusSeconds(300));
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        // The same header and claims under the genuine token's text but another signature.
        String spliced = genuine.substring(0, genuine.lastIndexOf('.')) + forged.substring(forged.lastIndexOf('.'));
        assertThatThrownBy(() -> tokens.decode(spliced)).isInstanceOf(BadJwtException.class);

        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.decode(genuine).getSubject()).isEqualTo("citizen-1");
    }

    @Test
    void givenATokenFailingAValidatorWhenSentTwiceThenItIsCheckedAndRefusedBothTimes() {
        VerifiedTokens tokens = decoder(16);
        String otherIssuer = signed(issuerKey, "citizen-1", "http://elsewhere/realms/x", ISSUED.plusSeconds(300));

        assertThatThrownBy(() -> tokens.decode(otherIssuer)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode(otherIssuer)).isInstanceOf(JwtValidationException.class);
        assertThat(signatureChecks).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void givenMoreTokensThanItsCapacityWhenSentThenOnlyTheCapacityIsKept() {
        VerifiedTokens tokens = decoder(2);
        String first = signed(issuerKey, "citizen-1", ISSUER, ISSUED.plusSeconds(300));
        tokens.decode(first);
        tokens.decode(signed(issuerKey, "citizen-2", ISSUER, ISSUED.plusSeconds(300)));
        tokens.decode(signed(issuerKey, "citizen-3", ISSUER, ISSUED.plusSeconds(300)));

        assertThat(tokens.size()).isEqualTo(2);
        tokens.decode(first);   // the least recently used went first
        assertThat(signatureChecks).hasValue(4);
    }

    @Test
    void givenAKeptTokenWhenOlderThanTheMaximumAgeThenItsSignatureIsCheckedAgain() {
        VerifiedTokens tokens = decoder(16);
        String token = signed(issuerKey, "citizen-1", ISSUER, ISSUED.plusSeconds(3600));
        tokens.decode(token);
        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        tokens.decode(token);
        assertThat(signatureChecks).hasValue(2);
    }

    private static String signed(KeyPair key, String subject, String issuer, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject(subject).issuer(issuer).audience("parvaneh-api")
                    .issueTime(Date.from(ISSUED)).notBeforeTime(Date.from(ISSUED)).expirationTime(Date.from(expires))
                    .claim("roles", List.of("CITIZEN")).build());
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
