package ir.parvaneh.command.permit.payment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Signs and checks payment-gateway callbacks with HMAC-SHA256 and the shared secret
 * ({@code parvaneh.payments.callback-secret}, {@code PARVANEH_PAYMENT_SECRET}). The comparison takes the same
 * time whatever the signature, so a forger learns nothing from timing.
 */
@Component
public class PaymentSignatures {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    PaymentSignatures(@Value("${parvaneh.payments.callback-secret}") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** The signature the gateway must send with this callback (hexadecimal). */
    public String sign(String applicationId, String reference, long amountRials, String paidAt) {
        return HexFormat.of().formatHex(mac(new PaymentCallback(applicationId, reference, amountRials, paidAt, null).signedText()));
    }

    public boolean verify(PaymentCallback callback) {
        if (callback.signature() == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(callback.signature());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(callback.signedText()), given);
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
