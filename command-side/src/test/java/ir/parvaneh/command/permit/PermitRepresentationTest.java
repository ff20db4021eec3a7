package ir.parvaneh.command.permit;

import ir.parvaneh.command.consent.lookup.RepresentationConsents;
import ir.parvaneh.command.consent.lookup.RepresentationConsents.ActiveConsent;
import ir.parvaneh.command.permit.write.PermitApplication;
import ir.parvaneh.kernel.consent.ConsentAct;
import ir.parvaneh.kernel.consent.Representation;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.ConstructionStage;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ConstructionStageReported;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationResubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitIssued;
import ir.parvaneh.kernel.permit.PermitCommands.IssuePermit;
import ir.parvaneh.kernel.permit.PermitCommands.ReportConstructionStage;
import ir.parvaneh.kernel.permit.PermitCommands.ResubmitPermitApplication;
import ir.parvaneh.kernel.permit.PermitCommands.SubmitPermitApplication;
import ir.parvaneh.kernel.permit.PermitValues.BuildingEnvelope;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static ir.parvaneh.command.permit.PermitEvents.CONDITIONS;
import static ir.parvaneh.command.permit.PermitEvents.PERMIT_NUMBER;
import static ir.parvaneh.command.permit.PermitEvents.approvedFile;
import static ir.parvaneh.command.permit.PermitEvents.checked;
import static ir.parvaneh.command.permit.PermitEvents.feesAssessed;
import static ir.parvaneh.command.permit.PermitEvents.issued;
import static ir.parvaneh.command.permit.PermitEvents.plus;
import static ir.parvaneh.command.permit.PermitEvents.returned;
import static ir.parvaneh.command.permit.PermitEvents.submitted;
import static ir.parvaneh.command.permit.PermitTestData.APPLICATION;
import static ir.parvaneh.command.permit.PermitTestData.ASSESSMENT;
import static ir.parvaneh.command.permit.PermitTestData.COMPLIANT;
import static ir.parvaneh.command.permit.PermitTestData.DEED;
import static ir.parvaneh.command.permit.PermitTestData.DRAWINGS;
import static ir.parvaneh.command.permit.PermitTestData.ID;
import static ir.parvaneh.command.permit.PermitTestData.OWNER;
import static ir.parvaneh.command.permit.PermitTestData.QAZVIN;
import static ir.parvaneh.command.permit.PermitTestData.REVIEWER;
import static ir.parvaneh.command.permit.PermitTestData.RULEBOOKS;
import static ir.parvaneh.command.permit.PermitTestData.TEHRAN_MORNING;
import static ir.parvaneh.command.permit.PermitTestData.TODAY;
import static ir.parvaneh.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permit application's rules for people acting for the owner, on Axon's aggregate fixture: an engineer submits or
 * resubmits only on the owner's active consent covering the file and the act (the owner is the applicant, the consent
 * named in the event's metadata), and only the supervising engineer named on the permit, under the licence it records,
 * reports construction stages.
 */
class PermitRepresentationTest {

    static final Actor DESIGNER = new Actor("6c1f0a2e-7d3b-4e5f-9a8b-0c1d2e3f4a16", "مهندس بهرام توکلی", Role.ENGINEER,
            null, null, "1-21-04573");
    static final Actor SUPERVISOR = new Actor("2f4a6c8e-0b1d-4e3f-8a5c-7e9b1d3f5a14", "مهندس لیلا قاسمی", Role.ENGINEER,
            null, null, "1-21-00912");
    static final String CONSENT_ID = "representation-consent-0e2b7d4c-5a6f-4b8e-9c1d-3f5a7b9c1d17";

    /** The register as the permit sees it: the consents given, and every question asked of it. */
    static final class Consents implements RepresentationConsents {
        final Set<ConsentAct> given = EnumSet.noneOf(ConsentAct.class);
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<ActiveConsent> covering(String engineerSubject, String ownerNationalCode, String municipalitySlug,
                                                String plate, String applicationId, ConsentAct act) {
            asked.add(String.join(" ", engineerSubject, ownerNationalCode, municipalitySlug, plate, applicationId, act.name()));
            boolean covers = engineerSubject.equals(DESIGNER.subject()) && ownerNationalCode.equals(OWNER.nationalCode())
                    && municipalitySlug.equals("qazvin") && plate.equals("1234/56") && given.contains(act);
            return covers ? Optional.of(new ActiveConsent(CONSENT_ID, OWNER.subject(), OWNER.displayName(),
                    OWNER.nationalCode(), DESIGNER.licenceNumber())) : Optional.empty();
        }
    }

