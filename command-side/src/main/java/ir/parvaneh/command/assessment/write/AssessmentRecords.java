package ir.parvaneh.command.assessment.write;

import ir.parvaneh.command.infrastructure.cache.BoundedCache;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Recorded assessments, read from the event store itself: what an assessment said is its event, not a
 * copy of it, so that verifying it checks the record that counts.
 * <p>
 * The events read are kept, deserialised, for the next request that cites the same assessment (every permit
 * submission reads the assessment it rests on: about 22 KB of JSON, an eighth of a submission's CPU, issue 5). That is
 * correct because a recorded assessment never changes: its aggregate records exactly one event, at creation, and has
 * no command that records another (no revocation, no supersession; {@code AssessmentRecordsTest} fails if the
 * assessment's events grow, so that this is reconsidered then). What does change with time — whether the assessment
 * is still valid on the day it is used — is not cached: it is judged from the event's {@code validUntil} against
 * the day of each use, by the command that uses it. Only events read from the store are kept, and only outside any
 * transaction or unit of work, so an event appended by an uncommitted transaction that might still roll back is
 * never kept; an assessment not found is not kept either. The events are records of immutable values shared by the
 * requests that read them; no code changes them.
 */
@Component
public class AssessmentRecords {

    /** Recently cited assessments: about 50–100 KB each in memory, so at most about 100 MB. */
    static final int CAPACITY = 1_000;

    private final EventStore events;
    private final BoundedCache<ZoningAssessmentId, ZoningAssessmentIssued> recorded = new BoundedCache<>(CAPACITY);

    AssessmentRecords(EventStore events) {
        this.events = events;
    }

    public ZoningAssessmentIssued issued(ZoningAssessmentId id) {
        ZoningAssessmentIssued known = recorded.get(id);
        if (known != null) {
            return known;
        }
        ZoningAssessmentIssued issued = read(id);
        if (!TransactionSynchronizationManager.isActualTransactionActive() && !CurrentUnitOfWork.isStarted()) {
            recorded.put(id, issued);
        }
        return issued;
    }

    private ZoningAssessmentIssued read(ZoningAssessmentId id) {
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
