package ir.parvaneh.kernel.consent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Commands on a {@code RepresentationConsent}: an engineer asks an owner for leave to act for them on one file, the
 * owner gives it (in the portal, or by a one-time code sent to their phone and entered by the engineer) and may take
 * it back at any time. The acting user travels in the metadata, as with every command.
 */
public final class ConsentCommands {

    private ConsentCommands() {
    }

    /**
     * An engineer (with their licence number) asks the owner, named by national code, for consent to act on the file
     * of one parcel (municipality and plate), optionally one application of it, for the given acts.
     *
     * @param applicationId {@code null}: any application of the parcel by this owner
     */
    public record RequestRepresentationConsent(
            @TargetAggregateIdentifier RepresentationConsentId consentId,
            String ownerNationalCode,
            String municipalitySlug,
            String plate,
            String applicationId,
            Set<ConsentAct> acts) {
    }

    /**
     * The platform sent a one-time code for this request to the owner's phone (sent by the engineer's request). The
     * code itself is never in a message: only its id, which the keyed hash in the command side's code table is kept
     * under, the masked number it went to, whom it went to and until when it holds.
     *
     * @param expiresAt ISO-8601 instant
     */
    public record IssueConsentCode(
            @TargetAggregateIdentifier RepresentationConsentId consentId,
            String codeId,
            String sentTo,
            String ownerSubject,
            String ownerName,
            String expiresAt) {
    }

    /**
     * The engineer enters the code the owner read to them. {@link #toString()} hides the code so that no log line of a
     * command can carry it.
     */
    public record EnterConsentCode(
            @TargetAggregateIdentifier RepresentationConsentId consentId,
            String code) {

        @Override
        public String toString() {
            return "EnterConsentCode[consentId=" + consentId + ", code=******]";
        }
    }

    /** The owner, signed in to the portal, gives the consent asked of them. */
    public record ConfirmRepresentationConsent(
            @TargetAggregateIdentifier RepresentationConsentId consentId) {
    }

    /** The owner takes the consent back (or declines one still asked); from now on it authorises nothing. */
    public record WithdrawRepresentationConsent(
            @TargetAggregateIdentifier RepresentationConsentId consentId,
            String reason) {
    }
}
