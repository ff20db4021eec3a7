package ir.parvaneh.query.application;

import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionDeclined;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionProposed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeAssessmentHeld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeLineWaived;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionDismissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionFiled;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionUpheld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.query.jooq.query.tables.records.PermitApplicationRecord;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage rules of the fold, on the paths the API tests of the command side's {@code PermitApplicationHistory} do
 * not drive: discretionary decisions proposed and declined, fee waivers, objections, holds.
 */
class ApplicationFoldTest {

    private static final String ID = "permit-application-00000000-0000-0000-0000-000000000001";
    private static final Instant T0 = Instant.parse("2026-11-20T06:30:00Z");

    private final PermitApplicationRecord row = ApplicationFold.submitted(new PermitApplicationSubmitted(ID, "c",
            "municipality-x", "qazvin", "1/1", "citizen", "مریم", "0499370899", "2026-11-20", null, null, null,
            List.of()), 0, T0);
    private long sequence;

    private void apply(PermitApplicationEvent event, long secondsLater) {
        ApplicationFold.apply(row, event, ++sequence, T0.plusSeconds(secondsLater), reasons -> JSONB.valueOf("{}"));
    }

    @Test
    void givenADeclinedDiscretionaryApprovalThenBackInReviewWithTheSameDeadline() {
        apply(new FeesAssessed(ID, null, "1", "ab", List.of(), 0, 0, 0, null), 1);
        apply(new ReviewerAssigned(ID, null, "clerk", "علی", "qazvin", "2026-11-27"), 2);
        apply(new DiscretionaryDecisionProposed(ID, "c", "APPROVE", "clerk", "CLERK", "ART-14", "توجیه",
                List.of("use-permitted"), null, null, 0), 3);
        assertThat(row.getStage()).isEqualTo("AWAITING_SECOND_APPROVAL");
        assertThat(row.getNextStep()).isEqualTo("WAIT_FOR_SECOND_APPROVAL");
        apply(new DiscretionaryDecisionDeclined(ID, "c", "APPROVE", "clerk", "clerk2", "CLERK", "نه"), 4);
        assertThat(row.getStage()).isEqualTo("IN_REVIEW");
        assertThat(row.getEnteredStageAt().toInstant()).isEqualTo(T0.plusSeconds(4));
        apply(new ReviewDeadlineMissed(ID, null, "clerk", "2026-11-27"), 5);
        assertThat(row.getStage()).isEqualTo("IN_REVIEW");
        assertThat(row.getEnteredStageAt().toInstant()).isEqualTo(T0.plusSeconds(4));
        assertThat(row.getLastSequence()).isEqualTo(5);
    }

    @Test
    void givenAFeeWaiverThenPaymentWaitsForItAndNothingDueMovesOnToReview() {
        apply(new FeesAssessed(ID, null, "1", "ab", List.of(), 900, 0, 900, "2026-12-20"), 1);
        apply(new DiscretionaryDecisionProposed(ID, "c", "WAIVE_FEE", "clerk", "CLERK", "ART-7", "توجیه",
                List.of("RENOVATION"), "RENOVATION", null, 900), 2);
        assertThat(row.getStage()).isEqualTo("AWAITING_PAYMENT");
        assertThat(row.getNextStep()).isEqualTo("WAIT_FOR_FEE_WAIVER_DECISION");
        apply(new DiscretionaryDecisionConfirmed(ID, "c", "WAIVE_FEE", "clerk", "clerk2", "CLERK"), 3);
        apply(new FeeLineWaived(ID, "c", "RENOVATION", null, 900, 0), 3);
        assertThat(row.getStage()).isEqualTo("AWAITING_REVIEW");
        assertThat(row.getFeesDueRials()).isZero();
        assertThat(row.getPayBy()).isNull();
        assertThat(row.getNextStep()).isEqualTo("WAIT_FOR_REVIEWER");
    }

    @Test
    void givenARejectionThenOneObjectionAndAfterItsDismissalNothingMore() {
        apply(new ApplicationRejected(ID, "c", "clerk", "CLERK", false, "ART-14", "توجیه", null, "2026-11-28"), 1);
        assertThat(row.getNextStep()).isEqualTo("MAY_OBJECT");
        apply(new ObjectionFiled(ID, "c", "2026-11-29", "دلایل"), 2);
        assertThat(row.getStage()).isEqualTo("OBJECTION_PENDING");
        apply(new ObjectionDismissed(ID, "c", "clerk2", "CLERK", "نه"), 3);
        assertThat(row.getStage()).isEqualTo("REJECTED");
        assertThat(row.getNextStep()).isEqualTo("NONE");
    }

    @Test
    void givenAnUpheldObjectionThenBackToTheReviewQueueWithoutTheRejectionsReasons() {
        apply(new ApplicationRejected(ID, "c", "clerk", "CLERK", false, "ART-14", "توجیه", null, "2026-11-28"), 1);
        apply(new ObjectionFiled(ID, "c", "2026-11-29", "دلایل"), 2);
        apply(new ObjectionUpheld(ID, "c", "clerk2", "CLERK", "وارد است"), 3);
        assertThat(row.getStage()).isEqualTo("AWAITING_REVIEW");
        assertThat(row.getReasons()).isNull();
    }

    @Test
    void givenAHeldFeeAssessmentThenTheApplicantResubmitsByTheDay() {
        apply(new FeeAssessmentHeld(ID, null, "1", "ab", List.of(), List.of("no regional price P"), "2027-02-18"), 1);
        assertThat(row.getStage()).isEqualTo("FEES_UNDETERMINED");
        assertThat(row.getNextStep()).isEqualTo("RESUBMIT_WITH_MISSING_INFORMATION");
        assertThat(row.getCorrectBy()).hasToString("2027-02-18");
        assertThat(row.getReasons()).isNotNull();
    }
}
