package ir.parvaneh.command.permit;

import ir.parvaneh.command.permit.write.ComplianceCheck;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationReturnedForCorrection;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ComplianceChecked;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PaymentConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.kernel.permit.PermitValues.AssessmentReference;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.rulebook.FeeOutcome;

import java.util.ArrayList;
import java.util.List;

import static ir.parvaneh.command.permit.PermitTestData.ASSESSMENT;
import static ir.parvaneh.command.permit.PermitTestData.COMPLIANT;
import static ir.parvaneh.command.permit.PermitTestData.DEED;
import static ir.parvaneh.command.permit.PermitTestData.DRAWINGS;
import static ir.parvaneh.command.permit.PermitTestData.ENGINEER;
import static ir.parvaneh.command.permit.PermitTestData.FOUR_STOREYS;
import static ir.parvaneh.command.permit.PermitTestData.ID;
import static ir.parvaneh.command.permit.PermitTestData.OWNER;
import static ir.parvaneh.command.permit.PermitTestData.QAZVIN;
import static ir.parvaneh.command.permit.PermitTestData.REVIEWER;
import static ir.parvaneh.command.permit.PermitTestData.TODAY;
import static ir.parvaneh.command.permit.PermitTestData.V1;
import static ir.parvaneh.command.permit.PermitTestData.feeBasis;

/** The events of an application's history, as the fixtures' "given" states them: one application walked step by step. */
final class PermitEvents {

    static final AssessmentReference REFERENCE = new AssessmentReference(ASSESSMENT.assessmentId(), TODAY, "2027-05-28",
            "RESIDENTIAL", "1405.1", V1.sha256());
    static final FeeOutcome FEES = V1.fees(feeBasis(COMPLIANT, 30_000_000L));
    static final long TOTAL = FEES.totalRials();
    static final String PAY_REFERENCE = "IRK-1405-0091823";
    static final String PERMIT_NUMBER = "qazvin-1405-000123";
    static final List<String> CONDITIONS = List.of("رعایت عقب‌نشینی ۲ متر از بر کوچه بهار",
            "نصب تابلوی مشخصات پروانه در محل کارگاه");

    private PermitEvents() {
    }

    static PermitApplicationSubmitted submitted(ProposedBuilding building) {
        return new PermitApplicationSubmitted(ID, "c-submit", QAZVIN.toString(), "qazvin", "1234/56", OWNER.subject(),
                OWNER.displayName(), OWNER.nationalCode(), TODAY, REFERENCE, building, DEED, DRAWINGS);
    }

    static ComplianceChecked checked(String commandId, int round, ProposedBuilding building) {
        ComplianceCheck.Report report = ComplianceCheck.of(building, ASSESSMENT.outcome());
        return new ComplianceChecked(ID, commandId, round, ASSESSMENT.assessmentId(), "1405.1", V1.sha256(), report.result(),
                report.rules());
    }

    /** A check that passed every rule but parking, which the assessment could not determine. */
    static ComplianceChecked needingReview() {
        List<ComplianceResult> rules = new ArrayList<>(ComplianceCheck.of(COMPLIANT, ASSESSMENT.outcome()).rules());
        rules.set(5, new ComplianceResult("parking-meets-required", "required-parking", "CANNOT_CHECK", null, "6",
                "required-parking: decision requiredParking gives no value for requiredParking"));
        return new ComplianceChecked(ID, "c-submit", 1, ASSESSMENT.assessmentId(), "1405.1", V1.sha256(), "NEEDS_REVIEW",
                rules);
    }

    static FeesAssessed feesAssessed(String commandId) {
        return new FeesAssessed(ID, commandId, "1405.1", V1.sha256(), FEES.lines(), TOTAL, 0, TOTAL, "2026-12-29");
    }

    static PaymentConfirmed paid() {
        return new PaymentConfirmed(ID, "c-pay", PAY_REFERENCE, TOTAL, "2026-11-29T07:12:00Z");
    }

    static ReviewerAssigned assigned() {
        return new ReviewerAssigned(ID, "c-assign", REVIEWER.subject(), REVIEWER.displayName(), "qazvin", "2026-12-13");
    }

    static ApplicationApproved approved() {
        return new ApplicationApproved(ID, "c-approve", REVIEWER.subject(), "CLERK", false, null, null, TODAY, "2026-12-14");
    }

    static ApplicationRejected rejected() {
        return new ApplicationRejected(ID, "c-reject", REVIEWER.subject(), "CLERK", false, "QAZVIN-DP-1404-117-ART-9",
                "پارکینگ طبقه همکف با ضوابط دسترسی سازگار نیست", null, TODAY);
    }

    static PermitIssued issued() {
        return new PermitIssued(ID, "c-issue", PERMIT_NUMBER, "qazvin", "1234/56", TODAY, "2028-11-28", CONDITIONS,
                COMPLIANT.envelope(), ENGINEER.subject(), ENGINEER.displayName());
    }

    /** Submitted, passed the check and priced: awaiting payment (version 2). */
    static List<Object> awaitingPayment() {
        return List.of(submitted(COMPLIANT), checked("c-submit", 1, COMPLIANT), feesAssessed("c-submit"));
    }

    /** The check failed: returned for correction (version 2). */
    static List<Object> returned() {
        ComplianceChecked failed = checked("c-submit", 1, FOUR_STOREYS);
        return List.of(submitted(FOUR_STOREYS), failed, new ApplicationReturnedForCorrection(ID, "c-submit", 1,
                ComplianceCheck.of(FOUR_STOREYS, ASSESSMENT.outcome()).violated(), "2027-02-27"));
    }

    static List<Object> awaitingReview() {
        return plus(awaitingPayment(), paid());
    }

    /** With the reviewer (version 4). */
    static List<Object> inReview() {
        return plus(awaitingReview(), assigned());
    }

    /** With the reviewer after a check that needs review (version 4). */
    static List<Object> inReviewNeedingReview() {
        return List.of(submitted(COMPLIANT), needingReview(), feesAssessed("c-submit"), paid(), assigned());
    }

    static List<Object> approvedFile() {
        return plus(inReview(), approved());
    }

    static List<Object> issuedPermit() {
        return plus(approvedFile(), issued());
    }

    static List<Object> plus(List<Object> history, Object... more) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }
}
