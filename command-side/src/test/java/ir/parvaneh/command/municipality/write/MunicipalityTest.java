package ir.parvaneh.command.municipality.write;

import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.ChangeMunicipalityProgrammePhase;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RegisterMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.ReinstateMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RenameMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.SuspendMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.UpdateMunicipalityContactDetails;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityContactDetailsUpdated;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityProgrammePhaseChanged;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRegistered;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityReinstated;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRenamed;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalitySuspended;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.municipality.ProgrammePhase;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static ir.parvaneh.command.support.Actors.*;
import static ir.parvaneh.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Every command of the Municipality aggregate, legal and illegal. */
class MunicipalityTest {

    private static final MunicipalityId TAKESTAN = MunicipalityId.forProvinceSlug("takestan");
    private static final String ID = TAKESTAN.toString();
    private static final MunicipalityRegistered REGISTERED = new MunicipalityRegistered(
            ID, "takestan", "تاکستان", "Takestan", 36.0706, 49.6957, "ONBOARDING");

    private AggregateTestFixture<Municipality> fixture;
    private InMemoryMunicipalitySlugs slugs;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Municipality.class);
        slugs = new InMemoryMunicipalitySlugs();
        fixture.registerInjectableResource(slugs);
    }

    private static Map<String, String> as(Actor actor) {
        return actor.toMetaData();
    }

    private static RegisterMunicipality register(String slug, String fa, String en, double lat, double lon) {
        return new RegisterMunicipality(TAKESTAN, slug, fa, en, lat, lon, ProgrammePhase.ONBOARDING);
    }

    @Nested
    class Register {

        @Test
        void givenNothingWhenProvinceAdminRegistersThenRegisteredAndSlugClaimed() {
            fixture.givenNoPriorActivity()
                    .when(register("takestan", "تاکستان", "Takestan", 36.0706, 49.6957), as(PROVINCE_ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(REGISTERED);
            assertThat(slugs.slugOf(ID)).contains("takestan");
        }

        @Test
        void givenNothingWhenRegisteredWithArabicKafAndDecomposedTextThenNamesAreStoredNfcNormalised() {
            String decomposed = "آبگرم".replace("آ", "ا\u0653");
            fixture.givenNoPriorActivity()
                    .when(register("abgarm", decomposed, " Abgarm ", 35.7569, 49.2774), as(PROVINCE_ADMIN))
                    .expectEvents(new MunicipalityRegistered(ID, "abgarm", "آبگرم", "Abgarm", 35.7569, 49.2774,
                            "ONBOARDING"));
        }

        @Test
        void givenNothingWhenTheSystemLoaderRegistersThenRegistered() {
            fixture.givenNoPriorActivity()
                    .when(register("takestan", "تاکستان", "Takestan", 36.0706, 49.6957),
                            as(Actor.system("demo-province-loader")))
                    .expectEvents(REGISTERED);
        }

        @Test
        void givenNothingWhenAMunicipalAdminRegistersThenRefusedForRole() {
            fixture.givenNoPriorActivity()
                    .when(register("takestan", "تاکستان", "Takestan", 36.0706, 49.6957), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
            assertThat(slugs.isTaken("takestan")).isFalse();
        }

        @Test
        void givenNothingWhenACitizenRegistersThenRefusedForRole() {
            fixture.givenNoPriorActivity()
                    .when(register("takestan", "تاکستان", "Takestan", 36.0706, 49.6957), as(CITIZEN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void givenNothingWhenSentWithoutAnActorThenRefusedAsUnauthenticated() {
            fixture.givenNoPriorActivity()
                    .when(register("takestan", "تاکستان", "Takestan", 36.0706, 49.6957))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.UNAUTHENTICATED));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "T", "Takestan", "take stan", "takestan-", "-takestan", "take--stan", "1takestan",
                "تاکستان"})
        void givenNothingWhenTheSlugIsMalformedThenRefused(String slug) {
            fixture.givenNoPriorActivity()
                    .when(register(slug, "تاکستان", "Takestan", 36.0706, 49.6957), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_SLUG_INVALID));
        }

        @Test
        void givenNothingWhenThePersianNameIsInLatinLettersThenRefused() {
            fixture.givenNoPriorActivity()
                    .when(register("takestan", "Takestan", "Takestan", 36.0706, 49.6957), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_NAME_INVALID));
        }

        @Test
        void givenNothingWhenTheEnglishNameIsBlankThenRefused() {
            fixture.givenNoPriorActivity()
                    .when(register("takestan", "تاکستان", "  ", 36.0706, 49.6957), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_NAME_INVALID));
        }

        @Test
        void givenNothingWhenLatitudeAndLongitudeAreSwappedThenRefusedAsOutsideIran() {
            fixture.givenNoPriorActivity()
                    .when(register("takestan", "تاکستان", "Takestan", 49.6957, 36.0706), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_CENTROID_OUT_OF_RANGE));
        }

        @Test
        void givenTheSlugHeldByAnotherMunicipalityWhenRegisteringThenRefusedAsTaken() {
            slugs.claim("takestan", MunicipalityId.random().toString());
            fixture.givenNoPriorActivity()
                    .when(register("takestan", "تاکستان", "Takestan", 36.0706, 49.6957), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_SLUG_TAKEN));
        }

        @Test
        void givenNothingWhenNoProgrammePhaseIsGivenThenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterMunicipality(TAKESTAN, "takestan", "تاکستان", "Takestan", 36.0706, 49.6957, null),
                            as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Nested
    class Rename {

        @Test
        void givenRegisteredWhenProvinceAdminRenamesThenRenamedWithPreviousNames() {
            fixture.given(REGISTERED)
                    .when(new RenameMunicipality(TAKESTAN, "شهر تاکستان", "Takestan City"), as(PROVINCE_ADMIN))
                    .expectEvents(new MunicipalityRenamed(ID, "تاکستان", "Takestan", "شهر تاکستان", "Takestan City"));
        }

        @Test
        void givenRegisteredWhenRenamedToTheSameNamesThenRefusedAsUnchanged() {
            fixture.given(REGISTERED)
                    .when(new RenameMunicipality(TAKESTAN, "تاکستان", "Takestan"), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_NAME_UNCHANGED));
        }

        @Test
        void givenRegisteredWhenItsOwnMunicipalAdminRenamesThenRefusedForRole() {
            fixture.given(REGISTERED)
                    .when(new RenameMunicipality(TAKESTAN, "شهر تاکستان", "Takestan City"), as(TAKESTAN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void givenRegisteredWhenRenamedToAnEmptyPersianNameThenRefused() {
            fixture.given(REGISTERED)
                    .when(new RenameMunicipality(TAKESTAN, "", "Takestan City"), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_NAME_INVALID));
        }

        @Test
        void givenNothingWhenRenamingThenNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new RenameMunicipality(TAKESTAN, "شهر تاکستان", "Takestan City"), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        }
    }

    @Nested
    class SuspendAndReinstate {

        private final MunicipalitySuspended suspended = new MunicipalitySuspended(ID, "عدم بارگذاری لایه‌های GIS");

        @Test
        void givenActiveWhenProvinceAdminSuspendsWithReasonThenSuspended() {
            fixture.given(REGISTERED)
                    .when(new SuspendMunicipality(TAKESTAN, "عدم بارگذاری لایه‌های GIS"), as(PROVINCE_ADMIN))
                    .expectEvents(suspended);
        }

        @Test
        void givenActiveWhenSuspendedWithoutReasonThenRefused() {
            fixture.given(REGISTERED)
                    .when(new SuspendMunicipality(TAKESTAN, "  "), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.REASON_REQUIRED));
        }

        @Test
        void givenSuspendedWhenSuspendedAgainThenRefused() {
            fixture.given(REGISTERED, suspended)
                    .when(new SuspendMunicipality(TAKESTAN, "دوباره"), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_ALREADY_SUSPENDED));
        }

        @Test
        void givenActiveWhenOversightSuspendsThenRefusedForRole() {
            fixture.given(REGISTERED)
                    .when(new SuspendMunicipality(TAKESTAN, "بررسی"), as(OVERSIGHT))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void givenSuspendedWhenReinstatedThenReinstated() {
            fixture.given(REGISTERED, suspended)
                    .when(new ReinstateMunicipality(TAKESTAN, "لایه‌ها بارگذاری شد"), as(PROVINCE_ADMIN))
                    .expectEvents(new MunicipalityReinstated(ID, "لایه‌ها بارگذاری شد"));
        }

        @Test
        void givenActiveWhenReinstatedThenRefused() {
            fixture.given(REGISTERED)
                    .when(new ReinstateMunicipality(TAKESTAN, "بدون تعلیق"), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_NOT_SUSPENDED));
        }

        @Test
        void givenSuspendedWhenReinstatedByMunicipalAdminThenRefusedForRole() {
            fixture.given(REGISTERED, suspended)
                    .when(new ReinstateMunicipality(TAKESTAN, "لایه‌ها بارگذاری شد"), as(TAKESTAN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void givenReinstatedWhenSuspendedAgainThenSuspended() {
            fixture.given(REGISTERED, suspended, new MunicipalityReinstated(ID, "رفع شد"))
                    .when(new SuspendMunicipality(TAKESTAN, "عدم بارگذاری لایه‌های GIS"), as(PROVINCE_ADMIN))
                    .expectEvents(suspended);
        }
    }

    @Nested
    class ProgrammePhases {

        @Test
        void givenOnboardingWhenMovedToLiveThenPhaseChanged() {
            fixture.given(REGISTERED)
                    .when(new ChangeMunicipalityProgrammePhase(TAKESTAN, ProgrammePhase.LIVE), as(PROVINCE_ADMIN))
                    .expectEvents(new MunicipalityProgrammePhaseChanged(ID, "ONBOARDING", "LIVE"));
        }

        @Test
        void givenOnboardingWhenMovedToOnboardingThenRefusedAsUnchanged() {
            fixture.given(REGISTERED)
                    .when(new ChangeMunicipalityProgrammePhase(TAKESTAN, ProgrammePhase.ONBOARDING), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_PHASE_UNCHANGED));
        }

        @Test
        void givenSuspendedWhenMovedToLiveThenRefused() {
            fixture.given(REGISTERED, new MunicipalitySuspended(ID, "تعلیق"))
                    .when(new ChangeMunicipalityProgrammePhase(TAKESTAN, ProgrammePhase.LIVE), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_SUSPENDED));
        }

        @Test
        void givenOnboardingWhenAMunicipalAdminMovesItThenRefusedForRole() {
            fixture.given(REGISTERED)
                    .when(new ChangeMunicipalityProgrammePhase(TAKESTAN, ProgrammePhase.LIVE), as(TAKESTAN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void givenOnboardingWhenNoPhaseIsGivenThenRefused() {
            fixture.given(REGISTERED)
                    .when(new ChangeMunicipalityProgrammePhase(TAKESTAN, null), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Nested
    class ContactDetails {

        @Test
        void givenRegisteredWhenItsOwnAdminSetsContactsThenUpdatedWithLatinDigits() {
            fixture.given(REGISTERED)
                    .when(new UpdateMunicipalityContactDetails(TAKESTAN, "۰۲۸-۳۵۲۲۴۰۰۰", "info@takestan.ir",
                            "https://takestan.ir", "تاکستان، بلوار امام"), as(TAKESTAN_ADMIN))
                    .expectEvents(new MunicipalityContactDetailsUpdated(ID, "028-35224000", "info@takestan.ir",
                            "https://takestan.ir", "تاکستان، بلوار امام"));
        }

        @Test
        void givenRegisteredWhenTheProvinceSetsContactsThenUpdated() {
            fixture.given(REGISTERED)
                    .when(new UpdateMunicipalityContactDetails(TAKESTAN, null, "info@takestan.ir", "", null),
                            as(PROVINCE_ADMIN))
                    .expectEvents(new MunicipalityContactDetailsUpdated(ID, null, "info@takestan.ir", null, null));
        }

        @Test
        void givenRegisteredWhenAnotherMunicipalitysAdminSetsContactsThenRefusedForMunicipality() {
            fixture.given(REGISTERED)
                    .when(new UpdateMunicipalityContactDetails(TAKESTAN, "028-35224000", null, null, null),
                            as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_MUNICIPALITY));
        }

        @Test
        void givenRegisteredWhenAClerkSetsContactsThenRefusedForRole() {
            fixture.given(REGISTERED)
                    .when(new UpdateMunicipalityContactDetails(TAKESTAN, "028-35224000", null, null, null),
                            as(QAZVIN_CLERK))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void givenRegisteredWhenTheWebsiteIsNotAUrlThenRefused() {
            fixture.given(REGISTERED)
                    .when(new UpdateMunicipalityContactDetails(TAKESTAN, null, null, "takestan dot ir", null),
                            as(TAKESTAN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.MUNICIPALITY_CONTACT_INVALID));
        }
    }
}
