package ir.parvaneh.kernel.consent;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * What happened to an owner's consent that an engineer act for them. Instants are ISO-8601 UTC. The acting user is in
 * each event's metadata. No event ever carries a one-time code, in clear or hashed. Published contracts: change one
 * only with a new revision and an upcaster.
 */
public sealed interface RepresentationConsentEvent {

    /** The aggregate id, {@code representation-consent-<uuid>}. */
    String consentId();

    /**
     * An engineer asked the owner for consent to act on a file.
     *
     * @param applicationId {@code null}: any application of the parcel by this owner
     * @param acts          the acts asked for, by {@link ConsentAct} name
     */
    @Revision("1")
    record RepresentationConsentRequested(
            String consentId,
            String engineerSubject,
            String engineerName,
            String engineerLicence,
            String ownerNationalCode,
            String municipalitySlug,
            String plate,
            String applicationId,
            List<String> acts,
            String requestedAt) implements RepresentationConsentEvent {
    }

    /**
     * A one-time code was sent to the owner's phone ({@code sentTo} masked, e.g. {@code 0912***4567}); it holds until
     * {@code expiresAt} and replaces any earlier code of the request.
     */
    @Revision("1")
    record ConsentCodeIssued(
            String consentId,
            String codeId,
            String sentTo,
            String ownerSubject,
            String ownerName,
            String issuedAt,
            String expiresAt) implements RepresentationConsentEvent {
    }

    /**
     * A wrong code was entered. Recorded because the attempts are limited (the limit must survive a restart) and
     * because guessing at an owner's code is what an auditor looks for.
     */
    @Revision("1")
    record ConsentCodeRejected(
            String consentId,
            String codeId,
            int attempt,
            int attemptsLeft) implements RepresentationConsentEvent {
    }

    /**
     * The owner consented: {@code via} {@code CODE} (the engineer entered the one-time code the owner received) or
     * {@code PORTAL} (the owner confirmed, signed in). From now on the engineer may do the listed acts on the file.
     */
    @Revision("1")
    record RepresentationConsentGiven(
            String consentId,
            String ownerSubject,
            String ownerName,
            String ownerNationalCode,
            String engineerSubject,
            String engineerLicence,
            String municipalitySlug,
            String plate,
            String applicationId,
            List<String> acts,
            String via,
            String codeId,
            String givenAt) implements RepresentationConsentEvent {
    }

    /** The owner took the consent back (or declined it unanswered); it authorises nothing from now on. */
    @Revision("1")
    record RepresentationConsentWithdrawn(
            String consentId,
            String ownerSubject,
            String stateWithdrawnFrom,
            String reason,
            String withdrawnAt) implements RepresentationConsentEvent {
    }
}
