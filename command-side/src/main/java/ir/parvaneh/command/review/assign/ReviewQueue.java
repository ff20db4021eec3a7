package ir.parvaneh.command.review.assign;

import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationExpired;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ChangesRequested;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeLineWaived;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionUpheld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PaymentConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationWithdrawn;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.kernel.review.ReviewDeskEvent.ReviewTermsSet;
import ir.parvaneh.kernel.review.ReviewDeskEvent.ReviewerEnrolled;
import ir.parvaneh.kernel.review.ReviewDeskEvent.ReviewerRetired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static ir.parvaneh.command.jooq.command.Tables.REVIEW_APPLICATION;
import static ir.parvaneh.command.jooq.command.Tables.REVIEW_QUEUE;
import static ir.parvaneh.command.jooq.command.Tables.REVIEW_REVIEWER;
import static ir.parvaneh.command.jooq.command.Tables.REVIEW_TERMS;

/**
 * The review queue, kept from the events in their global order (a streaming processor with one segment): an
 * application joins its municipality's queue when it becomes ready for review (paid, nothing due, or an objection
 * upheld), at the position of the event that made it ready, and leaves it when its review ends. After each change
 * that could let an application be assigned, the {@link ReviewAssigner} is asked to look at that municipality.
 * A replay rebuilds the tables from the events (the assignments are events too) and asks nothing.
 */
@Component
@ProcessingGroup(ReviewQueue.GROUP)
class ReviewQueue {

    static final String GROUP = "review-queue";

    private final DSLContext dsl;
    private final ReviewAssigner assigner;
    private final EventStore eventStore;

    ReviewQueue(DSLContext dsl, ReviewAssigner assigner, EventStore eventStore) {
        this.dsl = dsl;
        this.assigner = assigner;
        this.eventStore = eventStore;
    }

    // ================================================================ the desks

