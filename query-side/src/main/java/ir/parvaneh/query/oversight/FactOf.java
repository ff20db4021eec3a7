package ir.parvaneh.query.oversight;

import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationExpired;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationReturnedForCorrection;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ChangesRequested;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.CompletionCertificateIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionDeclined;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionProposed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeAssessmentHeld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeLineWaived;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.IssueDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionDismissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionFiled;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionUpheld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PaymentConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationResubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationWithdrawn;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReferredToViolationsCommission;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.kernel.permit.PermitStage;

import java.util.Optional;

/**
 * What oversight keeps of one permit event: its kind, the stage it moves the application into, who acted, the
 * discretion and legal basis of a decision, whether it gives a written reason, and an amount of fees. Events that
 * matter to no figure (the compliance check's details, stage reports, inspections) give nothing.
 */
record FactOf(String kind, PermitStage stage, String actorSubject, boolean discretionary, String decisionKind,
              String legalBasisCode, boolean reasonGiven, Long amountRials) {

    static final String SUBMITTED = "SUBMITTED";
    static final String RESUBMITTED = "RESUBMITTED";
    static final String RETURNED = "RETURNED";
    static final String FEES_HELD = "FEES_HELD";
    static final String FEES_ASSESSED = "FEES_ASSESSED";
    static final String PAYMENT_CONFIRMED = "PAYMENT_CONFIRMED";
    static final String FEE_LINE_WAIVED = "FEE_LINE_WAIVED";
    static final String REVIEWER_ASSIGNED = "REVIEWER_ASSIGNED";
    static final String REVIEW_DEADLINE_MISSED = "REVIEW_DEADLINE_MISSED";
    static final String CHANGES_REQUESTED = "CHANGES_REQUESTED";
    static final String DISCRETION_PROPOSED = "DISCRETION_PROPOSED";
    static final String DISCRETION_CONFIRMED = "DISCRETION_CONFIRMED";
    static final String DISCRETION_DECLINED = "DISCRETION_DECLINED";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String ISSUE_DEADLINE_MISSED = "ISSUE_DEADLINE_MISSED";
    static final String ISSUED = "ISSUED";
    static final String COMPLETED = "COMPLETED";
    static final String REFERRED = "REFERRED";
    static final String WITHDRAWN = "WITHDRAWN";
    static final String OBJECTION_FILED = "OBJECTION_FILED";
    static final String OBJECTION_UPHELD = "OBJECTION_UPHELD";
    static final String OBJECTION_DISMISSED = "OBJECTION_DISMISSED";
    static final String EXPIRED = "EXPIRED";

    private static FactOf plain(String kind, PermitStage stage) {
        return new FactOf(kind, stage, null, false, null, null, false, null);
    }

    private static FactOf money(String kind, PermitStage stage, long rials) {
        return new FactOf(kind, stage, null, false, null, null, false, rials);
    }

    private static FactOf act(String kind, PermitStage stage, String actor, String reason) {
        return new FactOf(kind, stage, actor, false, null, null, given(reason), null);
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    private static boolean decidesOnReview(String kind) {
        return "APPROVE".equals(kind) || "REJECT".equals(kind);
    }

    static Optional<FactOf> of(PermitApplicationEvent event) {
        FactOf fact = null;
        if (event instanceof PermitApplicationSubmitted) {
            fact = plain(SUBMITTED, null);
        } else if (event instanceof PermitApplicationResubmitted) {
            fact = plain(RESUBMITTED, null);
        } else if (event instanceof ApplicationReturnedForCorrection) {
            fact = plain(RETURNED, PermitStage.RETURNED_FOR_CORRECTION);
        } else if (event instanceof FeeAssessmentHeld) {
            fact = plain(FEES_HELD, PermitStage.FEES_UNDETERMINED);
        } else if (event instanceof FeesAssessed e) {
            fact = money(FEES_ASSESSED, e.dueRials() > 0 ? PermitStage.AWAITING_PAYMENT : PermitStage.AWAITING_REVIEW,
                    e.dueRials());
        } else if (event instanceof PaymentConfirmed e) {
            fact = money(PAYMENT_CONFIRMED, PermitStage.AWAITING_REVIEW, e.amountRials());
        } else if (event instanceof FeeLineWaived e) {
            fact = money(FEE_LINE_WAIVED, e.dueRials() == 0 ? PermitStage.AWAITING_REVIEW : null, e.waivedRials());
        } else if (event instanceof ReviewerAssigned e) {
            fact = act(REVIEWER_ASSIGNED, PermitStage.IN_REVIEW, e.reviewerSubject(), null);
        } else if (event instanceof ReviewDeadlineMissed e) {
            fact = act(REVIEW_DEADLINE_MISSED, null, e.reviewerSubject(), null);
        } else if (event instanceof ChangesRequested e) {
            fact = act(CHANGES_REQUESTED, PermitStage.RETURNED_FOR_CORRECTION, e.reviewerSubject(), e.note());
        } else if (event instanceof DiscretionaryDecisionProposed e) {
            fact = new FactOf(DISCRETION_PROPOSED, decidesOnReview(e.kind()) ? PermitStage.AWAITING_SECOND_APPROVAL
                    : null, e.proposerSubject(), true, e.kind(), e.legalBasisCode(), given(e.justification()),
                    e.waivedRials() == 0 ? null : e.waivedRials());
        } else if (event instanceof DiscretionaryDecisionConfirmed e) {
            fact = new FactOf(DISCRETION_CONFIRMED, null, e.approverSubject(), true, e.kind(), null, false, null);
        } else if (event instanceof DiscretionaryDecisionDeclined e) {
            fact = new FactOf(DISCRETION_DECLINED, decidesOnReview(e.kind()) ? PermitStage.IN_REVIEW : null,
                    e.declinerSubject(), true, e.kind(), null, given(e.reason()), null);
        } else if (event instanceof ApplicationApproved e) {
            fact = new FactOf(APPROVED, PermitStage.APPROVED, e.deciderSubject(), e.discretionary(), null,
                    e.legalBasisCode(), false, null);
        } else if (event instanceof ApplicationRejected e) {
            fact = new FactOf(REJECTED, PermitStage.REJECTED, e.deciderSubject(), e.discretionary(), null,
                    e.legalBasisCode(), given(e.justification()), null);
        } else if (event instanceof IssueDeadlineMissed) {
            fact = plain(ISSUE_DEADLINE_MISSED, null);
        } else if (event instanceof PermitIssued) {
            fact = plain(ISSUED, PermitStage.ISSUED);
        } else if (event instanceof CompletionCertificateIssued) {
            fact = plain(COMPLETED, PermitStage.COMPLETED);
        } else if (event instanceof ReferredToViolationsCommission) {
            fact = plain(REFERRED, PermitStage.REFERRED_TO_COMMISSION);
        } else if (event instanceof PermitApplicationWithdrawn) {
            fact = plain(WITHDRAWN, PermitStage.WITHDRAWN);
        } else if (event instanceof ObjectionFiled) {
            fact = plain(OBJECTION_FILED, PermitStage.OBJECTION_PENDING);
        } else if (event instanceof ObjectionUpheld e) {
            fact = act(OBJECTION_UPHELD, PermitStage.AWAITING_REVIEW, e.deciderSubject(), e.reason());
        } else if (event instanceof ObjectionDismissed e) {
            fact = act(OBJECTION_DISMISSED, PermitStage.REJECTED, e.deciderSubject(), e.reason());
        } else if (event instanceof ApplicationExpired) {
            fact = plain(EXPIRED, PermitStage.EXPIRED);
        }
        return Optional.ofNullable(fact);
    }
}