    private final Consents consents = new Consents();
    private AggregateTestFixture<PermitApplication> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PermitApplication.class);
        fixture.registerInjectableResource(TEHRAN_MORNING);
        fixture.registerInjectableResource(RULEBOOKS);
        fixture.registerInjectableResource(consents);
    }

    private ResultValidator<PermitApplication> given(List<Object> history, Object command, Actor actor) {
        return fixture.given(history).when(command, actor.toMetaData());
    }

    private static SubmitPermitApplication submitFor(String ownerNationalCode) {
        return new SubmitPermitApplication(APPLICATION, "c-submit", QAZVIN, "qazvin", "۱۲۳۴/۵۶", ASSESSMENT, COMPLIANT, DEED,
                DRAWINGS, ownerNationalCode);
    }

    /** The first event the command recorded names the consent it was done on. */
    private static Matcher<List<EventMessage<?>>> firstOnTheAuthorityOf(String consentId) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return !events.isEmpty() && consentId.equals(events.get(0).getMetaData().get(Representation.CONSENT_ID));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a first event whose metadata names consent " + consentId);
            }
        };
    }

    @Nested
    class Submission {

        @Test
        void givenNoConsentWhenAnEngineerSubmitsThenRefusedAndNothingRecorded() {
            fixture.givenNoPriorActivity().when(submitFor(OWNER.nationalCode()), DESIGNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.REPRESENTATION_CONSENT_REQUIRED, "act", "SUBMIT"));
            assertThat(consents.asked).containsExactly(
                    DESIGNER.subject() + " 0012345679 qazvin 1234/56 " + ID + " SUBMIT");
        }

        @Test
        void givenAConsentToPayOnlyWhenAnEngineerSubmitsThenRefused() {
            consents.given.add(ConsentAct.PAY);
            fixture.givenNoPriorActivity().when(submitFor(OWNER.nationalCode()), DESIGNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.REPRESENTATION_CONSENT_REQUIRED, "act", "SUBMIT"));
        }

        @Test
        void givenAConsentToSubmitWhenTheEngineerSubmitsThenTheOwnerIsTheApplicantOnTheConsentsAuthority() {
            consents.given.add(ConsentAct.SUBMIT);
            fixture.givenCurrentTime(TEHRAN_MORNING.instant())
                    .when(submitFor(OWNER.nationalCode()), DESIGNER.toMetaData())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(submitted(COMPLIANT), checked("c-submit", 1, COMPLIANT), feesAssessed("c-submit"))
                    .expectEventsMatching(firstOnTheAuthorityOf(CONSENT_ID));
        }

        @Test
        void givenAConsentOfAnotherOwnerWhenTheEngineerNamesThisOwnerThenRefused() {
            consents.given.add(ConsentAct.SUBMIT);
            fixture.givenNoPriorActivity().when(submitFor("1234567891"), DESIGNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.REPRESENTATION_CONSENT_REQUIRED));
        }

        @Test
        void anEngineerNamesTheOwnerTheySubmitFor() {
            consents.given.add(ConsentAct.SUBMIT);
            fixture.givenNoPriorActivity().when(submitFor(null), DESIGNER.toMetaData())
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", "ownerNationalCode"));
        }

        @Test
        void theOwnersOwnSubmissionNeedsNoConsentAndNamesNone() {
            fixture.givenCurrentTime(TEHRAN_MORNING.instant())
                    .when(submitFor(null), OWNER.toMetaData())
                    .expectEvents(submitted(COMPLIANT), checked("c-submit", 1, COMPLIANT), feesAssessed("c-submit"))
                    .expectEventsMatching(new TypeSafeMatcher<List<EventMessage<?>>>() {
                        @Override
                        protected boolean matchesSafely(List<EventMessage<?>> events) {
                            return events.stream().noneMatch(e -> e.getMetaData().containsKey(Representation.CONSENT_ID));
                        }

                        @Override
                        public void describeTo(Description description) {
                            description.appendText("no event naming a consent");
                        }
                    });
            assertThat(consents.asked).isEmpty();
        }
    }

    @Nested
    class Resubmission {

        private final ResubmitPermitApplication resubmit = new ResubmitPermitApplication(APPLICATION, "c-resubmit",
                ASSESSMENT, COMPLIANT, DRAWINGS);

        @Test
        void givenAConsentToResubmitWhenTheEngineerCorrectsTheProposalThenItIsRecordedOnTheConsentsAuthority() {
            consents.given.add(ConsentAct.RESUBMIT);
            given(returned(), resubmit, DESIGNER)
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(firstOnTheAuthorityOf(CONSENT_ID));
            assertThat(consents.asked).containsExactly(
                    DESIGNER.subject() + " 0012345679 qazvin 1234/56 " + ID + " RESUBMIT");
        }

        @Test
        void givenOnlyAConsentToSubmitWhenTheEngineerResubmitsThenRefused() {
            consents.given.add(ConsentAct.SUBMIT);
            given(returned(), resubmit, DESIGNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.REPRESENTATION_CONSENT_REQUIRED, "act", "RESUBMIT"));
        }

        @Test
        void theApplicantResubmitsWithoutAnyConsent() {
            given(returned(), resubmit, OWNER)
                    .expectSuccessfulHandlerExecution();
            assertThat(consents.asked).isEmpty();
        }
    }

    @Nested
    class SupervisingEngineer {

        private static final BuildingEnvelope AS_APPROVED = new BuildingEnvelope(3, 540, 180, 13.5);

        private final ReportConstructionStage foundation = new ReportConstructionStage(APPLICATION, "c-f",
                ConstructionStage.FOUNDATION, AS_APPROVED, "پی مطابق نقشه اجرا شد");

        private PermitIssued issuedWithLicence() {
            return new PermitIssued(ID, "c-issue", PERMIT_NUMBER, "qazvin", "1234/56", TODAY, "2028-11-28", CONDITIONS,
                    COMPLIANT.envelope(), SUPERVISOR.subject(), SUPERVISOR.displayName(), SUPERVISOR.licenceNumber());
        }

        @Test
        void thePermitNamesTheSupervisorWithTheirLicence() {
            given(approvedFile(), new IssuePermit(APPLICATION, "c-issue", PERMIT_NUMBER, CONDITIONS, SUPERVISOR.subject(),
                    SUPERVISOR.displayName(), " " + SUPERVISOR.licenceNumber() + " "), REVIEWER)
                    .expectEvents(issuedWithLicence());
        }

        @Test
        void theNamedSupervisorUnderTheRecordedLicenceReports() {
            given(plus(approvedFile(), issuedWithLicence()), foundation, SUPERVISOR)
                    .expectEvents(new ConstructionStageReported(ID, "c-f", "FOUNDATION", SUPERVISOR.subject(), TODAY,
                            AS_APPROVED, "پی مطابق نقشه اجرا شد", List.of(), false));
        }

        @Test
        void theSupervisorsAccountUnderAnotherLicenceCannotReport() {
            Actor underAnotherLicence = new Actor(SUPERVISOR.subject(), SUPERVISOR.displayName(), Role.ENGINEER, null, null,
                    "1-21-99999");
            given(plus(approvedFile(), issuedWithLicence()), foundation, underAnotherLicence)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_NOT_SUPERVISING_ENGINEER));
        }

        @Test
        void anEngineerWithEveryConsentOfTheOwnerIsStillNotTheSupervisor() {
            consents.given.addAll(EnumSet.allOf(ConsentAct.class));
            given(plus(approvedFile(), issuedWithLicence()), foundation, DESIGNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_NOT_SUPERVISING_ENGINEER));
        }

        @Test
        void theOwnerCannotReportTheirOwnBuildingsStages() {
            given(plus(approvedFile(), issuedWithLicence()), foundation, OWNER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_NOT_SUPERVISING_ENGINEER));
        }

        @Test
        void aClerkCannotReportStagesEither() {
            given(plus(approvedFile(), issuedWithLicence()), foundation, REVIEWER)
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.PERMIT_NOT_SUPERVISING_ENGINEER));
        }

        @Test
        void aPermitIssuedBeforeLicencesWereRecordedStillAcceptsItsNamedSupervisor() {
            Actor supervisorOfOldPermit = new Actor(PermitTestData.ENGINEER.subject(), "مهندس لیلا قاسمی", Role.ENGINEER,
                    null, null, "1-21-00912");
            given(plus(approvedFile(), issued()), foundation, supervisorOfOldPermit)
                    .expectSuccessfulHandlerExecution();
        }
    }
}
