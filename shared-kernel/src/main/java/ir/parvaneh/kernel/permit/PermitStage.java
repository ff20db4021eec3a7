package ir.parvaneh.kernel.permit;

/**
 * Where a permit application stands. The stage follows from the events alone; a read model shows it to the
 * applicant and to oversight. Terminal stages: {@link #WITHDRAWN}, {@link #EXPIRED}, {@link #REJECTED} once an
 * objection is dismissed, {@link #COMPLETED} and {@link #REFERRED_TO_COMMISSION}.
 */
public enum PermitStage {
    /** The automatic check failed, or the reviewer asked for changes: the applicant corrects and resubmits. */
    RETURNED_FOR_CORRECTION,
    /** The check passed but a fee line could not be determined (e.g. no regional price P): held, never charged as 0. */
    FEES_UNDETERMINED,
    /** Fees assessed; waiting for the gateway's confirmation. */
    AWAITING_PAYMENT,
    /** Paid; waiting for the assignment policy to assign a reviewer. */
    AWAITING_REVIEW,
    /** With the assigned reviewer. */
    IN_REVIEW,
    /** A discretionary decision waits for its second approver. */
    AWAITING_SECOND_APPROVAL,
    /** Approved: the file is complete and the permit must be issued within the legal limit. */
    APPROVED,
    /** Rejected; the applicant may object once. */
    REJECTED,
    /** The applicant objected to the rejection; a different reviewer decides. */
    OBJECTION_PENDING,
    /** The permit is issued; construction is under way. */
    ISSUED,
    /** The completion certificate (پایان کار) is issued. */
    COMPLETED,
    /** Referred to the violations commission (کمیسیون ماده ۱۰۰). */
    REFERRED_TO_COMMISSION,
    WITHDRAWN,
    EXPIRED;

    /** Whether the application is still before issue and not closed, so the applicant may withdraw it. */
    public boolean withdrawable() {
        return switch (this) {
            case RETURNED_FOR_CORRECTION, FEES_UNDETERMINED, AWAITING_PAYMENT, AWAITING_REVIEW, IN_REVIEW,
                 AWAITING_SECOND_APPROVAL, APPROVED, REJECTED, OBJECTION_PENDING -> true;
            default -> false;
        };
    }
}
