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

    /**
     * The stage an application is in after {@code event}, by the lifecycle in docs/permit-lifecycle.md: the one
     * fold of the stage that every reader of the events shares (the command side's history, the query side's views).
     * Events that change no stage (the submission before its check, a resubmission, missed review and issue
     * deadlines, stage reports, inspections, a confirmed decision before its effect) leave it as it was.
     *
     * @param current          the stage before the event ({@code null} before the first check)
     * @param beforeDiscretion the stage the application was in when its pending discretionary decision was proposed
     *                         (where a declined decision returns it); {@code null} when none is pending
     */
    public static PermitStage after(PermitStage current, PermitStage beforeDiscretion, PermitApplicationEvent event) {
        if (event instanceof PermitApplicationEvent.ApplicationReturnedForCorrection
                || event instanceof PermitApplicationEvent.ChangesRequested) {
            return RETURNED_FOR_CORRECTION;
        } else if (event instanceof PermitApplicationEvent.FeeAssessmentHeld) {
            return FEES_UNDETERMINED;
        } else if (event instanceof PermitApplicationEvent.FeesAssessed fees) {
            return fees.dueRials() > 0 ? AWAITING_PAYMENT : AWAITING_REVIEW;
        } else if (event instanceof PermitApplicationEvent.FeeLineWaived waived) {
            return waived.dueRials() > 0 ? AWAITING_PAYMENT : AWAITING_REVIEW;
        } else if (event instanceof PermitApplicationEvent.PaymentConfirmed
                || event instanceof PermitApplicationEvent.ObjectionUpheld) {
            return AWAITING_REVIEW;
        } else if (event instanceof PermitApplicationEvent.ReviewerAssigned) {
            return IN_REVIEW;
        } else if (event instanceof PermitApplicationEvent.DiscretionaryDecisionProposed proposed) {
            return "WAIVE_FEE".equals(proposed.kind()) ? current : AWAITING_SECOND_APPROVAL;
        } else if (event instanceof PermitApplicationEvent.DiscretionaryDecisionDeclined) {
            return beforeDiscretion;
        } else if (event instanceof PermitApplicationEvent.ApplicationApproved) {
            return APPROVED;
        } else if (event instanceof PermitApplicationEvent.ApplicationRejected
                || event instanceof PermitApplicationEvent.ObjectionDismissed) {
            return REJECTED;
        } else if (event instanceof PermitApplicationEvent.ObjectionFiled) {
            return OBJECTION_PENDING;
        } else if (event instanceof PermitApplicationEvent.PermitIssued) {
            return ISSUED;
        } else if (event instanceof PermitApplicationEvent.CompletionCertificateIssued) {
            return COMPLETED;
        } else if (event instanceof PermitApplicationEvent.ReferredToViolationsCommission) {
            return REFERRED_TO_COMMISSION;
        } else if (event instanceof PermitApplicationEvent.PermitApplicationWithdrawn) {
            return WITHDRAWN;
        } else if (event instanceof PermitApplicationEvent.ApplicationExpired) {
            return EXPIRED;
        }
        return current;
    }
}
