package ir.parvaneh.kernel;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import ir.parvaneh.kernel.consent.RepresentationConsentId;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.ActorClaims;
import ir.parvaneh.kernel.identity.NationalCode;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.text.PersianText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelTest {

    @Test
    void theKernelDependsOnNeitherSpringNorPersistence() {
        noClasses().that().resideInAPackage("ir.parvaneh.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.jooq..", "java.sql..", "javax.sql..", "ir.parvaneh.command..", "ir.parvaneh.query..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("ir.parvaneh.kernel"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0012345679", "1234567891", "۰۰۱۲۳۴۵۶۷۹", "001-234567-9", "12345679"})
    void validNationalCodesAreAcceptedInAnyDigitsAndNormalised(String raw) {
        assertThat(NationalCode.parse(raw).value()).matches("\\d{10}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0012345678", "1111111111", "123", "abcdefghij", ""})
    void invalidNationalCodesAreRefusedWithTheirCode(String raw) {
        assertThatThrownBy(() -> NationalCode.parse(raw)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.INVALID_NATIONAL_CODE);
    }

    @Test
    void searchKeysFoldArabicLettersAndDigits() {
        assertThat(PersianText.searchKey("كرج")).isEqualTo(PersianText.searchKey("کرج"));
        assertThat(PersianText.searchKey("علي")).isEqualTo(PersianText.searchKey("علی"));
        assertThat(PersianText.searchKey("پلاک ۱۲۳۴")).isEqualTo("پلاک 1234");
        assertThat(PersianText.normalize("ا\u0653بیک")).isEqualTo("آبیک");
    }

    @Test
    void persianDigitsAreTheDisplayTwinOfLatinDigits() {
        assertThat(PersianText.persianDigits("پلاک 1234/56 و ٧")).isEqualTo("پلاک ۱۲۳۴/۵۶ و ۷");
        assertThat(PersianText.latinDigits(PersianText.persianDigits("qazvin-1405-000123"))).isEqualTo("qazvin-1405-000123");
        assertThat(PersianText.persianDigits(null)).isNull();
    }

    @Test
    void idsOfDifferentAggregatesCannotClash() {
        UUID same = UUID.randomUUID();
        assertThat(new MunicipalityId(same).toString()).startsWith("municipality-").isNotEqualTo(same.toString());
        assertThat(MunicipalityId.parse(new MunicipalityId(same).toString())).isEqualTo(new MunicipalityId(same));
        assertThatThrownBy(() -> MunicipalityId.parse("permit-" + same)).isInstanceOf(DomainException.class);
        assertThat(MunicipalityId.forProvinceSlug("qazvin")).isEqualTo(MunicipalityId.forProvinceSlug("qazvin"));
        assertThat(new PermitApplicationId(same).toString()).isEqualTo("permit-application-" + same);
        assertThat(PermitApplicationId.parse("permit-application-" + same)).isEqualTo(new PermitApplicationId(same));
        assertThatThrownBy(() -> PermitApplicationId.parse(new MunicipalityId(same).toString()))
                .isInstanceOf(DomainException.class);
        assertThat(new RepresentationConsentId(same).toString()).isEqualTo("representation-consent-" + same);
        assertThatThrownBy(() -> RepresentationConsentId.parse(new PermitApplicationId(same).toString()))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void anEngineerActsUnderTheLicenceInTheirTokenAndNobodyElseCarriesOne() {
        Map<String, Object> claims = Map.of("sub", "e", "roles", List.of("ENGINEER", "CITIZEN"), "name", "بهرام توکلی",
                "licence_number", " 1-21-04573 ", "national_code", "0012345679");
        Actor engineer = ActorClaims.actor(claims, Role.ENGINEER);
        assertThat(engineer.licenceNumber()).isEqualTo("1-21-04573");
        assertThat(Actor.fromMetaData(engineer.toMetaData())).contains(engineer);
        assertThat(engineer.toMetaData()).containsEntry(Actor.LICENCE_NUMBER, "1-21-04573");
        // The same person signed in as a citizen acts without it: a licence is no citizen's authority.
        assertThat(ActorClaims.actor(claims, Role.CITIZEN).licenceNumber()).isNull();
        assertThat(new Actor("c", "c", Role.CLERK, "qazvin", null, "1-21-04573").licenceNumber()).isNull();
    }

    @Test
    void anActorSurvivesTheTripThroughMetadata() {
        Actor clerk = new Actor("sub-1", "علی رضایی", Role.CLERK, "qazvin", null);
        assertThat(Actor.fromMetaData(clerk.toMetaData())).contains(clerk);
        assertThat(Actor.fromMetaData(Map.of())).isEmpty();
        assertThat(clerk.actsFor("qazvin")).isTrue();
        assertThat(clerk.actsFor("takestan")).isFalse();
    }

    @Test
    void tokenClaimsBecomeActorsAndSystemIsNeverGranted() {
        Map<String, Object> claims = Map.of("sub", "s", "roles", List.of("CITIZEN", "SYSTEM", "offline_access"),
                "national_code", "0012345679", "given_name", "مریم", "family_name", "احمدی");
        assertThat(ActorClaims.roles(claims)).containsExactly(Role.CITIZEN);
        Actor citizen = ActorClaims.actor(claims, Role.CITIZEN);
        assertThat(citizen.displayName()).isEqualTo("مریم احمدی");
        assertThat(citizen.nationalCode()).isEqualTo("0012345679");
        assertThatThrownBy(() -> ActorClaims.actor(Map.of("sub", "s", "roles", List.of("CLERK")), Role.CLERK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
