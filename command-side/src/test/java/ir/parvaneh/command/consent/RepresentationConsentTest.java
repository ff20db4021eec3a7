package ir.parvaneh.command.consent;

import ir.parvaneh.command.consent.write.OneTimeCodeCheck;
import ir.parvaneh.command.consent.write.RepresentationConsent;
import ir.parvaneh.command.consent.write.RepresentationConsent.CodeEntry;
import ir.parvaneh.kernel.consent.ConsentAct;
import ir.parvaneh.kernel.consent.ConsentCommands.ConfirmRepresentationConsent;
import ir.parvaneh.kernel.consent.ConsentCommands.EnterConsentCode;
import ir.parvaneh.kernel.consent.ConsentCommands.IssueConsentCode;
import ir.parvaneh.kernel.consent.ConsentCommands.RequestRepresentationConsent;
import ir.parvaneh.kernel.consent.ConsentCommands.WithdrawRepresentationConsent;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.ConsentCodeIssued;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.ConsentCodeRejected;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentGiven;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentRequested;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentWithdrawn;
import ir.parvaneh.kernel.consent.RepresentationConsentId;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static ir.parvaneh.command.support.Refusals.refusedWith;

/**
 * An owner's consent that an engineer act for them, on Axon's aggregate fixture: every transition, legal and illegal,
 * with its stable code and no event when refused. The clock stands on 29 November 2026, 06:30 UTC (10:00 in Tehran).
 */
class RepresentationConsentTest {

    static final Instant NOW = Instant.parse("2026-11-29T06:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final RepresentationConsentId CONSENT = new RepresentationConsentId(
            UUID.fromString("0e2b7d4c-5a6f-4b8e-9c1d-3f5a7b9c1d17"));
    static final String ID = CONSENT.toString();

