package ir.parvaneh.command.consent.write;

/**
 * Whether an entered one-time code is the one issued under an id. The aggregate cannot hold the code (it would then
 * be in its events), so it asks this port, which compares keyed hashes kept outside the event store.
 */
public interface OneTimeCodeCheck {

    boolean matches(String codeId, String enteredCode);
}
