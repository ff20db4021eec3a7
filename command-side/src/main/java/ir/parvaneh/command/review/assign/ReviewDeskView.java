package ir.parvaneh.command.review.assign;

import ir.parvaneh.command.review.write.ReviewDesk;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static ir.parvaneh.command.jooq.command.Tables.REVIEW_QUEUE;
import static ir.parvaneh.command.jooq.command.Tables.REVIEW_REVIEWER;
import static ir.parvaneh.command.jooq.command.Tables.REVIEW_TERMS;

/**
 * What the assignment policy works from, as its operators see it: the desk's terms, its reviewers with their open
 * reviews, and the applications waiting, oldest first. (The clerks' own queues are the query side's.)
 */
@Component
public class ReviewDeskView {

    public record Desk(int reviewDays, int maxOpenReviews, List<Reviewer> reviewers, List<Waiting> waiting) {
    }

    /** A reviewer with their open reviews and when they were last given one ({@code null}: never). */
    public record Reviewer(String subject, String name, int openReviews, Instant lastAssignedAt) {
    }

    /** The desk's terms: those its administrator set, or the defaults. */
    public record Terms(int reviewDays, int maxOpenReviews) {
    }

    public record Waiting(String applicationId, Instant readyAt, String refusedCode) {
    }

    private final DSLContext dsl;

    ReviewDeskView(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Desk of(String municipalityId) {
        Terms terms = terms(municipalityId);
        List<Waiting> waiting = dsl.select(REVIEW_QUEUE.APPLICATION_ID, REVIEW_QUEUE.READY_AT, REVIEW_QUEUE.REFUSED_CODE)
                .from(REVIEW_QUEUE)
                .where(REVIEW_QUEUE.MUNICIPALITY_ID.eq(municipalityId)).and(REVIEW_QUEUE.ASSIGNED_TO.isNull())
                .orderBy(REVIEW_QUEUE.READY_POSITION)
                .fetch(r -> new Waiting(r.value1(), r.value2().toInstant(), r.value3()));
        return new Desk(terms.reviewDays(), terms.maxOpenReviews(), reviewers(municipalityId), waiting);
    }

    Terms terms(String municipalityId) {
        var terms = dsl.selectFrom(REVIEW_TERMS).where(REVIEW_TERMS.MUNICIPALITY_ID.eq(municipalityId)).fetchOne();
        return terms == null ? new Terms(ReviewDesk.DEFAULT_REVIEW_DAYS, ReviewDesk.DEFAULT_MAX_OPEN_REVIEWS)
                : new Terms(terms.getReviewDays(), terms.getMaxOpenReviews());
    }

    /** The enrolled reviewers by subject, each with the applications assigned to them and not yet decided. */
    List<Reviewer> reviewers(String municipalityId) {
        var open = DSL.count(REVIEW_QUEUE.APPLICATION_ID);
        var last = DSL.max(REVIEW_QUEUE.ASSIGNED_AT);
        return dsl.select(REVIEW_REVIEWER.SUBJECT, REVIEW_REVIEWER.NAME, open, last)
                .from(REVIEW_REVIEWER)
                .leftJoin(REVIEW_QUEUE).on(REVIEW_QUEUE.MUNICIPALITY_ID.eq(REVIEW_REVIEWER.MUNICIPALITY_ID)
                        .and(REVIEW_QUEUE.ASSIGNED_TO.eq(REVIEW_REVIEWER.SUBJECT)))
                .where(REVIEW_REVIEWER.MUNICIPALITY_ID.eq(municipalityId))
                .groupBy(REVIEW_REVIEWER.SUBJECT, REVIEW_REVIEWER.NAME)
                .orderBy(REVIEW_REVIEWER.SUBJECT)
                .fetch(r -> new Reviewer(r.value1(), r.value2(), r.value3(),
                        r.value4() == null ? null : r.value4().toInstant()));
    }

    /** The day the application's review is due, if it is assigned. */
    public LocalDate dueOn(String applicationId) {
        return dsl.select(REVIEW_QUEUE.REVIEW_DUE_ON).from(REVIEW_QUEUE)
                .where(REVIEW_QUEUE.APPLICATION_ID.eq(applicationId)).fetchOne(REVIEW_QUEUE.REVIEW_DUE_ON);
    }
}
