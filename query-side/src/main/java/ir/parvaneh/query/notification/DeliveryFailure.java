package ir.parvaneh.query.notification;

/** A gateway did not accept a message; the dispatcher retries it later with back-off. */
public class DeliveryFailure extends RuntimeException {

    public DeliveryFailure(String message) {
        super(message);
    }

    public DeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
