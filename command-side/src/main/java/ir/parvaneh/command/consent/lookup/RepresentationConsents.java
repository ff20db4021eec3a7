package ir.parvaneh.command.consent.lookup;

import ir.parvaneh.kernel.consent.ConsentAct;

import java.util.Optional;

/**
 * The consents in force, as the permit commands consult them: the permit aggregate cannot see another aggregate's
 * events, so it asks this port (kept by the subscribing {@link ConsentRegister}, in the same transaction as each
 * consent event) whether an engineer may do an act for an owner on a file.
 */
public interface RepresentationConsents {

    /** An active consent: its id and the owner who gave it. */
    record ActiveConsent(String consentId, String ownerSubject, String ownerName, String ownerNationalCode,
                         String engineerLicence) {
    }

    /**
     * The active consent (given, not withdrawn) by the owner with {@code ownerNationalCode} for the engineer on the
     * parcel ({@code municipalitySlug}, {@code plate}) covering {@code act}: one naming {@code applicationId}, or one
     * naming no application (any application of the parcel by this owner). The most recently given if several.
     *
     * @param applicationId {@code null} before the application exists (its submission)
     */
    Optional<ActiveConsent> covering(String engineerSubject, String ownerNationalCode, String municipalitySlug,
                                     String plate, String applicationId, ConsentAct act);
}
