package ir.parvaneh.query.oversight;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ComplianceChecked;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionDeclined;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionProposed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeLineWaived;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionUpheld;
import ir.parvaneh.kernel.permit.PermitStage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What oversight keeps of an event, and the Jalali month it falls in: pure, no database. */
class FactOfTest {

    private static final String ID = "permit-application-1";

    @Test
    void givenFeesThenAwaitingPaymentWhenSomethingIsDueAndReadyForReviewWhenNothingIs() {
        assertThat(FactOf.of(new FeesAssessed(ID, "c", "v", "h", List.of(), 10, 0, 10, "1405-08-01")).orElseThrow()
                .stage()).isEqualTo(PermitStage.AWAITING_PAYMENT);
        FactOf free = FactOf.of(new FeesAssessed(ID, "c", "v", "h", List.of(), 10, 10, 0, null)).orElseThrow();
        assertThat(free.stage()).isEqualTo(PermitStage.AWAITING_REVIEW);
        assertThat(free.amountRials()).isZero();
    }

    @Test
    void givenAWaiverThenReadyForReviewOnlyWhenItLeavesNothingDue() {
        assertThat(FactOf.of(new FeeLineWaived(ID, "c", "COMMERCIAL", null, 400, 0)).orElseThrow().stage())
                .isEqualTo(PermitStage.AWAITING_REVIEW);
        FactOf partial = FactOf.of(new FeeLineWaived(ID, "c", "COMMERCIAL", null, 400, 100)).orElseThrow();
        assertThat(partial.stage()).isNull();
        assertThat(partial.amountRials()).isEqualTo(400);
    }

    @Test
    void givenDiscretionThenOnlyDecisionsOnReviewMoveTheStage() {
        FactOf waiver = FactOf.of(new DiscretionaryDecisionProposed(ID, "c", "WAIVE_FEE", "clerk", "CLERK", "B-1",
                "چرا", List.of("COMMERCIAL"), "COMMERCIAL", null, 400)).orElseThrow();
        assertThat(waiver.stage()).isNull();
        assertThat(waiver.discretionary()).isTrue();
        assertThat(waiver.legalBasisCode()).isEqualTo("B-1");
        FactOf approval = FactOf.of(new DiscretionaryDecisionProposed(ID, "c", "APPROVE", "clerk", "CLERK", "B-2",
                "چرا", List.of(), null, null, 0)).orElseThrow();
        assertThat(approval.stage()).isEqualTo(PermitStage.AWAITING_SECOND_APPROVAL);
        assertThat(approval.amountRials()).isNull();
        assertThat(FactOf.of(new DiscretionaryDecisionDeclined(ID, "c", "APPROVE", "clerk", "other", "CLERK", "نه"))
                .orElseThrow().stage()).isEqualTo(PermitStage.IN_REVIEW);
        assertThat(FactOf.of(new ObjectionUpheld(ID, "c", "third", "CLERK", "حق با متقاضی است")).orElseThrow()
                .stage()).isEqualTo(PermitStage.AWAITING_REVIEW);
    }

    @Test
    void givenTheCheckItselfThenNothingIsKept() {
        assertThat(FactOf.of(new ComplianceChecked(ID, "c", 1, "a", "v", "h", "PASSED", List.of()))).isEmpty();
    }

    @Test
    void givenAnInstantThenItsJalaliMonthInTehran() {
        // 30 Mehr 1405 ends at 20:30 UTC on 22 October 2026 (Tehran is UTC+3:30).
        assertThat(JalaliMonth.of(Instant.parse("2026-10-22T20:29:59Z"))).hasToString("1405-07");
        assertThat(JalaliMonth.of(Instant.parse("2026-10-22T20:30:00Z"))).hasToString("1405-08");
        assertThat(JalaliMonth.of(Instant.parse("2027-03-21T00:00:00Z"))).hasToString("1406-01");
        assertThat(JalaliMonth.parse("1405-12", "month").monthsTo(JalaliMonth.parse("1406-02", "to"))).isEqualTo(3);
        assertThatThrownBy(() -> JalaliMonth.parse("1405-00", "month")).isInstanceOf(DomainException.class);
    }
}
