package ir.parvaneh.command.assessment.write;

import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Recorded assessments, read from the event store itself: what an assessment said is its event, not a
 * copy of it, so that verifying it checks the record that counts.
 */
@Component
public class AssessmentRecords {

    private final EventStore events;

    AssessmentRecords(EventStore events) {
        this.events = events;
    }

    public ZoningAssessmentIssued issued(ZoningAssessmentId id) {
        // From sequence 0: the recorded events themselves, never a snapshot, and no snapshot query first (there are
        // none), which saved a round trip to the database in every permit submission.
        return events.readEvents(id.toString(), 0).asStream()
                .map(message -> message.getPayload())
                .filter(ZoningAssessmentIssued.class::isInstance)
                .map(ZoningAssessmentIssued.class::cast)
                .findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.ASSESSMENT_NOT_FOUND, "No assessment " + id + " was issued")
                        .with("assessmentId", id.toString()));
    }
}
