package ir.parvaneh.command.assessment.write;

import ir.parvaneh.command.rulebook.store.CompiledRulebooks;
import ir.parvaneh.kernel.assessment.AssessmentCommands.IssueZoningAssessment;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Handles {@link IssueZoningAssessment}: creates the {@link ZoningAssessment} (whose constructor evaluates the
 * rulebook and records the outcome) and answers with the recorded event. A constructor command handler can
 * only answer with the new aggregate's id, and reading the 20 KB event back from the store cost about a
 * tenth of each assessment.
 */
@Component
public class ZoningAssessmentIssuing {

    private final Repository<ZoningAssessment> assessments;

    public ZoningAssessmentIssuing(Repository<ZoningAssessment> assessments) {
        this.assessments = assessments;
    }

    /** Anyone signed in may ask: the command bus requires an actor and records it in the event's metadata. */
    @CommandHandler
    ZoningAssessmentIssued handle(IssueZoningAssessment command, Clock clock, CompiledRulebooks rulebooks)
            throws Exception {
        return assessments.newInstance(() -> new ZoningAssessment(command, clock, rulebooks)).invoke(ZoningAssessment::issued);
    }
}
