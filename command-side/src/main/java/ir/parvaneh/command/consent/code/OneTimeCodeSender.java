package ir.parvaneh.command.consent.code;

/**
 * Delivers a one-time code's text message to a phone: the SMS gateway's port. The embedded run has
 * {@link SimulatedSmsGateway}; a deployment plugs in its operator's gateway. An adapter must never log the text.
 */
public interface OneTimeCodeSender {

    void send(String phone, String text);
}
