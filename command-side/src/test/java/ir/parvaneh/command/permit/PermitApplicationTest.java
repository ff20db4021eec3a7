package ir.parvaneh.command.permit;

import ir.parvaneh.command.permit.write.ComplianceCheck;
import ir.parvaneh.command.permit.write.PermitApplication;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.permit.ConstructionStage;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
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
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionDismissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionFiled;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionUpheld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PaymentConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationResubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationWithdrawn;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReferredToViolationsCommission;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.kernel.permit.PermitCommands.ApproveApplication;
import ir.parvaneh.kernel.permit.PermitCommands.AssignReviewer;
import ir.parvaneh.kernel.permit.PermitCommands.ConfirmDiscretionaryDecision;
import ir.parvaneh.kernel.permit.PermitCommands.ConfirmPayment;
import ir.parvaneh.kernel.permit.PermitCommands.DecideObjection;
import ir.parvaneh.kernel.permit.PermitCommands.DeclineDiscretionaryDecision;
import ir.parvaneh.kernel.permit.PermitCommands.FileObjection;
import ir.parvaneh.kernel.permit.PermitCommands.IssueCompletionCertificate;
import ir.parvaneh.kernel.permit.PermitCommands.IssuePermit;
import ir.parvaneh.kernel.permit.PermitCommands.ProposeFeeWaiver;
import ir.parvaneh.kernel.permit.PermitCommands.RecordInspection;
import ir.parvaneh.kernel.permit.PermitCommands.ReferToViolationsCommission;
import ir.parvaneh.kernel.permit.PermitCommands.RejectApplication;
import ir.parvaneh.kernel.permit.PermitCommands.ReportConstructionStage;
import ir.parvaneh.kernel.permit.PermitCommands.RequestChanges;
import ir.parvaneh.kernel.permit.PermitCommands.ResubmitPermitApplication;
import ir.parvaneh.kernel.permit.PermitCommands.SubmitPermitApplication;
import ir.parvaneh.kernel.permit.PermitCommands.WithdrawPermitApplication;
import ir.parvaneh.kernel.permit.PermitValues.AssessmentReference;
import ir.parvaneh.kernel.permit.PermitValues.BuildingEnvelope;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;
import ir.parvaneh.kernel.permit.PermitValues.Discretion;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.EnvelopeDeviation;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;
import ir.parvaneh.kernel.rulebook.FeeLine;
import ir.parvaneh.kernel.rulebook.FeeOutcome;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static ir.parvaneh.command.permit.PermitEvents.CONDITIONS;
import static ir.parvaneh.command.permit.PermitEvents.FEES;
import static ir.parvaneh.command.permit.PermitEvents.PAY_REFERENCE;
import static ir.parvaneh.command.permit.PermitEvents.PERMIT_NUMBER;
import static ir.parvaneh.command.permit.PermitEvents.REFERENCE;
import static ir.parvaneh.command.permit.PermitEvents.TOTAL;
import static ir.parvaneh.command.permit.PermitEvents.approvedFile;
import static ir.parvaneh.command.permit.PermitEvents.assigned;
import static ir.parvaneh.command.permit.PermitEvents.awaitingPayment;
import static ir.parvaneh.command.permit.PermitEvents.awaitingReview;
import static ir.parvaneh.command.permit.PermitEvents.checked;
import static ir.parvaneh.command.permit.PermitEvents.inReview;
import static ir.parvaneh.command.permit.PermitEvents.inReviewNeedingReview;
import static ir.parvaneh.command.permit.PermitEvents.issuedPermit;
import static ir.parvaneh.command.permit.PermitEvents.plus;
import static ir.parvaneh.command.permit.PermitEvents.rejected;
import static ir.parvaneh.command.permit.PermitEvents.returned;
import static ir.parvaneh.command.permit.PermitEvents.submitted;
import static ir.parvaneh.command.permit.PermitTestData.APPLICATION;
import static ir.parvaneh.command.permit.PermitTestData.ARCHITECTURE;
import static ir.parvaneh.command.permit.PermitTestData.ASSESSMENT;
import static ir.parvaneh.command.permit.PermitTestData.ASSIGNMENT;
import static ir.parvaneh.command.permit.PermitTestData.COMPLIANT;
import static ir.parvaneh.command.permit.PermitTestData.DEED;
import static ir.parvaneh.command.permit.PermitTestData.DRAWINGS;
import static ir.parvaneh.command.permit.PermitTestData.ENGINEER;
import static ir.parvaneh.command.permit.PermitTestData.FOUR_STOREYS;
import static ir.parvaneh.command.permit.PermitTestData.GATEWAY;
import static ir.parvaneh.command.permit.PermitTestData.ID;
import static ir.parvaneh.command.permit.PermitTestData.INSPECTOR;
import static ir.parvaneh.command.permit.PermitTestData.NEIGHBOUR;
import static ir.parvaneh.command.permit.PermitTestData.OWNER;
import static ir.parvaneh.command.permit.PermitTestData.QAZVIN;
import static ir.parvaneh.command.permit.PermitTestData.QAZVIN_ADMIN;
import static ir.parvaneh.command.permit.PermitTestData.REVIEWER;
import static ir.parvaneh.command.permit.PermitTestData.RULEBOOKS;
import static ir.parvaneh.command.permit.PermitTestData.SECOND_CLERK;
import static ir.parvaneh.command.permit.PermitTestData.STRUCTURE;
import static ir.parvaneh.command.permit.PermitTestData.TAKESTAN_CLERK;
import static ir.parvaneh.command.permit.PermitTestData.TEHRAN_MORNING;
import static ir.parvaneh.command.permit.PermitTestData.TODAY;
import static ir.parvaneh.command.permit.PermitTestData.V1;
import static ir.parvaneh.command.permit.PermitTestData.assessment;
import static ir.parvaneh.command.permit.PermitTestData.feeBasis;
import static ir.parvaneh.command.permit.PermitTestData.lot;
import static ir.parvaneh.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A permit application's whole lifecycle on Axon's aggregate fixture, stage by stage: every legal transition with the
 * events it records, every illegal one refused with its stable code and no event, the deadlines, retries and the
 * version conflict. The clock stands on 8 Azar 1405 (29 November 2026), 10:00 in Tehran.
 */
class PermitApplicationTest {

    /** Days end at midnight in Tehran (UTC+03:30): the wait whose last day is 29 December ends at 20:30 UTC that day. */
    private static final Instant PAYMENT_OVER = Instant.parse("2026-12-29T20:30:00Z");
    private static final Instant CORRECTION_OVER = Instant.parse("2027-02-27T20:30:00Z");
    private static final Instant REVIEW_OVER = Instant.parse("2026-12-13T20:30:00Z");
    private static final Instant ISSUE_OVER = Instant.parse("2026-12-14T20:30:00Z");
    private static final Discretion BASIS = new Discretion("QAZVIN-DP-1404-117-ART-14",
            "پارکینگ از معبر ۱۲ متری با رمپ مستقل تأمین می‌شود؛ کمیسیون فنی منطقه موافقت کرده است");

