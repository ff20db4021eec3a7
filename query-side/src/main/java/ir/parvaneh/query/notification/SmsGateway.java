package ir.parvaneh.query.notification;

/**
 * The port through which SMS leave the platform. An implementation either accepts the message (returns) or throws
 * {@link DeliveryFailure}. {@code messageId} is stable for a message across retries: a gateway that de-duplicates by
 * a client reference (most Iranian SMS providers take one) should be given it, which closes the crash window the
 * dispatcher cannot (docs/notifications.md).
 */
public interface SmsGateway {

    void send(String messageId, String mobile, String text);
}
