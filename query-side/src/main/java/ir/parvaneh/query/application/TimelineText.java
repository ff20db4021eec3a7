package ir.parvaneh.query.application;

import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationExpired;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationReturnedForCorrection;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ChangesRequested;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.CompletionCertificateIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ComplianceChecked;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ConstructionStageReported;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionDeclined;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionProposed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeAssessmentHeld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeLineWaived;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.InspectionRecorded;
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
import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A timeline step's short Persian and English summary and the details a reader needs (rules, legal basis,
 * justification, amounts, days), written from the recorded event each time a timeline is shown
 * ({@link PermitApplicationReadModel}).
 */
record TimelineText(String summaryFa, String summaryEn, Map<String, Object> details) {

    static TimelineText of(PermitApplicationEvent event) {
        if (event instanceof PermitApplicationSubmitted e) {
            return text("درخواست پروانه ثبت شد", "Permit application submitted",
                    "plate", e.plate(), "municipalitySlug", e.municipalitySlug(), "submittedOn", e.submittedOn(),
                    "assessmentId", e.assessment() == null ? null : e.assessment().assessmentId());
        } else if (event instanceof PermitApplicationResubmitted e) {
            return text("نقشه اصلاح‌شده دوباره ارسال شد", "Corrected proposal resubmitted",
                    "round", e.round(), "resubmittedOn", e.resubmittedOn(),
                    "assessmentId", e.assessment() == null ? null : e.assessment().assessmentId());
        } else if (event instanceof ComplianceChecked e) {
            return text("بررسی خودکار انطباق: " + e.result(), "Automatic compliance check: " + e.result(),
                    "round", e.round(), "result", e.result(), "rulebookVersion", e.rulebookVersion(),
                    "rules", e.rules());
        } else if (event instanceof ApplicationReturnedForCorrection e) {
            return text("برای اصلاح بازگردانده شد", "Returned for correction",
                    "violatedRules", e.violatedRules().stream().map(ComplianceResult::rule).toList(),
                    "violations", e.violatedRules(), "correctBy", e.correctBy());
        } else if (event instanceof FeesAssessed e) {
            return text("عوارض محاسبه شد", "Fees assessed", "totalRials", e.totalRials(),
                    "alreadyPaidRials", e.alreadyPaidRials(), "dueRials", e.dueRials(), "payBy", e.payBy(),
                    "rulebookVersion", e.rulebookVersion(), "lines", e.lines());
        } else if (event instanceof FeeAssessmentHeld e) {
            return text("محاسبه عوارض متوقف شد: اطلاعات کافی نیست", "Fee assessment held: information missing",
                    "reasons", e.reasons(), "correctBy", e.correctBy(), "rulebookVersion", e.rulebookVersion());
        } else if (event instanceof PaymentConfirmed e) {
            return text("پرداخت تأیید شد", "Payment confirmed", "amountRials", e.amountRials(),
                    "gatewayReference", e.gatewayReference(), "paidAt", e.paidAt());
        } else if (event instanceof ReviewerAssigned e) {
            return text("کارشناس تعیین شد: " + e.reviewerName(), "Reviewer assigned: " + e.reviewerName(),
                    "reviewerSubject", e.reviewerSubject(), "reviewerName", e.reviewerName(),
                    "reviewDueOn", e.reviewDueOn());
        } else if (event instanceof ReviewDeadlineMissed e) {
            return text("مهلت بررسی کارشناس گذشت", "Review deadline missed", "reviewerSubject", e.reviewerSubject(),
                    "reviewDueOn", e.reviewDueOn());
        } else if (event instanceof ChangesRequested e) {
            return text("کارشناس اصلاحات خواست", "Reviewer requested changes", "citedRules", e.citedRules(),
                    "note", e.note(), "correctBy", e.correctBy(), "reviewerRole", e.reviewerRole());
        } else if (event instanceof DiscretionaryDecisionProposed e) {
            return text("تصمیم خارج از نتیجه خودکار پیشنهاد شد (" + e.kind() + ")",
                    "Discretionary decision proposed (" + e.kind() + ")", "kind", e.kind(),
                    "legalBasisCode", e.legalBasisCode(), "justification", e.justification(),
                    "departures", e.departures(), "feeType", e.feeType(), "feeFloorLevel", e.feeFloorLevel(),
                    "waivedRials", e.waivedRials());
        } else if (event instanceof DiscretionaryDecisionConfirmed e) {
            return text("تأیید دوم انجام شد", "Second approval given", "kind", e.kind(),
                    "approverSubject", e.approverSubject(), "approverRole", e.approverRole());
        } else if (event instanceof DiscretionaryDecisionDeclined e) {
            return text("تأیید دوم رد شد", "Second approval declined", "kind", e.kind(), "reason", e.reason(),
                    "declinerSubject", e.declinerSubject());
        } else if (event instanceof FeeLineWaived e) {
            return text("بخشی از عوارض بخشوده شد", "Fee line waived", "feeType", e.feeType(),
                    "floorLevel", e.floorLevel(), "waivedRials", e.waivedRials(), "dueRials", e.dueRials());
        } else if (event instanceof ApplicationApproved e) {
            return text("درخواست تأیید شد", "Application approved", "approvedOn", e.approvedOn(),
                    "issueBy", e.issueBy(), "discretionary", e.discretionary(), "legalBasisCode", e.legalBasisCode(),
                    "deciderSubject", e.deciderSubject(), "secondApproverSubject", e.secondApproverSubject());
        } else if (event instanceof ApplicationRejected e) {
            return text("درخواست رد شد", "Application rejected", "rejectedOn", e.rejectedOn(),
                    "legalBasisCode", e.legalBasisCode(), "justification", e.justification(),
                    "discretionary", e.discretionary(), "deciderSubject", e.deciderSubject(),
                    "secondApproverSubject", e.secondApproverSubject());
        } else if (event instanceof IssueDeadlineMissed e) {
            return text("مهلت قانونی صدور پروانه گذشت", "Legal deadline to issue the permit missed",
                    "approvedOn", e.approvedOn(), "issueBy", e.issueBy());
        } else if (event instanceof PermitIssued e) {
            return text("پروانه ساختمانی صادر شد: " + e.permitNumber(), "Building permit issued: " + e.permitNumber(),
                    "permitNumber", e.permitNumber(), "issuedOn", e.issuedOn(), "validUntil", e.validUntil(),
                    "conditions", e.conditions(), "supervisingEngineerName", e.supervisingEngineerName());
        } else if (event instanceof ConstructionStageReported e) {
            return text("گزارش مرحله ساخت: " + e.stage(), "Construction stage reported: " + e.stage(),
                    "stage", e.stage(), "reportedOn", e.reportedOn(), "flagged", e.flagged(),
                    "deviations", e.deviations());
        } else if (event instanceof InspectionRecorded e) {
            return text("بازدید بازرس ثبت شد", "Inspection recorded", "inspectedOn", e.inspectedOn(),
                    "findings", e.findings(), "flagged", e.flagged(), "deviations", e.deviations());
        } else if (event instanceof CompletionCertificateIssued e) {
            return text("پایان کار صادر شد", "Completion certificate issued",
                    "certificateNumber", e.certificateNumber(), "issuedOn", e.issuedOn());
        } else if (event instanceof ReferredToViolationsCommission e) {
            return text("به کمیسیون ماده ۱۰۰ ارجاع شد", "Referred to the violations commission",
                    "referredOn", e.referredOn(), "deviations", e.deviations(), "note", e.note());
        } else if (event instanceof PermitApplicationWithdrawn e) {
            return text("درخواست توسط متقاضی پس گرفته شد", "Application withdrawn", "stage", e.stage(),
                    "withdrawnOn", e.withdrawnOn(), "reason", e.reason());
        } else if (event instanceof ObjectionFiled e) {
            return text("اعتراض ثبت شد", "Objection filed", "filedOn", e.filedOn(), "grounds", e.grounds());
        } else if (event instanceof ObjectionUpheld e) {
            return text("اعتراض پذیرفته شد؛ پرونده به بررسی بازگشت", "Objection upheld: back to review",
                    "reason", e.reason(), "deciderSubject", e.deciderSubject());
        } else if (event instanceof ObjectionDismissed e) {
            return text("اعتراض رد شد؛ رد درخواست قطعی است", "Objection dismissed: the rejection is final",
                    "reason", e.reason(), "deciderSubject", e.deciderSubject());
        } else if (event instanceof ApplicationExpired e) {
            return text("درخواست به علت عدم اقدام به‌موقع منقضی شد", "Application expired", "stage", e.stage(),
                    "reason", e.reason(), "dueOn", e.dueOn());
        }
        return text(event.getClass().getSimpleName(), event.getClass().getSimpleName());
    }

    private static TimelineText text(String fa, String en, Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                details.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return new TimelineText(fa, en, details);
    }
}
