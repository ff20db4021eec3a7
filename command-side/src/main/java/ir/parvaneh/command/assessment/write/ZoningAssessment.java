package ir.parvaneh.command.assessment.write;

import ir.parvaneh.command.rulebook.engine.CompiledRulebook;
import ir.parvaneh.command.rulebook.store.CompiledRulebooks;
import ir.parvaneh.kernel.assessment.AssessmentCommands.IssueZoningAssessment;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import ir.parvaneh.kernel.time.IranTime;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A zoning assessment (دستور نقشه): the planning rules and fees of one parcel for one intended use, computed
 * by the rulebook in force on the facts' day and recorded with everything needed to compute them again.
 * The evaluation happens here, in the decision, not in the caller: the caller brings the facts and names
 * the rulebook; the aggregate evaluates it and records the outcome. Anyone signed in may ask for any parcel.
 * <p>
 * The command is handled by {@link ZoningAssessmentIssuing}, which creates the aggregate through its
 * repository so that the recorded event can be returned to the caller without reading it back.
 */
@Aggregate
public class ZoningAssessment {

    @AggregateIdentifier
    private String id;
    private ZoningAssessmentIssued issued;

    protected ZoningAssessment() {
        // for Axon
    }

    /** Issues the assessment; created through {@link ZoningAssessmentIssuing}, which hands the record back to the caller. */
    ZoningAssessment(IssueZoningAssessment command, Clock clock, CompiledRulebooks rulebooks) {
        ParcelFacts facts = command.facts();
        if (facts == null || facts.plate() == null || facts.asOf() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "An assessment needs the parcel's facts").with("field", "facts");
        }
        if (!command.municipalityId().toString().equals(facts.municipalityId())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The facts are of " + facts.municipalityId()
                    + ", not " + command.municipalityId()).with("field", "facts");
        }
        CompiledRulebook rulebook = rulebooks.bySha256(command.rulebookSha256());
        if (!rulebook.version().equals(command.rulebookVersion()) || !rulebook.municipality().equals(command.municipalitySlug())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Rulebook " + command.rulebookSha256() + " is version "
                    + rulebook.version() + " of " + rulebook.municipality() + ", not " + command.rulebookVersion()
                    + " of " + command.municipalitySlug()).with("field", "rulebookVersion");
        }
        LocalDate asOf = LocalDate.parse(facts.asOf());
        if (rulebook.effectiveFrom().isAfter(asOf)) {
            throw new DomainException(ErrorCode.RULEBOOK_NOT_IN_FORCE, "Version " + rulebook.version()
                    + " comes into force on " + rulebook.effectiveFrom() + ", after " + asOf)
                    .with("rulebookVersion", rulebook.version());
        }
        ZoningOutcome outcome = rulebook.assess(facts, command.intendedUse());
        LocalDate today = IranTime.today(clock);
        apply(new ZoningAssessmentIssued(command.assessmentId().toString(), facts.municipalityId(),
                command.municipalitySlug(), facts.plate(), command.intendedUse(), facts.asOf(), today.toString(),
                today.plusDays(rulebook.assessmentValidityDays()).toString(), rulebook.version(), rulebook.sha256(),
                facts, outcome));
    }

    ZoningAssessmentIssued issued() {
        return issued;
    }

    @EventSourcingHandler
    void on(ZoningAssessmentIssued event) {
        id = event.assessmentId();
        issued = event;
    }
}