    static final Actor DESIGNER = new Actor("6c1f0a2e-7d3b-4e5f-9a8b-0c1d2e3f4a16", "مهندس بهرام توکلی", Role.ENGINEER,
            null, null, "1-21-04573");
    static final Actor OTHER_ENGINEER = new Actor("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c15", "مهندس کامران یزدانی",
            Role.ENGINEER, null, null, "1-21-07781");
    static final Actor OWNER = new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN, null,
            "0012345679");
    static final Actor NEIGHBOUR = new Actor("3b5d7f9a-1c2e-4f6a-8b0d-2e4f6a8c0e11", "حمید نوری", Role.CITIZEN, null,
            "1234567891");
    static final String CODE_ID = "consent-code-1b3d5f7a-9c2e-4a6b-8d0f-1e3a5c7b9d18";
    static final String CODE = "482915";

    /** The code table as the aggregate sees it: only CODE under CODE_ID matches; every question is remembered. */
    static final class Codes implements OneTimeCodeCheck {
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean matches(String codeId, String enteredCode) {
            asked.add(codeId);
            return CODE_ID.equals(codeId) && CODE.equals(enteredCode);
        }
    }

    private final Codes codes = new Codes();
    private AggregateTestFixture<RepresentationConsent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RepresentationConsent.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(codes);
    }

    private ResultValidator<RepresentationConsent> given(List<Object> history, Object command, Actor actor) {
        return fixture.given(history).when(command, actor.toMetaData());
    }

    static RepresentationConsentRequested requested(Instant at) {
        return new RepresentationConsentRequested(ID, DESIGNER.subject(), DESIGNER.displayName(), DESIGNER.licenceNumber(),
                OWNER.nationalCode(), "qazvin", "1234/56", null, List.of("SUBMIT", "PAY"), at.toString());
    }

    static ConsentCodeIssued codeIssued(String codeId, Instant expires) {
        return new ConsentCodeIssued(ID, codeId, "0912***4567", OWNER.subject(), OWNER.displayName(),
                NOW.minusSeconds(60).toString(), expires.toString());
    }

    static RepresentationConsentGiven givenBy(String via, String codeId) {
        return new RepresentationConsentGiven(ID, OWNER.subject(), OWNER.displayName(), OWNER.nationalCode(),
                DESIGNER.subject(), DESIGNER.licenceNumber(), "qazvin", "1234/56", null, List.of("SUBMIT", "PAY"), via, codeId,
                NOW.toString());
    }

    static List<Object> asked() {
        return List.of(requested(NOW.minusSeconds(300)));
    }

    static List<Object> codeSent() {
        return List.of(requested(NOW.minusSeconds(300)), codeIssued(CODE_ID, NOW.plusSeconds(540)));
    }

    static List<Object> plus(List<Object> history, Object... more) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }

    static RequestRepresentationConsent request(String owner, String plate, Set<ConsentAct> acts) {
        return new RequestRepresentationConsent(CONSENT, owner, "qazvin", plate, null, acts);
    }

    @Nested
    class Request {

        @Test
        void anEngineerWithALicenceAsksTheOwnerNamedByNationalCodeForTheActsOnTheParcel() {
            fixture.givenNoPriorActivity()
                    .when(request("۰۰۱۲۳۴۵۶۷۹", "۱۲۳۴/۵۶", EnumSet.of(ConsentAct.PAY, ConsentAct.SUBMIT)), DESIGNER.toMetaData())
                    .expectEvents(requested(NOW));
        }

        @Test
        void aCitizenCannotAskForConsent() {
            fixture.givenNoPriorActivity()
                    .when(request(OWNER.nationalCode(), "1234/56", Set.of(ConsentAct.SUBMIT)), NEIGHBOUR.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void anEngineerWithoutALicenceNumberCannotAsk() {
            Actor unlicensed = new Actor(DESIGNER.subject(), DESIGNER.displayName(), Role.ENGINEER, null, null, null);
            fixture.givenNoPriorActivity()
                    .when(request(OWNER.nationalCode(), "1234/56", Set.of(ConsentAct.SUBMIT)), unlicensed.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.ENGINEER_LICENCE_REQUIRED));
        }

        @Test
        void theOwnersNationalCodeMustBeValid() {
            fixture.givenNoPriorActivity()
                    .when(request("0012345678", "1234/56", Set.of(ConsentAct.SUBMIT)), DESIGNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.INVALID_NATIONAL_CODE, "field", "ownerNationalCode"));
        }

        @Test
        void aConsentNamesItsActs() {
            fixture.givenNoPriorActivity()
                    .when(request(OWNER.nationalCode(), "1234/56", Set.of()), DESIGNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_SCOPE_INVALID, "field", "acts"));
        }

        @Test
        void aConsentNamesAWellFormedPlate() {
            fixture.givenNoPriorActivity()
                    .when(request(OWNER.nationalCode(), "پلاک", Set.of(ConsentAct.SUBMIT)), DESIGNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PLATE_INVALID));
        }
    }

    @Nested
    class Code {

        private final IssueConsentCode issue = new IssueConsentCode(CONSENT, CODE_ID, "0912***4567", OWNER.subject(),
                OWNER.displayName(), NOW.plusSeconds(600).toString());

        @Test
        void theEngineerHasACodeSentAndOnlyItsIdExpiryAndMaskedNumberAreRecorded() {
            given(asked(), issue, DESIGNER)
                    .expectEvents(new ConsentCodeIssued(ID, CODE_ID, "0912***4567", OWNER.subject(), OWNER.displayName(),
                            NOW.toString(), NOW.plusSeconds(600).toString()));
        }

        @Test
        void anotherEngineerCannotHaveACodeSent() {
            given(asked(), issue, OTHER_ENGINEER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_NOT_ENGINEER));
        }

        @Test
        void noCodeForARequestOlderThanAWeek() {
            given(List.of(requested(NOW.minusSeconds(7 * 24 * 3600))), issue, DESIGNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_REQUEST_EXPIRED));
        }

        @Test
        void theRightCodeGivesTheConsent() {
            given(codeSent(), new EnterConsentCode(CONSENT, CODE), DESIGNER)
                    .expectEvents(givenBy("CODE", CODE_ID))
                    .expectResultMessagePayload(new CodeEntry(true, 0));
        }

        @Test
        void aWrongCodeIsRecordedAsAnAttemptAndAnsweredWithTheAttemptsLeft() {
            given(codeSent(), new EnterConsentCode(CONSENT, "482916"), DESIGNER)
                    .expectEvents(new ConsentCodeRejected(ID, CODE_ID, 1, 4))
                    .expectResultMessagePayload(new CodeEntry(false, 4));
        }

        @Test
        void anExpiredCodeIsRefusedEvenWhenRight() {
            given(List.of(requested(NOW.minusSeconds(900)), codeIssued(CODE_ID, NOW)), new EnterConsentCode(CONSENT, CODE),
                    DESIGNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_CODE_EXPIRED));
        }

        @Test
        void aUsedCodeCannotBeUsedAgain() {
            given(plus(codeSent(), givenBy("CODE", CODE_ID)), new EnterConsentCode(CONSENT, CODE), DESIGNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_CODE_USED));
        }

        @Test
        void afterFiveWrongAttemptsTheCodeIsDeadAndNotEvenCompared() {
            List<Object> history = plus(codeSent(), new ConsentCodeRejected(ID, CODE_ID, 1, 4),
                    new ConsentCodeRejected(ID, CODE_ID, 2, 3), new ConsentCodeRejected(ID, CODE_ID, 3, 2),
                    new ConsentCodeRejected(ID, CODE_ID, 4, 1), new ConsentCodeRejected(ID, CODE_ID, 5, 0));
            given(history, new EnterConsentCode(CONSENT, CODE), DESIGNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_CODE_EXHAUSTED));
            org.assertj.core.api.Assertions.assertThat(codes.asked).isEmpty();
        }

        @Test
        void theFifthWrongAttemptLeavesNone() {
            List<Object> history = plus(codeSent(), new ConsentCodeRejected(ID, CODE_ID, 1, 4),
                    new ConsentCodeRejected(ID, CODE_ID, 2, 3), new ConsentCodeRejected(ID, CODE_ID, 3, 2),
                    new ConsentCodeRejected(ID, CODE_ID, 4, 1));
            given(history, new EnterConsentCode(CONSENT, "000000"), DESIGNER)
                    .expectEvents(new ConsentCodeRejected(ID, CODE_ID, 5, 0))
                    .expectResultMessagePayload(new CodeEntry(false, 0));
        }

        @Test
        void aNewCodeStartsWithFreshAttemptsAndTheOldCodeNoLongerWorks() {
            String newCodeId = "consent-code-2c4e6a8b-0d1f-4b3c-9e5a-7c9e1b3d5f19";
            List<Object> history = plus(codeSent(), new ConsentCodeRejected(ID, CODE_ID, 1, 4),
                    new ConsentCodeRejected(ID, CODE_ID, 2, 3), new ConsentCodeRejected(ID, CODE_ID, 3, 2),
                    new ConsentCodeRejected(ID, CODE_ID, 4, 1), new ConsentCodeRejected(ID, CODE_ID, 5, 0),
                    codeIssued(newCodeId, NOW.plusSeconds(600)));
            given(history, new EnterConsentCode(CONSENT, CODE), DESIGNER)
                    .expectEvents(new ConsentCodeRejected(ID, newCodeId, 1, 4));
            org.assertj.core.api.Assertions.assertThat(codes.asked).containsExactly(newCodeId);
        }

        @Test
        void withoutACodeTheOwnerMustConfirmInThePortal() {
            given(asked(), new EnterConsentCode(CONSENT, CODE), DESIGNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_CODE_NOT_ISSUED));
        }

        @Test
        void onlyTheEngineerWhoAskedEntersTheCode() {
            given(codeSent(), new EnterConsentCode(CONSENT, CODE), OTHER_ENGINEER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_NOT_ENGINEER));
        }

        @Test
        void aCodeForAWithdrawnRequestGivesNothing() {
            given(plus(codeSent(), new RepresentationConsentWithdrawn(ID, OWNER.subject(), "REQUESTED", "نمی‌شناسمش",
                    NOW.toString())), new EnterConsentCode(CONSENT, CODE), DESIGNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_WITHDRAWN));
        }

        @Test
        void theCodeIsNeverInTheCommandsPrintedForm() {
            org.assertj.core.api.Assertions.assertThat(new EnterConsentCode(CONSENT, CODE).toString()).doesNotContain(CODE);
        }
    }

    @Nested
    class Portal {

        @Test
        void theOwnerConfirmsSignedIn() {
            given(asked(), new ConfirmRepresentationConsent(CONSENT), OWNER)
                    .expectEvents(givenBy("PORTAL", null));
        }

        @Test
        void anotherCitizenCannotConfirmForTheOwner() {
            given(asked(), new ConfirmRepresentationConsent(CONSENT), NEIGHBOUR)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_NOT_OWNER));
        }

        @Test
        void theEngineerCannotConfirmForTheOwner() {
            given(asked(), new ConfirmRepresentationConsent(CONSENT), DESIGNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_NOT_OWNER));
        }

        @Test
        void confirmingAgainChangesNothing() {
            given(plus(asked(), givenBy("PORTAL", null)), new ConfirmRepresentationConsent(CONSENT), OWNER)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnConsentCannotBeConfirmedBack() {
            given(plus(asked(), givenBy("PORTAL", null), new RepresentationConsentWithdrawn(ID, OWNER.subject(), "GIVEN",
                    null, NOW.toString())), new ConfirmRepresentationConsent(CONSENT), OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_WITHDRAWN));
        }

        @Test
        void aRequestOlderThanAWeekCannotBeConfirmed() {
            given(List.of(requested(NOW.minusSeconds(8 * 24 * 3600))), new ConfirmRepresentationConsent(CONSENT), OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_REQUEST_EXPIRED));
        }

        @Test
        void afterTheOwnerConfirmedTheEngineersCodeIsNotNeeded() {
            given(plus(codeSent(), givenBy("PORTAL", null)), new EnterConsentCode(CONSENT, CODE), DESIGNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_ALREADY_GIVEN));
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void theOwnerWithdrawsAGivenConsent() {
            given(plus(asked(), givenBy("PORTAL", null)), new WithdrawRepresentationConsent(CONSENT, "  دیگر با این مهندس کار نمی‌کنم "),
                    OWNER)
                    .expectEvents(new RepresentationConsentWithdrawn(ID, OWNER.subject(), "GIVEN",
                            "دیگر با این مهندس کار نمی‌کنم", NOW.toString()));
        }

        @Test
        void theOwnerMayDeclineARequestUnanswered() {
            given(asked(), new WithdrawRepresentationConsent(CONSENT, null), OWNER)
                    .expectEvents(new RepresentationConsentWithdrawn(ID, OWNER.subject(), "REQUESTED", null, NOW.toString()));
        }

        @Test
        void onlyTheOwnerWithdraws() {
            given(plus(asked(), givenBy("PORTAL", null)), new WithdrawRepresentationConsent(CONSENT, null), NEIGHBOUR)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_NOT_OWNER));
            given(plus(asked(), givenBy("PORTAL", null)), new WithdrawRepresentationConsent(CONSENT, null), DESIGNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_NOT_OWNER));
        }

        @Test
        void aConsentIsWithdrawnOnce() {
            given(plus(asked(), new RepresentationConsentWithdrawn(ID, OWNER.subject(), "REQUESTED", null, NOW.toString())),
                    new WithdrawRepresentationConsent(CONSENT, null), OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.CONSENT_WITHDRAWN));
        }
    }
}
