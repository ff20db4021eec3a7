package ir.parvaneh.kernel.assessment;

import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.axonframework.serialization.Revision;

/** What happened to a zoning assessment. The requester is in the event's metadata. */
public sealed interface AssessmentEvent {

    String assessmentId();

    /**
     * A zoning assessment was issued: the parcel's derived facts (with the layer versions and checksums they
     * came from), the rulebook version and hash, and every output with its explanation. Re-running
     * {@code outcome} needs nothing but this event and the rulebook's published content.
     *
     * @param issuedOn   the day (Asia/Tehran) it was issued
     * @param validUntil the last day it is valid, by the rulebook's validity period
     */
    @Revision("1")
    record ZoningAssessmentIssued(
            String assessmentId,
            String municipalityId,
            String municipalitySlug,
            String plate,
            String intendedUse,
            String asOf,
            String issuedOn,
            String validUntil,
            String rulebookVersion,
            String rulebookSha256,
            ParcelFacts facts,
            ZoningOutcome outcome) implements AssessmentEvent {
    }
}
