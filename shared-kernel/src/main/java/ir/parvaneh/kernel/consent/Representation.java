package ir.parvaneh.kernel.consent;

/**
 * The metadata by which an event done for an owner names the authority it was done on: the consent, and the
 * engineer who acted. An engineer's own commands already carry them as the actor; the keys matter where the
 * platform acts on the engineer's behalf (a payment confirmed by the gateway's adapter), so that auditors still
 * see on whose request and on what authority.
 */
public final class Representation {

    public static final String CONSENT_ID = "representation.consentId";
    public static final String ENGINEER_SUBJECT = "representation.engineerSubject";
    public static final String ENGINEER_LICENCE = "representation.engineerLicence";

    /** The keys correlation copies from a command to the events it causes. */
    public static final String[] METADATA_KEYS = {CONSENT_ID, ENGINEER_SUBJECT, ENGINEER_LICENCE};

    private Representation() {
    }
}
