package ir.parvaneh.kernel.review;

/** What happened at a municipality's review desk. The acting administrator is in each event's metadata. */
public sealed interface ReviewDeskEvent {

    String deskId();

    String municipalityId();

    String municipalitySlug();

    record ReviewerEnrolled(
            String deskId,
            String municipalityId,
            String municipalitySlug,
            String reviewerSubject,
            String reviewerName) implements ReviewDeskEvent {
    }

    record ReviewerRetired(
            String deskId,
            String municipalityId,
            String municipalitySlug,
            String reviewerSubject,
            String reason) implements ReviewDeskEvent {
    }

    /**
     * @param reviewDays     calendar days (Asia/Tehran) from assignment to the last day of the review
     * @param maxOpenReviews the undecided applications one reviewer holds at most
     */
    record ReviewTermsSet(
            String deskId,
            String municipalityId,
            String municipalitySlug,
            int reviewDays,
            int maxOpenReviews) implements ReviewDeskEvent {
    }
}
