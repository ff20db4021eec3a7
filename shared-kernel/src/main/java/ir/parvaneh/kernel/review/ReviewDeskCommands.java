package ir.parvaneh.kernel.review;

import ir.parvaneh.kernel.municipality.MunicipalityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands on a municipality's review desk: who reviews its permit applications and within what terms. A
 * municipal administrator (or the province's) sends them; the assignment policy reads the result, and no person
 * ever picks the reviewer of a particular application.
 */
public final class ReviewDeskCommands {

    private ReviewDeskCommands() {
    }

    /**
     * Puts a clerk of the municipality on its roster of reviewers (the identity provider's subject and the name
     * shown to applicants). Enrolling someone already on the roster changes nothing.
     */
    public record EnrolReviewer(
            @TargetAggregateIdentifier ReviewDeskId deskId,
            MunicipalityId municipalityId,
            String municipalitySlug,
            String reviewerSubject,
            String reviewerName) {
    }

    /**
     * Takes a reviewer off the roster: they get no new applications; those already assigned stay with them until
     * decided.
     */
    public record RetireReviewer(
            @TargetAggregateIdentifier ReviewDeskId deskId,
            MunicipalityId municipalityId,
            String municipalitySlug,
            String reviewerSubject,
            String reason) {
    }

    /**
     * Sets the municipality's review terms: the days a reviewer has to decide (the review deadline) and how many
     * undecided applications one reviewer may hold before the next waits in the queue.
     */
    public record SetReviewTerms(
            @TargetAggregateIdentifier ReviewDeskId deskId,
            MunicipalityId municipalityId,
            String municipalitySlug,
            int reviewDays,
            int maxOpenReviews) {
    }
}
