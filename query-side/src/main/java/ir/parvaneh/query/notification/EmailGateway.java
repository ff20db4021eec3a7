package ir.parvaneh.query.notification;

/**
 * The port through which e-mail leaves the platform. {@link #available()} is false when no mail server is configured:
 * then no e-mail is queued at all, rather than queued to wait for a server that will never come.
 */
public interface EmailGateway {

    boolean available();

    /** Sends the message or throws {@link DeliveryFailure}; {@code messageId} becomes its Message-ID. */
    void send(String messageId, String address, String subject, String text);
}
