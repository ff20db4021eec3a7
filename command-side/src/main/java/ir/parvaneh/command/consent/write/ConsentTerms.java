package ir.parvaneh.command.consent.write;

import java.time.Duration;

/**
 * The terms of a consent request and its one-time codes. Constants until municipal settings carry them: they are
 * security parameters, the same for every town.
 */
public final class ConsentTerms {

    /** How long a one-time code holds after it is sent: long enough to read it out over the phone, no longer. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    /** Wrong entries a code survives; the next one kills it (10^6 codes: 5 guesses succeed with p = 5e-6). */
    public static final int MAX_CODE_ATTEMPTS = 5;
    /** Codes one owner receives within an hour, whoever asks: no one can flood an owner's phone. */
    public static final int MAX_CODES_PER_OWNER_PER_HOUR = 5;
    /**
     * Codes one engineer asks for within an hour, to all their owners together: a busy office's morning, not a script
     * sending codes to every national code it can find.
     */
    public static final int MAX_CODES_PER_ENGINEER_PER_HOUR = 20;
    /** How long a request stays open for the owner to answer; an older one is asked again. */
    public static final Duration REQUEST_LIFETIME = Duration.ofDays(7);

    private ConsentTerms() {
    }
}
