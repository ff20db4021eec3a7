package ir.parvaneh.command.review;

import ir.parvaneh.command.review.write.ReviewDesk;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.review.ReviewDeskCommands.EnrolReviewer;
import ir.parvaneh.kernel.review.ReviewDeskCommands.RetireReviewer;
import ir.parvaneh.kernel.review.ReviewDeskCommands.SetReviewTerms;
import ir.parvaneh.kernel.review.ReviewDeskEvent.ReviewTermsSet;
import ir.parvaneh.kernel.review.ReviewDeskEvent.ReviewerEnrolled;
import ir.parvaneh.kernel.review.ReviewDeskEvent.ReviewerRetired;
import ir.parvaneh.kernel.review.ReviewDeskId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static ir.parvaneh.command.support.Actors.CITIZEN;
import static ir.parvaneh.command.support.Actors.PROVINCE_ADMIN;
import static ir.parvaneh.command.support.Actors.QAZVIN_ADMIN;
import static ir.parvaneh.command.support.Actors.QAZVIN_CLERK;
import static ir.parvaneh.command.support.Actors.TAKESTAN_ADMIN;
import static ir.parvaneh.command.support.Refusals.refusedWith;

/** Every command of a municipality's review desk, legal and illegal. */
class ReviewDeskTest {

    private static final MunicipalityId QAZVIN = MunicipalityId.forProvinceSlug("qazvin");
    private static final MunicipalityId TAKESTAN = MunicipalityId.forProvinceSlug("takestan");
    private static final ReviewDeskId DESK = ReviewDeskId.of(QAZVIN);
    private static final String D = DESK.toString();
    private static final String M = QAZVIN.toString();
    private static final ReviewerEnrolled ALI = new ReviewerEnrolled(D, M, "qazvin", "clerk-ali", "علی رضایی");

