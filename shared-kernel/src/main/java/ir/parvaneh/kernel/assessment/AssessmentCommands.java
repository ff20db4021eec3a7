package ir.parvaneh.kernel.assessment;

import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the zoning assessment (دستور نقشه). */
public final class AssessmentCommands {

    private AssessmentCommands() {
    }

    /**
     * Issues a zoning assessment: the rulebook version named here (the one in force on the facts' day)
     * is evaluated against the parcel's derived facts for the intended use, and everything needed to re-run
     * it is recorded. The caller gathers the facts from the layers; the evaluation happens in the aggregate.
     */
    public record IssueZoningAssessment(
            @TargetAggregateIdentifier ZoningAssessmentId assessmentId,
            MunicipalityId municipalityId,
            String municipalitySlug,
            ParcelFacts facts,
            String intendedUse,
            String rulebookVersion,
            String rulebookSha256) {
    }
}