    private AggregateTestFixture<PermitApplication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PermitApplication.class);
        fixture.registerInjectableResource(TEHRAN_MORNING);
        fixture.registerInjectableResource(RULEBOOKS);
        fixture.registerInjectableResource(PermitTestData.NO_CONSENTS);
    }

    private static SubmitPermitApplication submit(String commandId, ZoningAssessmentIssued assessment, ProposedBuilding building,
                                                  List<DocumentReference> documents) {
        return new SubmitPermitApplication(APPLICATION, commandId, QAZVIN, "qazvin", "۱۲۳۴/۵۶", assessment, building, DEED,
                documents);
    }

    private static SubmitPermitApplication submit(ProposedBuilding building) {
        return submit("c-submit", ASSESSMENT, building, DRAWINGS);
    }

    private static Object as(Actor actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData());
    }

    private ResultValidator<PermitApplication> given(List<Object> history, Object command, Actor actor) {
        return fixture.given(history).when(command, actor.toMetaData());
    }

    private TestExecutor<PermitApplication> onTheClock(Object... commands) {
        return fixture.givenCurrentTime(TEHRAN_MORNING.instant()).andGivenCommands(commands);
    }

    private static List<ComplianceResult> passingRules() {
        return List.of(
                new ComplianceResult("use-permitted", "intended-use-permitted", "PASSED", "true", "RESIDENTIAL", null),
                new ComplianceResult("floors-within-max", "max-floors", "PASSED", "3", "3", null),
                new ComplianceResult("gross-floor-area-within-max", "max-gross-floor-area-m2", "PASSED", "540", "540", null),
                new ComplianceResult("footprint-within-max", "max-footprint-m2", "PASSED", "180", "180", null),
                new ComplianceResult("units-within-max", "max-units", "PASSED", "6", "6", null),
                new ComplianceResult("parking-meets-required", "required-parking", "PASSED", "6", "6", null),
                new ComplianceResult("lot-size-meets-minimum", "min-lot-size-met", "PASSED", "true", "true", null));
    }

    @Nested
    class Submission {

        @Test
        void aCompliantProposalIsCheckedRuleByRuleAndPricedByTheAssessmentsRulebookThenAwaitsPayment() {
            assertThat(TOTAL).isPositive();
            assertThat(FEES.complete()).isTrue();

            fixture.givenCurrentTime(TEHRAN_MORNING.instant())
                    .when(submit(COMPLIANT), OWNER.toMetaData())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            submitted(COMPLIANT),
                            new ComplianceChecked(ID, "c-submit", 1, ASSESSMENT.assessmentId(), "1405.1", V1.sha256(),
                                    "PASSED", passingRules()),
                            new FeesAssessed(ID, "c-submit", "1405.1", V1.sha256(), FEES.lines(), TOTAL, 0, TOTAL,
                                    "2026-12-29"))
                    .expectScheduledDeadline(PAYMENT_OVER, "2026-12-29");
        }

        @Test
        void aProposalOverTheLimitsGoesBackWithTheViolatedRulesAndAWaitForTheCorrection() {
            fixture.givenCurrentTime(TEHRAN_MORNING.instant())
                    .when(submit(FOUR_STOREYS), OWNER.toMetaData())
                    .expectEvents(
                            submitted(FOUR_STOREYS),
                            checked("c-submit", 1, FOUR_STOREYS),
                            new ApplicationReturnedForCorrection(ID, "c-submit", 1, List.of(
                                    new ComplianceResult("floors-within-max", "max-floors", "FAILED", "3", "4", null),
                                    new ComplianceResult("gross-floor-area-within-max", "max-gross-floor-area-m2", "FAILED",
                                            "540", "720", null)), "2027-02-27"))
                    .expectScheduledDeadline(CORRECTION_OVER, "2027-02-27");
        }

        @Test
        void withoutTheRegionalPriceTheFeesAreHeldNotChargedAsZero() {
            ZoningAssessmentIssued unpriced = assessment(lot(300.0, null), "RESIDENTIAL", TODAY, "2027-05-28");
            FeeOutcome fees = V1.fees(feeBasis(COMPLIANT, null));

            fixture.givenNoPriorActivity()
                    .when(submit("c-submit", unpriced, COMPLIANT, DRAWINGS), OWNER.toMetaData())
                    .expectEvents(
                            submitted(COMPLIANT),
                            checked("c-submit", 1, COMPLIANT),
                            new FeeAssessmentHeld(ID, "c-submit", "1405.1", V1.sha256(), fees.lines(),
                                    List.of("fee-building-area-rials: priceRialsPerM2: the regional price P is not given"),
                                    "2027-02-27"));
        }

        @Test
        void anAssessmentValidUntilTodayIsStillValid() {
            fixture.givenNoPriorActivity()
                    .when(submit("c-submit", assessment(PermitTestData.LOT, "RESIDENTIAL", "2026-06-02", TODAY), COMPLIANT,
                            DRAWINGS), OWNER.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anAssessmentThatExpiredYesterdayIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(submit("c-submit", assessment(PermitTestData.LOT, "RESIDENTIAL", "2026-06-01", "2026-11-28"),
                            COMPLIANT, DRAWINGS), OWNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_ASSESSMENT_EXPIRED, "validUntil", "2026-11-28"));
        }

        @Test
        void anAssessmentOfAnotherParcelIsRefused() {
            SubmitPermitApplication otherPlate = new SubmitPermitApplication(APPLICATION, "c-submit", QAZVIN, "qazvin",
                    "1234/57", ASSESSMENT, COMPLIANT, DEED, DRAWINGS);
            fixture.givenNoPriorActivity()
                    .when(otherPlate, OWNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_ASSESSMENT_MISMATCH, "field", "plate"));
        }

        @Test
        void anAssessmentOfAnotherMunicipalityIsRefused() {
            SubmitPermitApplication takestan = new SubmitPermitApplication(APPLICATION, "c-submit",
                    MunicipalityId.forProvinceSlug("takestan"), "takestan", "1234/56", ASSESSMENT, COMPLIANT, DEED, DRAWINGS);
            fixture.givenNoPriorActivity()
                    .when(takestan, OWNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_ASSESSMENT_MISMATCH, "field", "municipality"));
        }

        @Test
        void anAssessmentForAnotherUseIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(submit("c-submit", assessment(PermitTestData.LOT, "COMMERCIAL", TODAY, "2027-05-28"), COMPLIANT,
                            DRAWINGS), OWNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_ASSESSMENT_MISMATCH, "field", "intendedUse"));
        }

        @Test
        void onlyACitizenApplies() {
            fixture.givenNoPriorActivity()
                    .when(submit(COMPLIANT), REVIEWER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void aNegativeFloorAreaIsRefusedNamingTheFloor() {
            ProposedBuilding negative = new ProposedBuilding("RESIDENTIAL", List.of(
                    new ProposedFloor(0, "STOREY", "PARKING", 180), new ProposedFloor(1, "STOREY", "RESIDENTIAL", -180)),
                    180, 2, 2, 6.5, null);
            fixture.givenNoPriorActivity()
                    .when(submit(negative), OWNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_PROPOSAL_INVALID, "field", "building.floors[1].grossAreaM2"));
        }

        @Test
        void noUnitsIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(submit(PermitTestData.building(3, 180, 0, 6)), OWNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_PROPOSAL_INVALID, "field", "building.units"));
        }

        @Test
        void structuralDrawingsThatAreNotPdfAreRefused() {
            DocumentReference word = new DocumentReference("STRUCTURAL_DRAWINGS", "نقشه-سازه.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 80_211, STRUCTURE.sha256());
            fixture.givenNoPriorActivity()
                    .when(submit("c-submit", ASSESSMENT, COMPLIANT, List.of(ARCHITECTURE, word)), OWNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_DOCUMENT_INVALID, "missingKind", "STRUCTURAL_DRAWINGS"));
        }

        @Test
        void aDocumentWithoutAProperHashIsRefused() {
            DocumentReference unhashed = new DocumentReference("ARCHITECTURAL_DRAWINGS", "نقشه-معماری.pdf",
                    "application/pdf", 4_812_004, "not-a-hash");
            fixture.givenNoPriorActivity()
                    .when(submit("c-submit", ASSESSMENT, COMPLIANT, List.of(unhashed, STRUCTURE)), OWNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_DOCUMENT_INVALID, "field", "documents[0].sha256"));
        }

        @Test
        void theSameSubmissionSentAgainChangesNothing() {
            given(awaitingPayment(), submit(COMPLIANT), OWNER)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aSecondSubmissionUnderTheSameIdIsRefused() {
            given(awaitingPayment(), submit("c-submit-again", ASSESSMENT, COMPLIANT, DRAWINGS), OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_APPLICATION_ALREADY_SUBMITTED));
        }

        @Test
        void aCommandWithoutACommandIdIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(submit(" ", ASSESSMENT, COMPLIANT, DRAWINGS), OWNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", "commandId"));
        }
    }

    @Nested
    class Resubmission {

        private ResubmitPermitApplication resubmit(String commandId, ZoningAssessmentIssued assessment) {
            return new ResubmitPermitApplication(APPLICATION, commandId, assessment, COMPLIANT, DRAWINGS);
        }

        @Test
        void aCorrectedProposalIsCheckedAgainAndPriced() {
            given(returned(), resubmit("c-resubmit", ASSESSMENT), OWNER)
                    .expectEvents(
                            new PermitApplicationResubmitted(ID, "c-resubmit", 2, TODAY, REFERENCE, COMPLIANT, DRAWINGS),
                            new ComplianceChecked(ID, "c-resubmit", 2, ASSESSMENT.assessmentId(), "1405.1", V1.sha256(),
                                    "PASSED", passingRules()),
                            new FeesAssessed(ID, "c-resubmit", "1405.1", V1.sha256(), FEES.lines(), TOTAL, 0, TOTAL,
                                    "2026-12-29"));
        }

        @Test
        void heldFeesArePricedOnceTheAssessmentHasThePrice() {
            ZoningAssessmentIssued unpriced = assessment(lot(300.0, null), "RESIDENTIAL", TODAY, "2027-05-28");
            FeeOutcome held = V1.fees(feeBasis(COMPLIANT, null));
            List<Object> history = List.of(submitted(COMPLIANT), checked("c-submit", 1, COMPLIANT),
                    new FeeAssessmentHeld(ID, "c-submit", "1405.1", V1.sha256(), held.lines(), List.of("…"), "2027-02-27"));
            assertThat(unpriced.outcome().output("max-floors").orElseThrow().value()).isEqualTo("3");

            given(history, resubmit("c-priced", ASSESSMENT), OWNER)
                    .expectEvents(
                            new PermitApplicationResubmitted(ID, "c-priced", 2, TODAY, REFERENCE, COMPLIANT, DRAWINGS),
                            new ComplianceChecked(ID, "c-priced", 2, ASSESSMENT.assessmentId(), "1405.1", V1.sha256(),
                                    "PASSED", passingRules()),
                            new FeesAssessed(ID, "c-priced", "1405.1", V1.sha256(), FEES.lines(), TOTAL, 0, TOTAL,
                                    "2026-12-29"));
        }

        @Test
        void afterTheReviewersChangesWhatWasPaidCountsAndNothingMoreIsDue() {
            List<Object> history = plus(inReview(), new ChangesRequested(ID, "c-changes", REVIEWER.subject(), "CLERK",
                    List.of("setback-rule"), "عقب‌نشینی در نقشه معماری رعایت نشده است", "2027-02-27"));

            given(history, resubmit("c-corrected", ASSESSMENT), OWNER)
                    .expectEvents(
                            new PermitApplicationResubmitted(ID, "c-corrected", 2, TODAY, REFERENCE, COMPLIANT, DRAWINGS),
                            new ComplianceChecked(ID, "c-corrected", 2, ASSESSMENT.assessmentId(), "1405.1", V1.sha256(),
                                    "PASSED", passingRules()),
                            new FeesAssessed(ID, "c-corrected", "1405.1", V1.sha256(), FEES.lines(), TOTAL, TOTAL, 0, null))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aCorrectionOnAnExpiredAssessmentIsRefused() {
            given(returned(), resubmit("c-resubmit", assessment(PermitTestData.LOT, "RESIDENTIAL", "2026-05-01",
                    "2026-10-27")), OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_ASSESSMENT_EXPIRED, "validUntil", "2026-10-27"));
        }

        @Test
        void aCorrectionOnAnAssessmentOfAnotherParcelIsRefused() {
            ZoningAssessmentIssued neighbours = new ZoningAssessmentIssued(ASSESSMENT.assessmentId(), ASSESSMENT.municipalityId(),
                    "qazvin", "1234/58", "RESIDENTIAL", TODAY, TODAY, "2027-05-28", "1405.1", V1.sha256(), ASSESSMENT.facts(),
                    ASSESSMENT.outcome());
            given(returned(), resubmit("c-resubmit", neighbours), OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_ASSESSMENT_MISMATCH, "field", "plate"));
        }

        @Test
        void onlyTheApplicantResubmits() {
            given(returned(), resubmit("c-resubmit", ASSESSMENT), NEIGHBOUR)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_NOT_APPLICANT));
        }

        @Test
        void anApplicationAwaitingPaymentCannotBeResubmitted() {
            given(awaitingPayment(), resubmit("c-resubmit", ASSESSMENT), OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_TRANSITION_NOT_ALLOWED, "stage", "AWAITING_PAYMENT"));
        }

        @Test
        void theSameResubmissionSentAgainChangesNothing() {
            List<Object> history = plus(returned(), new PermitApplicationResubmitted(ID, "c-resubmit", 2, TODAY, REFERENCE,
                    FOUR_STOREYS, DRAWINGS), checked("c-resubmit", 2, FOUR_STOREYS), new ApplicationReturnedForCorrection(ID,
                    "c-resubmit", 2, ComplianceCheck.of(FOUR_STOREYS, ASSESSMENT.outcome()).violated(), "2027-02-27"));

            given(history, resubmit("c-resubmit", ASSESSMENT), OWNER)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Payment {

        private ConfirmPayment pay(String commandId, String reference, long amount) {
            return new ConfirmPayment(APPLICATION, commandId, reference, amount, "2026-11-29T07:12:00Z");
        }

        @Test
        void theGatewayConfirmsTheAmountDue() {
            given(awaitingPayment(), pay("c-pay", PAY_REFERENCE, TOTAL), GATEWAY)
                    .expectEvents(new PaymentConfirmed(ID, "c-pay", PAY_REFERENCE, TOTAL, "2026-11-29T07:12:00Z"));
        }

        @Test
        void anAmountOtherThanTheAmountDueIsRefused() {
            given(awaitingPayment(), pay("c-pay", PAY_REFERENCE, TOTAL - 1000), GATEWAY)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_PAYMENT_AMOUNT_MISMATCH, "dueRials", TOTAL));
        }

        @Test
        void theSameConfirmationAgainIsANoOpEvenUnderAnotherCommandId() {
            given(awaitingReview(), pay("c-pay-callback-2", PAY_REFERENCE, TOTAL), GATEWAY)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aSecondDifferentPaymentAfterPaymentIsRefused() {
            given(awaitingReview(), pay("c-pay-2", "IRK-1405-0099999", TOTAL), GATEWAY)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_PAYMENT_NOT_DUE, "stage", "AWAITING_REVIEW"));
        }

        @Test
        void aPaymentForAnApplicationReturnedForCorrectionIsRefused() {
            given(returned(), pay("c-pay", PAY_REFERENCE, TOTAL), GATEWAY)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_PAYMENT_NOT_DUE));
        }

        @Test
        void nobodyButTheGatewayConfirmsAPayment() {
            given(awaitingPayment(), pay("c-pay", PAY_REFERENCE, TOTAL), OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }
    }

    @Nested
    class Review {

        private AssignReviewer assign(Actor reviewer, String due) {
            return new AssignReviewer(APPLICATION, "c-assign", reviewer.subject(), reviewer.displayName(), reviewer.role().name(),
                    reviewer.municipality(), due);
        }

        @Test
        void thePolicyAssignsAClerkOfTheMunicipalityWithADueDay() {
            fixture.givenCurrentTime(TEHRAN_MORNING.instant()).andGiven(awaitingReview())
                    .when(assign(REVIEWER, "2026-12-13"), ASSIGNMENT.toMetaData())
                    .expectEvents(new ReviewerAssigned(ID, "c-assign", REVIEWER.subject(), REVIEWER.displayName(), "qazvin",
                            "2026-12-13"))
                    .expectScheduledDeadline(REVIEW_OVER, "2026-12-13");
        }

        @Test
        void aClerkOfAnotherMunicipalityCannotReview() {
            given(awaitingReview(), assign(TAKESTAN_CLERK, "2026-12-13"), ASSIGNMENT)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_REVIEWER_NOT_ELIGIBLE));
        }

        @Test
        void anInspectorCannotReview() {
            given(awaitingReview(), assign(INSPECTOR, "2026-12-13"), ASSIGNMENT)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_REVIEWER_NOT_ELIGIBLE));
        }

        @Test
        void noPersonChoosesTheReviewer() {
            given(awaitingReview(), assign(REVIEWER, "2026-12-13"), QAZVIN_ADMIN)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void anUnpaidApplicationIsNotAssigned() {
            given(awaitingPayment(), assign(REVIEWER, "2026-12-13"), ASSIGNMENT)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_TRANSITION_NOT_ALLOWED, "stage", "AWAITING_PAYMENT"));
        }

        @Test
        void aReviewCannotBeDueInThePast() {
            given(awaitingReview(), assign(REVIEWER, "2026-11-28"), ASSIGNMENT)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", "reviewDueOn"));
        }

        @Test
        void theReviewerApprovesAPassingApplicationAndTheFifteenDayIssueLimitStarts() {
            fixture.givenCurrentTime(TEHRAN_MORNING.instant()).andGiven(inReview())
                    .when(new ApproveApplication(APPLICATION, "c-approve", 4L, null), REVIEWER.toMetaData())
                    .expectEvents(new ApplicationApproved(ID, "c-approve", REVIEWER.subject(), "CLERK", false, null, null,
                            TODAY, "2026-12-14"))
                    .expectScheduledDeadline(ISSUE_OVER, "2026-12-14");
        }

        @Test
        void onlyTheAssignedReviewerDecides() {
            given(inReview(), new ApproveApplication(APPLICATION, "c-approve", 4L, null), SECOND_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_NOT_ASSIGNED_REVIEWER));
        }

        @Test
        void anApplicationAwaitingPaymentCannotBeApproved() {
            given(awaitingPayment(), new ApproveApplication(APPLICATION, "c-approve", 2L, null), REVIEWER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_TRANSITION_NOT_ALLOWED, "command", "ApproveApplication"));
        }

        @Test
        void aDecisionWithoutTheVersionTheDeciderSawIsRefused() {
            given(inReview(), new ApproveApplication(APPLICATION, "c-approve", null, null), REVIEWER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", "expectedVersion"));
        }

        @Test
        void theReviewerRequestsChangesCitingRulesAndOutputs() {
            fixture.givenCurrentTime(TEHRAN_MORNING.instant()).andGiven(inReview())
                    .when(new RequestChanges(APPLICATION, "c-changes", 4L, List.of("setback-rule", "parking-meets-required"),
                            "رمپ پارکینگ با عقب‌نشینی تداخل دارد"), REVIEWER.toMetaData())
                    .expectEvents(new ChangesRequested(ID, "c-changes", REVIEWER.subject(), "CLERK",
                            List.of("setback-rule", "parking-meets-required"), "رمپ پارکینگ با عقب‌نشینی تداخل دارد",
                            "2027-02-27"))
                    .expectScheduledDeadline(CORRECTION_OVER, "2027-02-27");
        }

        @Test
        void aCitationOfNoRuleOrOutputIsRefused() {
            given(inReview(), new RequestChanges(APPLICATION, "c-changes", 4L, List.of("max-balconies"), "…"), REVIEWER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_RULE_CITATION_INVALID, "rule", "max-balconies"));
        }

        @Test
        void theReviewerRejectsAnApplicationThatNeedsReviewCitingTheLegalBasis() {
            given(inReviewNeedingReview(), new RejectApplication(APPLICATION, "c-reject", 4L, BASIS), REVIEWER)
                    .expectEvents(new ApplicationRejected(ID, "c-reject", REVIEWER.subject(), "CLERK", false,
                            BASIS.legalBasisCode(), BASIS.justification(), null, TODAY));
        }

        @Test
        void aRejectionWithoutALegalBasisIsRefused() {
            given(inReviewNeedingReview(), new RejectApplication(APPLICATION, "c-reject", 4L,
                    new Discretion(" ", "ناقص")), REVIEWER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_DISCRETION_REQUIRED));
        }

        @Test
        void aMissedReviewDeadlineLeavesTheApplicationWithTheReviewer() {
            given(plus(inReview(), new ReviewDeadlineMissed(ID, null, REVIEWER.subject(), "2026-12-13")),
                    new ApproveApplication(APPLICATION, "c-approve", 5L, null), REVIEWER)
                    .expectEvents(new ApplicationApproved(ID, "c-approve", REVIEWER.subject(), "CLERK", false, null, null,
                            TODAY, "2026-12-14"));
        }
    }

    @Nested
    class DiscretionaryDecisions {

        private final List<String> allRules = ComplianceCheck.RULES;

        private DiscretionaryDecisionProposed proposedApproval() {
            return new DiscretionaryDecisionProposed(ID, "c-approve", "APPROVE", REVIEWER.subject(), "CLERK",
                    BASIS.legalBasisCode(), BASIS.justification(), List.of("parking-meets-required"), null, null, 0);
        }

        @Test
        void rejectingAPassingApplicationIsProposedForASecondApprover() {
            given(inReview(), new RejectApplication(APPLICATION, "c-reject", 4L, BASIS), REVIEWER)
                    .expectEvents(new DiscretionaryDecisionProposed(ID, "c-reject", "REJECT", REVIEWER.subject(), "CLERK",
                            BASIS.legalBasisCode(), BASIS.justification(), allRules, null, null, 0));
        }

        @Test
        void approvingWithAnUncheckedRuleNeedsALegalBasisAndAJustification() {
            given(inReviewNeedingReview(), new ApproveApplication(APPLICATION, "c-approve", 4L, null), REVIEWER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_DISCRETION_REQUIRED));
        }

        @Test
        void approvingWithAnUncheckedRuleIsProposedNamingTheRule() {
            given(inReviewNeedingReview(), new ApproveApplication(APPLICATION, "c-approve", 4L, BASIS), REVIEWER)
                    .expectEvents(proposedApproval());
        }

        @Test
        void anotherClerkOfTheMunicipalityConfirmsAndTheApprovalIsRecordedAsDiscretionary() {
            given(plus(inReviewNeedingReview(), proposedApproval()),
                    new ConfirmDiscretionaryDecision(APPLICATION, "c-confirm", 5L), SECOND_CLERK)
                    .expectEvents(
                            new DiscretionaryDecisionConfirmed(ID, "c-confirm", "APPROVE", REVIEWER.subject(),
                                    SECOND_CLERK.subject(), "CLERK"),
                            new ApplicationApproved(ID, "c-confirm", REVIEWER.subject(), "CLERK", true,
                                    BASIS.legalBasisCode(), SECOND_CLERK.subject(), TODAY, "2026-12-14"));
        }

        @Test
        void theProposerCannotBeTheirOwnSecondApprover() {
            given(plus(inReviewNeedingReview(), proposedApproval()),
                    new ConfirmDiscretionaryDecision(APPLICATION, "c-confirm", 5L), REVIEWER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_SECOND_APPROVER_NOT_ELIGIBLE, "proposerSubject",
                            REVIEWER.subject()));
        }

        @Test
        void aClerkOfAnotherMunicipalityCannotConfirm() {
            given(plus(inReviewNeedingReview(), proposedApproval()),
                    new ConfirmDiscretionaryDecision(APPLICATION, "c-confirm", 5L), TAKESTAN_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_SECOND_APPROVER_NOT_ELIGIBLE, "municipality", "takestan"));
        }

        @Test
        void anInspectorCannotConfirm() {
            given(plus(inReviewNeedingReview(), proposedApproval()),
                    new ConfirmDiscretionaryDecision(APPLICATION, "c-confirm", 5L), INSPECTOR)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_SECOND_APPROVER_NOT_ELIGIBLE));
        }

        @Test
        void aDeclinedDecisionGoesBackToTheReviewer() {
            DiscretionaryDecisionDeclined declined = new DiscretionaryDecisionDeclined(ID, "c-decline", "APPROVE",
                    REVIEWER.subject(), QAZVIN_ADMIN.subject(), "MUNICIPAL_ADMIN", "مستندات تأمین پارکینگ کافی نیست");
            given(plus(inReviewNeedingReview(), proposedApproval()),
                    new DeclineDiscretionaryDecision(APPLICATION, "c-decline", 5L, "مستندات تأمین پارکینگ کافی نیست"),
                    QAZVIN_ADMIN)
                    .expectEvents(declined);

            fixture.given(plus(inReviewNeedingReview(), proposedApproval(), declined))
                    .when(new RejectApplication(APPLICATION, "c-reject", 6L, BASIS), REVIEWER.toMetaData())
                    .expectEvents(new ApplicationRejected(ID, "c-reject", REVIEWER.subject(), "CLERK", false,
                            BASIS.legalBasisCode(), BASIS.justification(), null, TODAY));
        }

        @Test
        void nothingPendingNothingToConfirm() {
            given(inReview(), new ConfirmDiscretionaryDecision(APPLICATION, "c-confirm", 4L), SECOND_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_TRANSITION_NOT_ALLOWED));
        }

        @Test
        void aConfirmedRejectionIsRecordedAsDiscretionaryWithBothPeople() {
            DiscretionaryDecisionProposed proposed = new DiscretionaryDecisionProposed(ID, "c-reject", "REJECT",
                    REVIEWER.subject(), "CLERK", BASIS.legalBasisCode(), BASIS.justification(), allRules, null, null, 0);
            given(plus(inReview(), proposed), new ConfirmDiscretionaryDecision(APPLICATION, "c-confirm", 5L), SECOND_CLERK)
                    .expectEvents(
                            new DiscretionaryDecisionConfirmed(ID, "c-confirm", "REJECT", REVIEWER.subject(),
                                    SECOND_CLERK.subject(), "CLERK"),
                            new ApplicationRejected(ID, "c-confirm", REVIEWER.subject(), "CLERK", true,
                                    BASIS.legalBasisCode(), BASIS.justification(), SECOND_CLERK.subject(), TODAY));
        }

        @Test
        void aFeeWaiverIsProposedConfirmedAndLeavesNothingDue() {
            FeeLine line = FEES.lines().get(0);
            DiscretionaryDecisionProposed proposed = new DiscretionaryDecisionProposed(ID, "c-waive", "WAIVE_FEE",
                    REVIEWER.subject(), "CLERK", BASIS.legalBasisCode(), BASIS.justification(), List.of(line.type()),
                    line.type(), null, line.amountRials());
            assertThat(FEES.lines()).hasSize(1);

            given(awaitingPayment(), new ProposeFeeWaiver(APPLICATION, "c-waive", 2L, line.type(), null, BASIS), REVIEWER)
                    .expectEvents(proposed);

            fixture.given(plus(awaitingPayment(), proposed))
                    .when(new ConfirmDiscretionaryDecision(APPLICATION, "c-confirm", 3L), QAZVIN_ADMIN.toMetaData())
                    .expectEvents(
                            new DiscretionaryDecisionConfirmed(ID, "c-confirm", "WAIVE_FEE", REVIEWER.subject(),
                                    QAZVIN_ADMIN.subject(), "MUNICIPAL_ADMIN"),
                            new FeeLineWaived(ID, "c-confirm", line.type(), null, TOTAL, 0));
        }

        @Test
        void noPaymentIsTakenWhileAWaiverIsPending() {
            FeeLine line = FEES.lines().get(0);
            given(plus(awaitingPayment(), new DiscretionaryDecisionProposed(ID, "c-waive", "WAIVE_FEE", REVIEWER.subject(),
                            "CLERK", BASIS.legalBasisCode(), BASIS.justification(), List.of(line.type()), line.type(), null,
                            line.amountRials())),
                    new ConfirmPayment(APPLICATION, "c-pay", PAY_REFERENCE, TOTAL, "2026-11-29T07:12:00Z"), GATEWAY)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_DISCRETION_PENDING, "kind", "WAIVE_FEE"));
        }

        @Test
        void aFeeLineTheApplicationDoesNotOweCannotBeWaived() {
            given(awaitingPayment(), new ProposeFeeWaiver(APPLICATION, "c-waive", 2L, "fee-commercial-rials", 0, BASIS),
                    REVIEWER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_FEE_LINE_UNKNOWN, "feeLine", "fee-commercial-rials@0"));
        }

        @Test
        void aWaiverNamesItsFeeLine() {
            given(awaitingPayment(), new ProposeFeeWaiver(APPLICATION, "c-waive", 2L, " ", null, BASIS), REVIEWER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", "feeType"));
        }

        @Test
        void aCitizenCannotProposeAWaiver() {
            given(awaitingPayment(), new ProposeFeeWaiver(APPLICATION, "c-waive", 2L, "fee-building-area-rials", null, BASIS),
                    OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }
    }

    @Nested
    class Issue {

        private IssuePermit issue(String number) {
            return new IssuePermit(APPLICATION, "c-issue", number, CONDITIONS, ENGINEER.subject(), ENGINEER.displayName());
        }

        @Test
        void aClerkIssuesThePermitWithTheApprovedEnvelopeForTwoYears() {
            given(approvedFile(), issue(PERMIT_NUMBER), SECOND_CLERK)
                    .expectEvents(new PermitIssued(ID, "c-issue", PERMIT_NUMBER, "qazvin", "1234/56", TODAY, "2028-11-28",
                            CONDITIONS, new BuildingEnvelope(3, 540, 180, 13.5), ENGINEER.subject(), ENGINEER.displayName()));
        }

        @Test
        void aMalformedNumberIsRefused() {
            given(approvedFile(), issue("qazvin-000123"), SECOND_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_NUMBER_INVALID, "permitNumber", "qazvin-000123"));
        }

        @Test
        void aNumberOfAnotherMunicipalityIsRefused() {
            given(approvedFile(), issue("takestan-1405-000123"), SECOND_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_NUMBER_INVALID));
        }

        @Test
        void anApplicationUnderReviewHasNoPermitYet() {
            given(inReview(), issue(PERMIT_NUMBER), SECOND_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_TRANSITION_NOT_ALLOWED, "stage", "IN_REVIEW"));
        }

        @Test
        void aClerkOfAnotherMunicipalityCannotIssue() {
            given(approvedFile(), issue(PERMIT_NUMBER), TAKESTAN_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_MUNICIPALITY));
        }
    }

    @Nested
    class Construction {

        private static final BuildingEnvelope AS_APPROVED = new BuildingEnvelope(3, 540, 180, 13.5);
        private static final BuildingEnvelope EXTRA_STOREY = new BuildingEnvelope(4, 720, 180, 17);

        private ReportConstructionStage report(String commandId, ConstructionStage stage, BuildingEnvelope measured) {
            return new ReportConstructionStage(APPLICATION, commandId, stage, measured, "گزارش مرحله‌ای مهندس ناظر");
        }

        private ConstructionStageReported reported(String commandId, ConstructionStage stage, BuildingEnvelope measured,
                                                   List<EnvelopeDeviation> deviations) {
            return new ConstructionStageReported(ID, commandId, stage.name(), ENGINEER.subject(), TODAY, measured,
                    "گزارش مرحله‌ای مهندس ناظر", deviations, !deviations.isEmpty());
        }

        private InspectionRecorded inspected(String commandId, BuildingEnvelope measured, List<EnvelopeDeviation> deviations) {
            return new InspectionRecorded(ID, commandId, INSPECTOR.subject(), TODAY, measured, "بازدید پایانی",
                    deviations, !deviations.isEmpty());
        }

        private List<EnvelopeDeviation> extraStorey() {
            return List.of(new EnvelopeDeviation("floors", "3", "4"), new EnvelopeDeviation("grossFloorAreaM2", "540", "720"),
                    new EnvelopeDeviation("heightM", "13.5", "17"));
        }

        private List<Object> finished(BuildingEnvelope measured, List<EnvelopeDeviation> deviations) {
            return plus(issuedPermit(), reported("c-f", ConstructionStage.FOUNDATION, AS_APPROVED, List.of()),
                    reported("c-s", ConstructionStage.STRUCTURE, AS_APPROVED, List.of()),
                    reported("c-n", ConstructionStage.FINISHING, measured, deviations));
        }

        @Test
        void theFoundationWithinTheEnvelopeIsReportedUnflagged() {
            given(issuedPermit(), report("c-f", ConstructionStage.FOUNDATION, AS_APPROVED), ENGINEER)
                    .expectEvents(reported("c-f", ConstructionStage.FOUNDATION, AS_APPROVED, List.of()));
        }

        @Test
        void aStructureWithAnExtraStoreyIsFlaggedAtOnce() {
            given(plus(issuedPermit(), reported("c-f", ConstructionStage.FOUNDATION, AS_APPROVED, List.of())),
                    report("c-s", ConstructionStage.STRUCTURE, EXTRA_STOREY), ENGINEER)
                    .expectEvents(reported("c-s", ConstructionStage.STRUCTURE, EXTRA_STOREY, extraStorey()));
        }

        @Test
        void stagesAreReportedInOrder() {
            given(issuedPermit(), report("c-s", ConstructionStage.STRUCTURE, AS_APPROVED), ENGINEER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_STAGE_OUT_OF_ORDER, "expected", "FOUNDATION"));
        }

        @Test
        void onlyThePermitsSupervisingEngineerReports() {
            Actor otherEngineer = new Actor("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c15", "مهندس کامران یزدانی",
                    ir.parvaneh.kernel.identity.Role.ENGINEER, null, null);
            given(issuedPermit(), report("c-f", ConstructionStage.FOUNDATION, AS_APPROVED), otherEngineer)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_NOT_SUPERVISING_ENGINEER));
        }

        @Test
        void aNegativeMeasurementIsRefused() {
            given(issuedPermit(), report("c-f", ConstructionStage.FOUNDATION, new BuildingEnvelope(0, -1, 180, 0)), ENGINEER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_MEASUREMENT_INVALID));
        }

        @Test
        void noStagesBeforeThePermit() {
            given(approvedFile(), report("c-f", ConstructionStage.FOUNDATION, AS_APPROVED), ENGINEER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_TRANSITION_NOT_ALLOWED, "stage", "APPROVED"));
        }

        @Test
        void anInspectorRecordsAnInspection() {
            given(finished(AS_APPROVED, List.of()), new RecordInspection(APPLICATION, "c-i", AS_APPROVED, "بازدید پایانی"),
                    INSPECTOR)
                    .expectEvents(inspected("c-i", AS_APPROVED, List.of()));
        }

        @Test
        void aClerkDoesNotInspect() {
            given(finished(AS_APPROVED, List.of()), new RecordInspection(APPLICATION, "c-i", AS_APPROVED, "…"), SECOND_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void aFinishedInspectedBuildingWithinItsPermitGetsTheCompletionCertificate() {
            given(plus(finished(AS_APPROVED, List.of()), inspected("c-i", AS_APPROVED, List.of())),
                    new IssueCompletionCertificate(APPLICATION, "c-done", "qazvin-1405-PK-000041"), SECOND_CLERK)
                    .expectEvents(new CompletionCertificateIssued(ID, "c-done", "qazvin-1405-PK-000041", PERMIT_NUMBER, TODAY,
                            AS_APPROVED));
        }

        @Test
        void noCertificateWithoutAnInspectionAfterFinishing() {
            given(finished(AS_APPROVED, List.of()),
                    new IssueCompletionCertificate(APPLICATION, "c-done", "qazvin-1405-PK-000041"), SECOND_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_COMPLETION_NOT_READY));
        }

        @Test
        void noCertificateWhileDeviationsRemain() {
            given(plus(finished(EXTRA_STOREY, extraStorey()), inspected("c-i", EXTRA_STOREY, extraStorey())),
                    new IssueCompletionCertificate(APPLICATION, "c-done", "qazvin-1405-PK-000041"), SECOND_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_DEVIATIONS_REMAIN));
        }

        @Test
        void remainingDeviationsAreReferredToTheViolationsCommission() {
            given(plus(finished(EXTRA_STOREY, extraStorey()), inspected("c-i", EXTRA_STOREY, extraStorey())),
                    new ReferToViolationsCommission(APPLICATION, "c-refer", "طبقه چهارم مازاد بر پروانه"), SECOND_CLERK)
                    .expectEvents(new ReferredToViolationsCommission(ID, "c-refer", PERMIT_NUMBER, TODAY, extraStorey(),
                            "طبقه چهارم مازاد بر پروانه"));
        }

        @Test
        void aBuildingWithinItsPermitIsNotReferred() {
            given(plus(finished(AS_APPROVED, List.of()), inspected("c-i", AS_APPROVED, List.of())),
                    new ReferToViolationsCommission(APPLICATION, "c-refer", "…"), SECOND_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_NO_DEVIATIONS));
        }
    }

    @Nested
    class WithdrawalAndObjection {

        @Test
        void theApplicantWithdrawsDuringReview() {
            given(inReview(), new WithdrawPermitApplication(APPLICATION, "c-withdraw", "تغییر برنامه ساخت"), OWNER)
                    .expectEvents(new PermitApplicationWithdrawn(ID, "c-withdraw", "IN_REVIEW", TODAY, "تغییر برنامه ساخت"));
        }

        @Test
        void noWithdrawalAfterThePermitIsIssued() {
            given(issuedPermit(), new WithdrawPermitApplication(APPLICATION, "c-withdraw", "…"), OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_TRANSITION_NOT_ALLOWED, "stage", "ISSUED"));
        }

        @Test
        void onlyTheApplicantWithdraws() {
            given(inReview(), new WithdrawPermitApplication(APPLICATION, "c-withdraw", "…"), NEIGHBOUR)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_NOT_APPLICANT));
        }

        @Test
        void theApplicantObjectsToARejection() {
            given(plus(inReview(), rejected()), new FileObjection(APPLICATION, "c-object", "پارکینگ با رمپ مستقل تأمین شده است"),
                    OWNER)
                    .expectEvents(new ObjectionFiled(ID, "c-object", TODAY, "پارکینگ با رمپ مستقل تأمین شده است"));
        }

        @Test
        void noObjectionToAnApprovedApplication() {
            given(approvedFile(), new FileObjection(APPLICATION, "c-object", "…"), OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_TRANSITION_NOT_ALLOWED));
        }

        private List<Object> objected() {
            return plus(inReview(), rejected(), new ObjectionFiled(ID, "c-object", TODAY, "پارکینگ تأمین شده است"));
        }

        @Test
        void theReviewerWhoRejectedDoesNotDecideTheObjection() {
            given(objected(), new DecideObjection(APPLICATION, "c-decide", 6L, true, "…"), REVIEWER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_OBJECTION_DECIDER_CONFLICTED));
        }

        @Test
        void theSecondApproverOfADiscretionaryRejectionDoesNotDecideTheObjectionEither() {
            List<Object> history = plus(inReview(),
                    new ApplicationRejected(ID, "c-confirm", REVIEWER.subject(), "CLERK", true, BASIS.legalBasisCode(),
                            BASIS.justification(), SECOND_CLERK.subject(), TODAY),
                    new ObjectionFiled(ID, "c-object", TODAY, "پارکینگ تأمین شده است"));
            given(history, new DecideObjection(APPLICATION, "c-decide", 6L, true, "…"), SECOND_CLERK)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_OBJECTION_DECIDER_CONFLICTED));
        }

        @Test
        void anUpheldObjectionSendsTheApplicationToAnotherReviewer() {
            ObjectionUpheld upheld = new ObjectionUpheld(ID, "c-decide", SECOND_CLERK.subject(), "CLERK",
                    "رمپ مستقل در نقشه دیده می‌شود");
            given(objected(), new DecideObjection(APPLICATION, "c-decide", 6L, true, "رمپ مستقل در نقشه دیده می‌شود"),
                    SECOND_CLERK)
                    .expectEvents(upheld);

            fixture.given(plus(objected(), upheld))
                    .when(new AssignReviewer(APPLICATION, "c-assign-2", REVIEWER.subject(), REVIEWER.displayName(), "CLERK",
                            "qazvin", "2026-12-20"), ASSIGNMENT.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_REVIEWER_NOT_ELIGIBLE, "reviewerSubject", REVIEWER.subject()));
        }

        @Test
        void aDismissedObjectionMakesTheRejectionFinal() {
            ObjectionDismissed dismissed = new ObjectionDismissed(ID, "c-decide", SECOND_CLERK.subject(), "CLERK",
                    "رمپ در حریم عقب‌نشینی است");
            given(objected(), new DecideObjection(APPLICATION, "c-decide", 6L, false, "رمپ در حریم عقب‌نشینی است"),
                    SECOND_CLERK)
                    .expectEvents(dismissed);

            fixture.given(plus(objected(), dismissed))
                    .when(new FileObjection(APPLICATION, "c-object-2", "دوباره"), OWNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_TRANSITION_NOT_ALLOWED, "stage", "REJECTED"));
        }
    }

    @Nested
    class Deadlines {

        private final Object submitted = as(OWNER, submit(COMPLIANT));
        private final Object paid = as(GATEWAY, new ConfirmPayment(APPLICATION, "c-pay", PAY_REFERENCE, TOTAL,
                "2026-11-29T07:12:00Z"));
        private final Object assigned = as(ASSIGNMENT, new AssignReviewer(APPLICATION, "c-assign", REVIEWER.subject(),
                REVIEWER.displayName(), "CLERK", "qazvin", "2026-12-13"));
        private final Object approved = as(REVIEWER, new ApproveApplication(APPLICATION, "c-approve", 4L, null));

        @Test
        void anUnpaidApplicationExpiresWhenItsLastDayToPayIsOver() {
            onTheClock(submitted)
                    .whenTimeAdvancesTo(PAYMENT_OVER)
                    .expectTriggeredDeadlinesWithName("permit-payment-due")
                    .expectEvents(new ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationExpired(ID, null,
                            "AWAITING_PAYMENT", "PAYMENT_NOT_RECEIVED", "2026-12-29"));
        }

        @Test
        void onItsLastDayToPayItHasNotExpiredYet() {
            onTheClock(submitted)
                    .whenTimeAdvancesTo(PAYMENT_OVER.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void paymentEndsTheWaitForIt() {
            onTheClock(submitted, paid)
                    .whenTimeAdvancesTo(PAYMENT_OVER.plusSeconds(86_400))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void anApplicationNotCorrectedInNinetyDaysExpiresAsAbandoned() {
            onTheClock(as(OWNER, submit(FOUR_STOREYS)))
                    .whenTimeAdvancesTo(CORRECTION_OVER)
                    .expectEvents(new ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationExpired(ID, null,
                            "RETURNED_FOR_CORRECTION", "NOT_RESUBMITTED", "2027-02-27"));
        }

        @Test
        void anApplicationWhoseFeesAreHeldExpiresIfNotResubmitted() {
            onTheClock(as(OWNER, submit("c-submit", assessment(lot(300.0, null), "RESIDENTIAL", TODAY, "2027-05-28"),
                    COMPLIANT, DRAWINGS)))
                    .whenTimeAdvancesTo(CORRECTION_OVER)
                    .expectEvents(new ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationExpired(ID, null,
                            "FEES_UNDETERMINED", "NOT_RESUBMITTED", "2027-02-27"));
        }

        @Test
        void aResubmissionEndsTheWaitForTheCorrection() {
            onTheClock(as(OWNER, submit(FOUR_STOREYS)), as(OWNER, new ResubmitPermitApplication(APPLICATION, "c-resubmit",
                    ASSESSMENT, COMPLIANT, DRAWINGS)), paid)
                    .whenTimeAdvancesTo(CORRECTION_OVER)
                    .expectNoEvents();
        }

        @Test
        void aMissedReviewIsRecordedForOversightAndTheApplicationStaysWithTheReviewer() {
            onTheClock(submitted, paid, assigned)
                    .whenTimeAdvancesTo(REVIEW_OVER)
                    .expectEvents(new ReviewDeadlineMissed(ID, null, REVIEWER.subject(), "2026-12-13"));
        }

        @Test
        void aDecisionInTimeEndsTheReviewWait() {
            onTheClock(submitted, paid, assigned, approved)
                    .whenTimeAdvancesTo(REVIEW_OVER)
                    .expectNoEvents();
        }

        @Test
        void aPermitNotIssuedWithinFifteenDaysOfApprovalIsRecordedAsMissed() {
            onTheClock(submitted, paid, assigned, approved)
                    .whenTimeAdvancesTo(ISSUE_OVER)
                    .expectEvents(new ir.parvaneh.kernel.permit.PermitApplicationEvent.IssueDeadlineMissed(ID, null, TODAY,
                            "2026-12-14"));
        }

        @Test
        void issuingThePermitEndsTheFifteenDayWait() {
            onTheClock(submitted, paid, assigned, approved, as(SECOND_CLERK, new IssuePermit(APPLICATION, "c-issue",
                    PERMIT_NUMBER, CONDITIONS, ENGINEER.subject(), ENGINEER.displayName())))
                    .whenTimeAdvancesTo(ISSUE_OVER)
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void withdrawalEndsEveryWait() {
            onTheClock(submitted, as(OWNER, new WithdrawPermitApplication(APPLICATION, "c-withdraw", "منصرف شدم")))
                    .whenTimeAdvancesTo(PAYMENT_OVER)
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class RetriesAndConflicts {

        @Test
        void aDecisionOnAnOlderVersionConflicts() {
            given(plus(inReview(), new ReviewDeadlineMissed(ID, null, REVIEWER.subject(), "2026-12-13")),
                    new ApproveApplication(APPLICATION, "c-approve", 4L, null), REVIEWER)
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void ofTwoSecondApproversActingAtOnceTheSecondGetsAConflict() {
            DiscretionaryDecisionProposed proposed = new DiscretionaryDecisionProposed(ID, "c-approve", "APPROVE",
                    REVIEWER.subject(), "CLERK", BASIS.legalBasisCode(), BASIS.justification(),
                    List.of("parking-meets-required"), null, null, 0);
            List<Object> firstWon = plus(inReviewNeedingReview(), proposed,
                    new DiscretionaryDecisionConfirmed(ID, "c-confirm-zahra", "APPROVE", REVIEWER.subject(),
                            SECOND_CLERK.subject(), "CLERK"),
                    new ApplicationApproved(ID, "c-confirm-zahra", REVIEWER.subject(), "CLERK", true, BASIS.legalBasisCode(),
                            SECOND_CLERK.subject(), TODAY, "2026-12-14"));

            given(firstWon, new DeclineDiscretionaryDecision(APPLICATION, "c-decline-admin", 5L, "مدارک کافی نیست"),
                    QAZVIN_ADMIN)
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void aRetriedDecisionIsANoOpAlthoughItsVersionIsNowOld() {
            given(approvedFile(), new ApproveApplication(APPLICATION, "c-approve", 4L, null), REVIEWER)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRetriedIssueIsANoOp() {
            given(issuedPermit(), new IssuePermit(APPLICATION, "c-issue", PERMIT_NUMBER, CONDITIONS, ENGINEER.subject(),
                    ENGINEER.displayName()), SECOND_CLERK)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theSameCommandIdIsForgottenOnlyAfterManyLaterCommands() {
            List<Object> history = new java.util.ArrayList<>(issuedPermit());
            BuildingEnvelope within = new BuildingEnvelope(3, 540, 180, 13.5);
            for (int i = 0; i < 300; i++) {
                history.add(new InspectionRecorded(ID, "c-inspect-" + i, INSPECTOR.subject(), TODAY, within, "…", List.of(),
                        false));
            }
            given(history, new RecordInspection(APPLICATION, "c-inspect-299", within, "…"), INSPECTOR)
                    .expectNoEvents();
            fixture.given(history)
                    .when(new RecordInspection(APPLICATION, "c-inspect-0", within, "…"), INSPECTOR.toMetaData())
                    .expectEvents(new InspectionRecorded(ID, "c-inspect-0", INSPECTOR.subject(), TODAY, within, "…", List.of(),
                            false));
        }
    }

    @Test
    void theFeesAreTheRulebooksForTheProposalNotTheAssessmentsEstimate() {
        long estimate = Long.parseLong(ASSESSMENT.outcome().output("fee-building-area-rials").orElseThrow().value());
        assertThat(FEES.rulebookSha256()).isEqualTo(V1.sha256());
        assertThat(FEES.lines()).extracting(FeeLine::type).containsExactly("fee-building-area-rials");
        // The compliant proposal is the largest building allowed: (540 − 6 × 20) m² × P × 120 %.
        assertThat(TOTAL).isEqualTo(15_120_000_000L).isEqualTo(estimate);
        assertThat(V1.fees(feeBasis(PermitTestData.building(2, 180, 4, 4), 30_000_000L)).totalRials()).isLessThan(estimate);
    }

    @Test
    void theAssessmentReferenceRecordsTheRulebookThatPricesTheFees() {
        assertThat(REFERENCE).isEqualTo(new AssessmentReference(ASSESSMENT.assessmentId(), TODAY, "2027-05-28", "RESIDENTIAL",
                "1405.1", V1.sha256()));
    }
}