    private AggregateTestFixture<ReviewDesk> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReviewDesk.class);
    }

    private static Map<String, String> as(Actor actor) {
        return actor.toMetaData();
    }

    private static EnrolReviewer enrol(String subject, String name) {
        return new EnrolReviewer(DESK, QAZVIN, "qazvin", subject, name);
    }

    @Nested
    class Enrol {

        @Test
        void theMunicipalitysAdministratorEnrolsAClerkAndTheFirstEnrolmentOpensTheDesk() {
            fixture.givenNoPriorActivity()
                    .when(enrol("clerk-ali", " علی رضایی "), as(QAZVIN_ADMIN))
                    .expectEvents(ALI);
        }

        @Test
        void theProvincesAdministratorMayEnrolToo() {
            fixture.given(ALI)
                    .when(enrol("clerk-sara", "سارا کریمی"), as(PROVINCE_ADMIN))
                    .expectEvents(new ReviewerEnrolled(D, M, "qazvin", "clerk-sara", "سارا کریمی"));
        }

        @Test
        void enrollingSomeoneAlreadyOnTheRosterRecordsNothing() {
            fixture.given(ALI)
                    .when(enrol("clerk-ali", "علی رضایی"), as(QAZVIN_ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aClerkCannotChooseWhoReviews() {
            fixture.givenNoPriorActivity()
                    .when(enrol("clerk-ali", "علی رضایی"), as(QAZVIN_CLERK))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void anotherMunicipalitysAdministratorIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(enrol("clerk-ali", "علی رضایی"), as(TAKESTAN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_MUNICIPALITY));
        }

        @Test
        void aCitizenIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(enrol("clerk-ali", "علی رضایی"), as(CITIZEN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void theDeskOfAnotherMunicipalityIsNotThisOne() {
            fixture.givenNoPriorActivity()
                    .when(new EnrolReviewer(ReviewDeskId.of(TAKESTAN), QAZVIN, "qazvin", "clerk-ali", "علی"), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", "municipalityId"));
        }

        @ParameterizedTest
        @CsvSource(value = {"'',name,reviewerSubject", "'  ',name,reviewerSubject", "subject,'',reviewerName",
                "subject,NULL,reviewerName"}, nullValues = "NULL")
        void aBlankSubjectOrNameIsRefused(String subject, String name, String field) {
            fixture.givenNoPriorActivity()
                    .when(enrol(subject, name), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", field));
        }
    }

    @Nested
    class Retire {

        @Test
        void anEnrolledReviewerIsRetiredWithTheReason() {
            fixture.given(ALI)
                    .when(new RetireReviewer(DESK, QAZVIN, "qazvin", "clerk-ali", "بازنشستگی"), as(QAZVIN_ADMIN))
                    .expectEvents(new ReviewerRetired(D, M, "qazvin", "clerk-ali", "بازنشستگی"));
        }

        @Test
        void someoneNotOnTheRosterCannotBeRetired() {
            fixture.given(ALI)
                    .when(new RetireReviewer(DESK, QAZVIN, "qazvin", "clerk-sara", null), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.REVIEWER_NOT_ENROLLED, "reviewerSubject", "clerk-sara"));
        }

        @Test
        void aRetiredReviewerIsNoLongerOnTheRosterAndMayBeEnrolledAgain() {
            fixture.given(ALI, new ReviewerRetired(D, M, "qazvin", "clerk-ali", null))
                    .when(enrol("clerk-ali", "علی رضایی"), as(QAZVIN_ADMIN))
                    .expectEvents(ALI);
        }

        @Test
        void onADeskNeverOpenedNothingIsRetiredAndNothingRecorded() {
            fixture.givenNoPriorActivity()
                    .when(new RetireReviewer(DESK, QAZVIN, "qazvin", "clerk-ali", null), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.REVIEWER_NOT_ENROLLED));
        }

        @Test
        void aClerkCannotRetireAReviewer() {
            fixture.given(ALI)
                    .when(new RetireReviewer(DESK, QAZVIN, "qazvin", "clerk-ali", null), as(QAZVIN_CLERK))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }
    }

    @Nested
    class Terms {

        @Test
        void theAdministratorSetsTheDaysToDecideAndTheOpenReviewsPerReviewer() {
            fixture.given(ALI)
                    .when(new SetReviewTerms(DESK, QAZVIN, "qazvin", 10, 12), as(QAZVIN_ADMIN))
                    .expectEvents(new ReviewTermsSet(D, M, "qazvin", 10, 12));
        }

        @Test
        void onANewDeskEvenTheDefaultTermsAreRecordedWhenSet() {
            fixture.givenNoPriorActivity()
                    .when(new SetReviewTerms(DESK, QAZVIN, "qazvin", ReviewDesk.DEFAULT_REVIEW_DAYS,
                            ReviewDesk.DEFAULT_MAX_OPEN_REVIEWS), as(QAZVIN_ADMIN))
                    .expectEvents(new ReviewTermsSet(D, M, "qazvin", ReviewDesk.DEFAULT_REVIEW_DAYS,
                            ReviewDesk.DEFAULT_MAX_OPEN_REVIEWS));
        }

        @Test
        void theSameTermsAgainRecordNothing() {
            fixture.given(ALI, new ReviewTermsSet(D, M, "qazvin", 10, 12))
                    .when(new SetReviewTerms(DESK, QAZVIN, "qazvin", 10, 12), as(QAZVIN_ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @CsvSource({"0,12,reviewDays", "61,12,reviewDays", "-3,12,reviewDays", "10,0,maxOpenReviews",
                "10,1001,maxOpenReviews"})
        void termsOutOfRangeAreRefused(int days, int open, String field) {
            fixture.given(ALI)
                    .when(new SetReviewTerms(DESK, QAZVIN, "qazvin", days, open), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", field));
        }

        @Test
        void theBoundariesAreAllowed() {
            fixture.given(ALI)
                    .when(new SetReviewTerms(DESK, QAZVIN, "qazvin", 60, 1000), as(QAZVIN_ADMIN))
                    .expectEvents(new ReviewTermsSet(D, M, "qazvin", 60, 1000));
        }

        @Test
        void anotherMunicipalitysAdministratorIsRefused() {
            fixture.given(ALI)
                    .when(new SetReviewTerms(DESK, QAZVIN, "qazvin", 10, 12), as(TAKESTAN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_MUNICIPALITY));
        }
    }
}
