package ir.parvaneh.command.permit.payment;

/**
 * What the payment gateway tells the platform when a citizen has paid: the application, the gateway's own
 * reference, the amount in Rials, when it was paid (ISO instant) and an HMAC-SHA256 signature over the four,
 * made with the secret the municipality shares with its gateway.
 */
public record PaymentCallback(String applicationId, String reference, long amountRials, String paidAt, String signature) {

    /** The signed text: the four fields joined by a line feed, so that no field can borrow from another. */
    String signedText() {
        return applicationId + "\n" + reference + "\n" + amountRials + "\n" + paidAt;
    }
}
