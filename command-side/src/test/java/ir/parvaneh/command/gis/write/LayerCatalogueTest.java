package ir.parvaneh.command.gis.write;

import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerCatalogueId;
import ir.parvaneh.kernel.gis.LayerCommands.ActivateLayerVersion;
import ir.parvaneh.kernel.gis.LayerCommands.RecordLayerVersion;
import ir.parvaneh.kernel.gis.LayerEvent.LayerVersionActivated;
import ir.parvaneh.kernel.gis.LayerEvent.LayerVersionImported;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.LayerVersionId;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static ir.parvaneh.command.support.Actors.*;
import static ir.parvaneh.command.support.Refusals.refusedWith;

/**
 * Every command of the LayerCatalogue aggregate, legal and illegal. The clock stands at 10:00 in Tehran on
 * 7 Azar 1405 (28 November 2026), so "today" is 2026-11-28.
 */
class LayerCatalogueTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Clock TEHRAN_MORNING = Clock.fixed(Instant.parse("2026-11-28T06:30:00Z"), ZoneOffset.UTC);

    private static final MunicipalityId QAZVIN = MunicipalityId.forProvinceSlug("qazvin");
    private static final LayerCatalogueId CATALOGUE = LayerCatalogueId.of(QAZVIN);
    private static final String ID = CATALOGUE.toString();

    private static final LayerVersionId BOUNDARY_V1 = new LayerVersionId(UUID.fromString("3f1c9a2e-7b44-4d2a-9c61-0e5b8d7a1f01"));
    private static final LayerVersionId PARCELS_V1 = new LayerVersionId(UUID.fromString("6a2d4e8b-1c35-4f7a-8b92-3d4e5f6a7b02"));
    private static final LayerVersionId PARCELS_V2 = new LayerVersionId(UUID.fromString("9e7f1a3c-5d26-4b8e-a1f4-7c8d9e0f1a03"));
    private static final LayerVersionId PARCELS_V3 = new LayerVersionId(UUID.fromString("b4c5d6e7-f809-4a1b-8c2d-3e4f5a6b7c04"));

    private static final String BOUNDARY_SHA = "5d41402abc4b2a76b9719d911017c592ae1d2c4e8b6f1a09c3d7e5f2a8b4c6d1";
    private static final String PARCELS_SHA_1 = "e3b98a4da31a127d4bde6e43033f66ba274cab0eb7eb1c70ec41402bf6273dd8";
    private static final String PARCELS_SHA_2 = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static final String PARCELS_SHA_3 = "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9";

    private static final LayerVersionImported BOUNDARY_IMPORTED = imported(LayerKind.BOUNDARY, BOUNDARY_V1, BOUNDARY_SHA, 1);
    private static final LayerVersionImported PARCELS_V1_IMPORTED = imported(LayerKind.PARCELS, PARCELS_V1, PARCELS_SHA_1, 12_480);
    private static final LayerVersionImported PARCELS_V2_IMPORTED = imported(LayerKind.PARCELS, PARCELS_V2, PARCELS_SHA_2, 12_511);
    private static final LayerVersionImported PARCELS_V3_IMPORTED = imported(LayerKind.PARCELS, PARCELS_V3, PARCELS_SHA_3, 12_530);

    private AggregateTestFixture<LayerCatalogue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LayerCatalogue.class);
        fixture.registerInjectableResource(TEHRAN_MORNING);
    }

    private static Map<String, String> as(Actor actor) {
        return actor.toMetaData();
    }

    private static RecordLayerVersion record(LayerKind layer, LayerVersionId version, String sha256, int features) {
        return new RecordLayerVersion(CATALOGUE, QAZVIN, "qazvin", layer, version, sha256, features, "EPSG:32639",
                49.9512, 36.2207, 50.0815, 36.3318);
    }

    private static LayerVersionImported imported(LayerKind layer, LayerVersionId version, String sha256, int features) {
        return new LayerVersionImported(ID, QAZVIN.toString(), "qazvin", layer.path(), version.toString(), sha256,
                features, "EPSG:32639", 49.9512, 36.2207, 50.0815, 36.3318);
    }

    private static ActivateLayerVersion activate(LayerKind layer, LayerVersionId version, LocalDate from) {
        return new ActivateLayerVersion(CATALOGUE, layer, version, from);
    }

    private static LayerVersionActivated activated(LayerVersionImported version, LocalDate from, LayerVersionId superseded) {
        return new LayerVersionActivated(ID, QAZVIN.toString(), version.layer(), version.versionId(), version.sha256(),
                from.toString(), superseded == null ? null : superseded.toString());
    }

    static Stream<Arguments> mayNotAdministerLayers() {
        return Stream.of(Arguments.of(CITIZEN), Arguments.of(QAZVIN_CLERK), Arguments.of(OVERSIGHT),
                Arguments.of(new Actor("b7c8d9e0-1f2a-4b3c-8d4e-5f6a7b8c9d07", "حسن کریمی", Role.INSPECTOR, "qazvin", null)));
    }

    @Nested
    class RecordVersion {

        @Test
        void givenNoCatalogueWhenQazvinsAdminImportsItsBoundaryThenTheCatalogueIsCreatedWithTheVersion() {
            fixture.givenNoPriorActivity()
                    .when(record(LayerKind.BOUNDARY, BOUNDARY_V1, BOUNDARY_SHA, 1), as(QAZVIN_ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(BOUNDARY_IMPORTED);
        }

        @Test
        void givenACatalogueWhenANewParcelsVersionIsImportedThenItIsRecordedBesideTheOthers() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED)
                    .when(record(LayerKind.PARCELS, PARCELS_V2, PARCELS_SHA_2, 12_511), as(QAZVIN_ADMIN))
                    .expectEvents(PARCELS_V2_IMPORTED);
        }

        @Test
        void givenAVersionWhenTheSameContentIsImportedAgainThenRefusedNamingTheExistingVersionAndNothingStored() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED)
                    .when(record(LayerKind.PARCELS, PARCELS_V2, PARCELS_SHA_1, 12_480), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.LAYER_VERSION_ALREADY_IMPORTED, "versionId", PARCELS_V1.toString()));
        }

        @Test
        void givenAVersionAlreadyInForceWhenItsContentIsImportedAgainThenStillRefusedAsAlreadyImported() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED, activated(PARCELS_V1_IMPORTED, TODAY, null))
                    .when(record(LayerKind.PARCELS, PARCELS_V2, PARCELS_SHA_1, 12_480), as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.LAYER_VERSION_ALREADY_IMPORTED, "versionId", PARCELS_V1.toString()));
        }

        @Test
        void givenNoCatalogueWhenTheProvinceAdminImportsThenRecorded() {
            fixture.givenNoPriorActivity()
                    .when(record(LayerKind.BOUNDARY, BOUNDARY_V1, BOUNDARY_SHA, 1), as(PROVINCE_ADMIN))
                    .expectEvents(BOUNDARY_IMPORTED);
        }

        @Test
        void givenNoCatalogueWhenThePlatformImportsThenRecorded() {
            fixture.givenNoPriorActivity()
                    .when(record(LayerKind.BOUNDARY, BOUNDARY_V1, BOUNDARY_SHA, 1), as(Actor.system("demo-province-loader")))
                    .expectEvents(BOUNDARY_IMPORTED);
        }

        @ParameterizedTest
        @MethodSource("ir.parvaneh.command.gis.write.LayerCatalogueTest#mayNotAdministerLayers")
        void givenNoCatalogueWhenSomeoneWhoDoesNotAdministerLayersImportsThenRefusedForRole(Actor actor) {
            fixture.givenNoPriorActivity()
                    .when(record(LayerKind.BOUNDARY, BOUNDARY_V1, BOUNDARY_SHA, 1), as(actor))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void givenACatalogueWhenTakestansAdminImportsForQazvinThenRefusedForMunicipality() {
            fixture.given(BOUNDARY_IMPORTED)
                    .when(record(LayerKind.PARCELS, PARCELS_V1, PARCELS_SHA_1, 12_480), as(TAKESTAN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_MUNICIPALITY));
        }

        @Test
        void givenNoCatalogueWhenSentWithoutAnActorThenRefusedAsUnauthenticated() {
            fixture.givenNoPriorActivity()
                    .when(record(LayerKind.BOUNDARY, BOUNDARY_V1, BOUNDARY_SHA, 1))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.UNAUTHENTICATED));
        }

        @Test
        void givenNoCatalogueWhenAVersionWithoutFeaturesIsRecordedThenRefusedAsEmpty() {
            fixture.givenNoPriorActivity()
                    .when(record(LayerKind.BOUNDARY, BOUNDARY_V1, BOUNDARY_SHA, 0), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.LAYER_IMPORT_EMPTY));
        }

        @Test
        void givenNoCatalogueWhenTheCatalogueIsNotTheMunicipalitysOwnThenRefused() {
            RecordLayerVersion elsewhere = new RecordLayerVersion(LayerCatalogueId.of(MunicipalityId.forProvinceSlug("takestan")),
                    QAZVIN, "qazvin", LayerKind.BOUNDARY, BOUNDARY_V1, BOUNDARY_SHA, 1, "EPSG:4326",
                    49.9512, 36.2207, 50.0815, 36.3318);
            fixture.givenNoPriorActivity()
                    .when(elsewhere, as(PROVINCE_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Nested
    class Activate {

        @Test
        void givenAnImportedBoundaryWhenActivatedFromTodayThenInForceSupersedingNothing() {
            fixture.given(BOUNDARY_IMPORTED)
                    .when(activate(LayerKind.BOUNDARY, BOUNDARY_V1, TODAY), as(QAZVIN_ADMIN))
                    .expectEvents(activated(BOUNDARY_IMPORTED, TODAY, null));
        }

        @Test
        void givenParcelsV1InForceWhenV2IsActivatedFromNextMonthThenItRecordsThatItSupersedesV1() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED, activated(PARCELS_V1_IMPORTED, TODAY, null), PARCELS_V2_IMPORTED)
                    .when(activate(LayerKind.PARCELS, PARCELS_V2, TODAY.plusMonths(1)), as(QAZVIN_ADMIN))
                    .expectEvents(activated(PARCELS_V2_IMPORTED, TODAY.plusMonths(1), PARCELS_V1));
        }

        @Test
        void givenV1InForceAndV2ScheduledWhenV3IsScheduledEarlierThanV2ThenV3SupersedesV1NotV2() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED, activated(PARCELS_V1_IMPORTED, TODAY, null),
                            PARCELS_V2_IMPORTED, activated(PARCELS_V2_IMPORTED, TODAY.plusDays(10), PARCELS_V1),
                            PARCELS_V3_IMPORTED)
                    .when(activate(LayerKind.PARCELS, PARCELS_V3, TODAY.plusDays(5)), as(QAZVIN_ADMIN))
                    .expectEvents(activated(PARCELS_V3_IMPORTED, TODAY.plusDays(5), PARCELS_V1));
        }

        @Test
        void givenV2ScheduledWhenItIsBroughtForwardThenAcceptedSupersedingV1() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED, activated(PARCELS_V1_IMPORTED, TODAY, null),
                            PARCELS_V2_IMPORTED, activated(PARCELS_V2_IMPORTED, TODAY.plusDays(10), PARCELS_V1))
                    .when(activate(LayerKind.PARCELS, PARCELS_V2, TODAY.plusDays(3)), as(QAZVIN_ADMIN))
                    .expectEvents(activated(PARCELS_V2_IMPORTED, TODAY.plusDays(3), PARCELS_V1));
        }

        @Test
        void givenOnlyAFutureActivationWhenTheSameVersionIsActivatedFromTodayThenItSupersedesNothing() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED, activated(PARCELS_V1_IMPORTED, TODAY.plusDays(10), null))
                    .when(activate(LayerKind.PARCELS, PARCELS_V1, TODAY), as(QAZVIN_ADMIN))
                    .expectEvents(activated(PARCELS_V1_IMPORTED, TODAY, null));
        }

        @Test
        void givenV2SupersededV1WhenV1IsPutBackInForceLaterThenItSupersedesV2() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED, activated(PARCELS_V1_IMPORTED, TODAY, null),
                            PARCELS_V2_IMPORTED, activated(PARCELS_V2_IMPORTED, TODAY.plusDays(10), PARCELS_V1))
                    .when(activate(LayerKind.PARCELS, PARCELS_V1, TODAY.plusDays(20)), as(QAZVIN_ADMIN))
                    .expectEvents(activated(PARCELS_V1_IMPORTED, TODAY.plusDays(20), PARCELS_V2));
        }

        @Test
        void givenTwoActivationsOnTheSameDayWhenTheFirstIsActivatedAgainThatDayThenTheLaterActivationWasInForce() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED, PARCELS_V2_IMPORTED,
                            activated(PARCELS_V1_IMPORTED, TODAY, null), activated(PARCELS_V2_IMPORTED, TODAY, PARCELS_V1))
                    .when(activate(LayerKind.PARCELS, PARCELS_V1, TODAY), as(QAZVIN_ADMIN))
                    .expectEvents(activated(PARCELS_V1_IMPORTED, TODAY, PARCELS_V2));
        }

        @Test
        void givenV1InForceFromTodayWhenActivatedFromTodayAgainThenRefusedAsAlreadyInForce() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED, activated(PARCELS_V1_IMPORTED, TODAY, null))
                    .when(activate(LayerKind.PARCELS, PARCELS_V1, TODAY), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.LAYER_VERSION_ALREADY_IN_FORCE));
        }

        @Test
        void givenV1InForceFromTodayWhenActivatedFromALaterDayThenRefusedAsItIsAlreadyInForceThatDay() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED, activated(PARCELS_V1_IMPORTED, TODAY, null))
                    .when(activate(LayerKind.PARCELS, PARCELS_V1, TODAY.plusDays(7)), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.LAYER_VERSION_ALREADY_IN_FORCE));
        }

        @Test
        void givenAnImportedVersionWhenActivatedFromYesterdayThenRefusedAsInThePast() {
            fixture.given(BOUNDARY_IMPORTED)
                    .when(activate(LayerKind.BOUNDARY, BOUNDARY_V1, TODAY.minusDays(1)), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.LAYER_ACTIVATION_IN_PAST));
        }

        @Test
        void givenItIsAlreadyTomorrowInTehranButNotInUtcWhenActivatedFromTheTehranDateThenAccepted() {
            // 21:00 UTC on the 27th is 00:30 on the 28th in Tehran: days of force are Iranian calendar days.
            fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-11-27T21:00:00Z"), ZoneOffset.UTC));
            fixture.given(BOUNDARY_IMPORTED)
                    .when(activate(LayerKind.BOUNDARY, BOUNDARY_V1, TODAY), as(QAZVIN_ADMIN))
                    .expectEvents(activated(BOUNDARY_IMPORTED, TODAY, null));
        }

        @Test
        void givenItIsAlreadyTomorrowInTehranWhenActivatedFromTheUtcDateThenRefusedAsInThePast() {
            fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-11-27T21:00:00Z"), ZoneOffset.UTC));
            fixture.given(BOUNDARY_IMPORTED)
                    .when(activate(LayerKind.BOUNDARY, BOUNDARY_V1, LocalDate.of(2026, 11, 27)), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.LAYER_ACTIVATION_IN_PAST));
        }

        @Test
        void givenACatalogueWhenAnUnknownVersionIsActivatedThenRefusedAsNotFound() {
            fixture.given(BOUNDARY_IMPORTED)
                    .when(activate(LayerKind.PARCELS, PARCELS_V1, TODAY), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.LAYER_VERSION_NOT_FOUND));
        }

        @Test
        void givenABoundaryVersionWhenItIsActivatedAsTheParcelsLayerThenRefusedAsNotFound() {
            fixture.given(BOUNDARY_IMPORTED, PARCELS_V1_IMPORTED)
                    .when(activate(LayerKind.PARCELS, BOUNDARY_V1, TODAY), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.LAYER_VERSION_NOT_FOUND));
        }

        @Test
        void givenNoCatalogueWhenAVersionIsActivatedThenTheAggregateIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(activate(LayerKind.BOUNDARY, BOUNDARY_V1, TODAY), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void givenAnImportedVersionWhenActivatedWithoutADateThenRefused() {
            fixture.given(BOUNDARY_IMPORTED)
                    .when(activate(LayerKind.BOUNDARY, BOUNDARY_V1, null), as(QAZVIN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        }

        @Test
        void givenAnImportedVersionWhenTheProvinceAdminActivatesItThenInForce() {
            fixture.given(BOUNDARY_IMPORTED)
                    .when(activate(LayerKind.BOUNDARY, BOUNDARY_V1, TODAY), as(PROVINCE_ADMIN))
                    .expectEvents(activated(BOUNDARY_IMPORTED, TODAY, null));
        }

        @Test
        void givenAnImportedVersionWhenThePlatformActivatesItThenInForce() {
            fixture.given(BOUNDARY_IMPORTED)
                    .when(activate(LayerKind.BOUNDARY, BOUNDARY_V1, TODAY), as(Actor.system("demo-province-loader")))
                    .expectEvents(activated(BOUNDARY_IMPORTED, TODAY, null));
        }

        @ParameterizedTest
        @MethodSource("ir.parvaneh.command.gis.write.LayerCatalogueTest#mayNotAdministerLayers")
        void givenAnImportedVersionWhenSomeoneWhoDoesNotAdministerLayersActivatesItThenRefusedForRole(Actor actor) {
            fixture.given(BOUNDARY_IMPORTED)
                    .when(activate(LayerKind.BOUNDARY, BOUNDARY_V1, TODAY), as(actor))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_ROLE));
        }

        @Test
        void givenQazvinsVersionWhenTakestansAdminActivatesItThenRefusedForMunicipality() {
            fixture.given(BOUNDARY_IMPORTED)
                    .when(activate(LayerKind.BOUNDARY, BOUNDARY_V1, TODAY), as(TAKESTAN_ADMIN))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.FORBIDDEN_MUNICIPALITY));
        }
    }
}