    @EventHandler
    void on(ReviewerEnrolled event, @Timestamp Instant at, ReplayStatus replay) {
        dsl.insertInto(REVIEW_REVIEWER)
                .set(REVIEW_REVIEWER.MUNICIPALITY_ID, event.municipalityId())
                .set(REVIEW_REVIEWER.SUBJECT, event.reviewerSubject())
                .set(REVIEW_REVIEWER.NAME, event.reviewerName())
                .set(REVIEW_REVIEWER.ENROLLED_AT, at.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        ask(event.municipalityId(), replay);
    }

    @EventHandler
    void on(ReviewerRetired event) {
        dsl.deleteFrom(REVIEW_REVIEWER)
                .where(REVIEW_REVIEWER.MUNICIPALITY_ID.eq(event.municipalityId()))
                .and(REVIEW_REVIEWER.SUBJECT.eq(event.reviewerSubject()))
                .execute();
    }

    @EventHandler
    void on(ReviewTermsSet event, ReplayStatus replay) {
        dsl.insertInto(REVIEW_TERMS)
                .set(REVIEW_TERMS.MUNICIPALITY_ID, event.municipalityId())
                .set(REVIEW_TERMS.REVIEW_DAYS, event.reviewDays())
                .set(REVIEW_TERMS.MAX_OPEN_REVIEWS, event.maxOpenReviews())
                .onConflict(REVIEW_TERMS.MUNICIPALITY_ID).doUpdate()
                .set(REVIEW_TERMS.REVIEW_DAYS, event.reviewDays())
                .set(REVIEW_TERMS.MAX_OPEN_REVIEWS, event.maxOpenReviews())
                .execute();
        ask(event.municipalityId(), replay);
    }

    // ================================================================ applications joining the queue

    @EventHandler
    void on(FeesAssessed event, @Timestamp Instant at, TrackingToken position, ReplayStatus replay) {
        if (event.dueRials() == 0) {
            ready(event.applicationId(), at, position, replay);
        }
    }

    @EventHandler
    void on(FeeLineWaived event, @Timestamp Instant at, TrackingToken position, ReplayStatus replay) {
        if (event.dueRials() == 0) {
            ready(event.applicationId(), at, position, replay);
        }
    }

    @EventHandler
    void on(PaymentConfirmed event, @Timestamp Instant at, TrackingToken position, ReplayStatus replay) {
        ready(event.applicationId(), at, position, replay);
    }

    @EventHandler
    void on(ApplicationRejected event, ReplayStatus replay) {
        dsl.update(REVIEW_APPLICATION)
                .set(REVIEW_APPLICATION.REJECTED_BY, event.deciderSubject())
                .where(REVIEW_APPLICATION.APPLICATION_ID.eq(event.applicationId()))
                .execute();
        leave(event.applicationId(), replay);
    }

    /** Upheld, the rejection is set aside: the application queues again, and whoever rejected it may not review it. */
    @EventHandler
    void on(ObjectionUpheld event, @Timestamp Instant at, TrackingToken position, ReplayStatus replay) {
        dsl.update(REVIEW_APPLICATION)
                .set(REVIEW_APPLICATION.EXCLUDED_REVIEWERS, DSL.field("array_append({0}, {1})", String[].class,
                        REVIEW_APPLICATION.EXCLUDED_REVIEWERS, REVIEW_APPLICATION.REJECTED_BY))
                .where(REVIEW_APPLICATION.APPLICATION_ID.eq(event.applicationId()))
                .and(REVIEW_APPLICATION.REJECTED_BY.isNotNull())
                .execute();
        ready(event.applicationId(), at, position, replay);
    }

    private void ready(String applicationId, Instant at, TrackingToken token, ReplayStatus replay) {
        String municipality = municipalityOf(applicationId);
        if (municipality == null) {
            return;
        }
        long position = token == null ? Long.MAX_VALUE : token.position().orElse(Long.MAX_VALUE);
        dsl.insertInto(REVIEW_QUEUE)
                .set(REVIEW_QUEUE.APPLICATION_ID, applicationId)
                .set(REVIEW_QUEUE.MUNICIPALITY_ID, municipality)
                .set(REVIEW_QUEUE.READY_POSITION, position)
                .set(REVIEW_QUEUE.READY_AT, at.atOffset(ZoneOffset.UTC))
                .onConflict(REVIEW_QUEUE.APPLICATION_ID).doUpdate()
                .set(REVIEW_QUEUE.READY_POSITION, position)
                .set(REVIEW_QUEUE.READY_AT, at.atOffset(ZoneOffset.UTC))
                .setNull(REVIEW_QUEUE.ASSIGNED_TO)
                .setNull(REVIEW_QUEUE.ASSIGNED_AT)
                .setNull(REVIEW_QUEUE.REVIEW_DUE_ON)
                .setNull(REVIEW_QUEUE.REFUSED_CODE)
                .execute();
        ask(municipality, replay);
    }

    /**
     * The application's municipality, from its row, or else from its submission (its first event), which is then
     * recorded with the applicant: only applications that reach review are read, so a submission costs the queue
     * nothing until it is paid.
     */
    private String municipalityOf(String applicationId) {
        String known = dsl.select(REVIEW_APPLICATION.MUNICIPALITY_ID).from(REVIEW_APPLICATION)
                .where(REVIEW_APPLICATION.APPLICATION_ID.eq(applicationId)).fetchOne(REVIEW_APPLICATION.MUNICIPALITY_ID);
        if (known != null) {
            return known;
        }
        DomainEventStream events = eventStore.readEvents(applicationId, 0);
        if (!events.hasNext() || !(events.next().getPayload() instanceof PermitApplicationSubmitted submitted)) {
            return null;
        }
        dsl.insertInto(REVIEW_APPLICATION)
                .set(REVIEW_APPLICATION.APPLICATION_ID, submitted.applicationId())
                .set(REVIEW_APPLICATION.MUNICIPALITY_ID, submitted.municipalityId())
                .set(REVIEW_APPLICATION.MUNICIPALITY_SLUG, submitted.municipalitySlug())
                .set(REVIEW_APPLICATION.APPLICANT_SUBJECT, submitted.applicantSubject())
                .onConflictDoNothing()
                .execute();
        return submitted.municipalityId();
    }

    // ================================================================ assignment and the end of a review

    /** Usually the assigner wrote the assignee already, in the transaction of the command; this makes it certain. */
    @EventHandler
    void on(ReviewerAssigned event, @Timestamp Instant at) {
        dsl.update(REVIEW_QUEUE)
                .set(REVIEW_QUEUE.ASSIGNED_TO, event.reviewerSubject())
                .set(REVIEW_QUEUE.ASSIGNED_AT, DSL.coalesce(REVIEW_QUEUE.ASSIGNED_AT, DSL.val(at.atOffset(ZoneOffset.UTC))))
                .set(REVIEW_QUEUE.REVIEW_DUE_ON, LocalDate.parse(event.reviewDueOn()))
                .setNull(REVIEW_QUEUE.REFUSED_CODE)
                .where(REVIEW_QUEUE.APPLICATION_ID.eq(event.applicationId()))
                .execute();
    }

    @EventHandler
    void on(ApplicationApproved event, ReplayStatus replay) {
        leave(event.applicationId(), replay);
    }

    @EventHandler
    void on(ChangesRequested event, ReplayStatus replay) {
        leave(event.applicationId(), replay);
    }

    @EventHandler
    void on(PermitApplicationWithdrawn event, ReplayStatus replay) {
        leave(event.applicationId(), replay);
    }

    @EventHandler
    void on(ApplicationExpired event, ReplayStatus replay) {
        leave(event.applicationId(), replay);
    }

    /** The review is over (or never began): the row goes, and its reviewer may take the next in the queue. */
    private void leave(String applicationId, ReplayStatus replay) {
        String municipality = dsl.deleteFrom(REVIEW_QUEUE)
                .where(REVIEW_QUEUE.APPLICATION_ID.eq(applicationId))
                .returning(REVIEW_QUEUE.MUNICIPALITY_ID)
                .fetchOptional(REVIEW_QUEUE.MUNICIPALITY_ID).orElse(null);
        if (municipality != null) {
            ask(municipality, replay);
        }
    }

    private void ask(String municipalityId, ReplayStatus replay) {
        if (!replay.isReplay()) {
            assigner.requestAfterCommit(municipalityId);
        }
    }

    @ResetHandler
    void reset() {
        dsl.truncate(REVIEW_QUEUE, REVIEW_APPLICATION, REVIEW_REVIEWER, REVIEW_TERMS).execute();
    }
}
