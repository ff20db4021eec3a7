package ir.parvaneh.command.review.write;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.ActorRules.MayAdministerMunicipality;
import ir.parvaneh.kernel.identity.ActorRules.ServesMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.review.ReviewDeskCommands.EnrolReviewer;
import ir.parvaneh.kernel.review.ReviewDeskCommands.RetireReviewer;
import ir.parvaneh.kernel.review.ReviewDeskCommands.SetReviewTerms;
import ir.parvaneh.kernel.review.ReviewDeskEvent.ReviewTermsSet;
import ir.parvaneh.kernel.review.ReviewDeskEvent.ReviewerEnrolled;
import ir.parvaneh.kernel.review.ReviewDeskEvent.ReviewerRetired;
import ir.parvaneh.kernel.review.ReviewDeskId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A municipality's review desk (میز بررسی فنی): the roster of clerks who review its permit applications and the
 * terms they work to. Only an administrator of the municipality (or of the province) changes it, and every change
 * is an event, so who could have been assigned an application on any day is on record. The assignment itself is
 * the platform's ({@code ReviewAssigner}); the desk never names a reviewer for a particular application.
 */
@Aggregate
public class ReviewDesk {

    /** The terms of a desk no administrator has set: a week to decide, twenty-five open files a reviewer. */
    public static final int DEFAULT_REVIEW_DAYS = 7;
    public static final int DEFAULT_MAX_OPEN_REVIEWS = 25;
    static final int MAX_REVIEW_DAYS = 60;
    static final int MAX_OPEN_REVIEWS = 1000;
    private static final int MAX_TEXT = 200;

    @AggregateIdentifier
    private String id;
    private final Set<String> reviewers = new HashSet<>();
    private int reviewDays = DEFAULT_REVIEW_DAYS;
    private int maxOpenReviews = DEFAULT_MAX_OPEN_REVIEWS;

    protected ReviewDesk() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EnrolReviewer command, Actor actor) {
        authorise(actor, command.deskId(), command.municipalityId(), command.municipalitySlug());
        String subject = required(command.reviewerSubject(), "reviewerSubject");
        String name = required(command.reviewerName(), "reviewerName");
        if (reviewers.contains(subject)) {
            return;
        }
        apply(new ReviewerEnrolled(command.deskId().toString(), command.municipalityId().toString(),
                command.municipalitySlug(), subject, name));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RetireReviewer command, Actor actor) {
        authorise(actor, command.deskId(), command.municipalityId(), command.municipalitySlug());
        String subject = required(command.reviewerSubject(), "reviewerSubject");
        if (!reviewers.contains(subject)) {
            throw new DomainException(ErrorCode.REVIEWER_NOT_ENROLLED, subject + " is not a reviewer of "
                    + command.municipalitySlug()).with("reviewerSubject", subject);
        }
        apply(new ReviewerRetired(command.deskId().toString(), command.municipalityId().toString(),
                command.municipalitySlug(), subject, command.reason()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetReviewTerms command, Actor actor) {
        authorise(actor, command.deskId(), command.municipalityId(), command.municipalitySlug());
        within(command.reviewDays(), MAX_REVIEW_DAYS, "reviewDays");
        within(command.maxOpenReviews(), MAX_OPEN_REVIEWS, "maxOpenReviews");
        if (id != null && command.reviewDays() == reviewDays && command.maxOpenReviews() == maxOpenReviews) {
            return;
        }
        apply(new ReviewTermsSet(command.deskId().toString(), command.municipalityId().toString(),
                command.municipalitySlug(), command.reviewDays(), command.maxOpenReviews()));
    }

    private static void authorise(Actor actor, ReviewDeskId desk, MunicipalityId municipality, String slug) {
        new MayAdministerMunicipality(actor).verify();
        new ServesMunicipality(actor, slug).verify();
        if (municipality == null || !desk.municipalityId().equals(municipality)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, desk + " is not the review desk of " + municipality)
                    .with("field", "municipalityId");
        }
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_TEXT) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " is required (at most " + MAX_TEXT
                    + " characters)").with("field", field);
        }
        return text.strip();
    }

    private static void within(int value, int max, String field) {
        if (value < 1 || value > max) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " must be between 1 and " + max + ", not "
                    + value).with("field", field);
        }
    }

    @EventSourcingHandler
    void on(ReviewerEnrolled event) {
        id = event.deskId();
        reviewers.add(event.reviewerSubject());
    }

    @EventSourcingHandler
    void on(ReviewerRetired event) {
        id = event.deskId();
        reviewers.remove(event.reviewerSubject());
    }

    @EventSourcingHandler
    void on(ReviewTermsSet event) {
        id = event.deskId();
        reviewDays = event.reviewDays();
        maxOpenReviews = event.maxOpenReviews();
    }
}
