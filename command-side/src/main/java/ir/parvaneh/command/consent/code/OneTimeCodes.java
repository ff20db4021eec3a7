package ir.parvaneh.command.consent.code;

import ir.parvaneh.command.consent.write.ConsentTerms;
import ir.parvaneh.command.consent.write.OneTimeCodeCheck;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static ir.parvaneh.command.jooq.command.Tables.CONSENT_CODE;

/**
 * One-time codes for consents: six digits from {@link SecureRandom}, kept only as HMAC-SHA256 under the server's secret
 * ({@code parvaneh.consent.code-secret}, {@code PARVANEH_CONSENT_CODE_SECRET}) over the code's id and the code, so that
 * the table alone (a backup, a read replica) does not give the code away: without the secret, a million candidates
 * cannot be tried against it. The code leaves this class only in the text handed to the {@link OneTimeCodeSender}.
 */
@Component
public class OneTimeCodes implements OneTimeCodeCheck {

    private static final String HMAC = "HmacSHA256";
    private static final Duration RATE_WINDOW = Duration.ofHours(1);

    /** A new code: its id (what events name) and the code itself (for the text message only). */
    public record NewCode(String codeId, String code, Instant expiresAt) {
        @Override
        public String toString() {
            return "NewCode[codeId=" + codeId + ", code=******, expiresAt=" + expiresAt + "]";
        }
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(DSLContext dsl, Clock clock, @Value("${parvaneh.consent.code-secret}") String secret) {
        this.dsl = dsl;
        this.clock = clock;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /**
     * Creates and keeps (hashed) a code for the consent, after the rate limits on the codes of the last hour: to one
     * owner ({@link ConsentTerms#MAX_CODES_PER_OWNER_PER_HOUR}) and asked by one engineer
     * ({@link ConsentTerms#MAX_CODES_PER_ENGINEER_PER_HOUR}).
     * Joins the caller's transaction, so a refused command keeps no code.
     */
    public NewCode issue(String consentId, String ownerNationalCode, String engineerSubject) {
        Instant now = Instant.now(clock);
        var since = now.minus(RATE_WINDOW).atOffset(ZoneOffset.UTC);
        int toOwner = dsl.fetchCount(CONSENT_CODE, CONSENT_CODE.OWNER_NATIONAL_CODE.eq(ownerNationalCode)
                .and(CONSENT_CODE.ISSUED_AT.gt(since)));
        int byEngineer = dsl.fetchCount(CONSENT_CODE, CONSENT_CODE.ENGINEER_SUBJECT.eq(engineerSubject)
                .and(CONSENT_CODE.ISSUED_AT.gt(since)));
        if (toOwner >= ConsentTerms.MAX_CODES_PER_OWNER_PER_HOUR || byEngineer >= ConsentTerms.MAX_CODES_PER_ENGINEER_PER_HOUR) {
            throw new DomainException(ErrorCode.CONSENT_CODE_RATE_LIMITED, "At most "
                    + ConsentTerms.MAX_CODES_PER_OWNER_PER_HOUR + " codes an hour go to one owner, and at most "
                    + ConsentTerms.MAX_CODES_PER_ENGINEER_PER_HOUR + " are asked by one engineer")
                    .with("retryAfterSeconds", RATE_WINDOW.toSeconds());
        }
        String codeId = "consent-code-" + UUID.randomUUID();
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant expires = now.plus(ConsentTerms.CODE_LIFETIME);
        dsl.insertInto(CONSENT_CODE)
                .set(CONSENT_CODE.CODE_ID, codeId)
                .set(CONSENT_CODE.CONSENT_ID, consentId)
                .set(CONSENT_CODE.OWNER_NATIONAL_CODE, ownerNationalCode)
                .set(CONSENT_CODE.ENGINEER_SUBJECT, engineerSubject)
                .set(CONSENT_CODE.CODE_HMAC, mac(codeId, code))
                .set(CONSENT_CODE.ISSUED_AT, now.atOffset(ZoneOffset.UTC))
                .set(CONSENT_CODE.EXPIRES_AT, expires.atOffset(ZoneOffset.UTC))
                .execute();
        return new NewCode(codeId, code, expires);
    }

    /** Compares keyed hashes in constant time; expiry, use and attempts are the aggregate's to judge. */
    @Override
    public boolean matches(String codeId, String enteredCode) {
        if (codeId == null || enteredCode == null || !enteredCode.matches("\\d{6}")) {
            return false;
        }
        byte[] stored = dsl.select(CONSENT_CODE.CODE_HMAC).from(CONSENT_CODE).where(CONSENT_CODE.CODE_ID.eq(codeId))
                .fetchOne(CONSENT_CODE.CODE_HMAC);
        return stored != null && MessageDigest.isEqual(stored, mac(codeId, enteredCode));
    }

    private byte[] mac(String codeId, String code) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal((codeId + "\n" + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
