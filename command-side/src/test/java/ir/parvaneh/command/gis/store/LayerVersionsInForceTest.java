package ir.parvaneh.command.gis.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.gis.store.LayerVersionsInForce.VersionInForce;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.LayerUploads;
import ir.parvaneh.command.support.TestCity;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.time.IranTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ir.parvaneh.command.support.GeoJson.collection;
import static ir.parvaneh.command.support.GeoJson.feature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Which layers were in force on day D": versions imported and activated through the command API, read
 * back from the activation register for days before, on and after each date of force.
 */
@CommandSideIntegrationTest
class LayerVersionsInForceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ActingCommands commands;
    @Autowired
    Clock clock;
    @Autowired
    LayerVersionsInForce versionsInForce;

    private LayerUploads layers;
    private TestCity town;
    private LocalDate today;

    @BeforeEach
    void aTownWithItsBoundaryInForce() throws Exception {
        layers = new LayerUploads(mvc, json);
        town = TestCity.register(commands);
        today = IranTime.today(clock);
        layers.importAndActivate(town, "boundary", town.boundaryFile(), today);
    }

    private String zones(String code) {
        return collection(null, List.of(feature(Map.of("zone_code", code), town.rectangleAt(-900, -900, 900, 900))));
    }

    private Optional<String> zonesOn(LocalDate day) {
        return versionsInForce.on(town.id().toString(), LayerKind.ZONES, day).map(VersionInForce::versionIdText);
    }

    @Test
    void givenV1InForceFromTodayAndV2FromTenDaysOnWhenAskedForEachDayThenEachDayHasItsOwnVersion() throws Exception {
        String v1 = layers.importAndActivate(town, "zones", zones("R121"), today);
        String v2 = layers.importAndActivate(town, "zones", zones("R122"), today.plusDays(10));

        assertThat(zonesOn(today.minusDays(1))).isEmpty();
        assertThat(zonesOn(today)).contains(v1);
        assertThat(zonesOn(today.plusDays(9))).contains(v1);
        assertThat(zonesOn(today.plusDays(10))).contains(v2);
        assertThat(zonesOn(today.plusYears(5))).contains(v2);

        VersionInForce onTheTenthDay = versionsInForce.on(town.id().toString(), LayerKind.ZONES, today.plusDays(10)).orElseThrow();
        assertThat(onTheTenthDay.effectiveFrom()).isEqualTo(today.plusDays(10));
        assertThat(onTheTenthDay.sha256()).matches("[0-9a-f]{64}");
        assertThat(onTheTenthDay.layer()).isEqualTo(LayerKind.ZONES);
    }

    @Test
    void givenV2ScheduledWhenV3IsScheduledEarlierThenV3HoldsUntilV2TakesOver() throws Exception {
        String v1 = layers.importAndActivate(town, "zones", zones("R121"), today);
        String v2 = layers.importAndActivate(town, "zones", zones("R122"), today.plusDays(10));
        String v3 = layers.importAndActivate(town, "zones", zones("R123"), today.plusDays(5));

        assertThat(zonesOn(today.plusDays(4))).contains(v1);
        assertThat(zonesOn(today.plusDays(5))).contains(v3);
        assertThat(zonesOn(today.plusDays(10))).contains(v2);
    }

    @Test
    void givenTwoVersionsActivatedFromTheSameDayWhenAskedForThatDayThenTheLaterActivationIsInForce() throws Exception {
        layers.importAndActivate(town, "zones", zones("R121"), today.plusDays(3));
        String later = layers.importAndActivate(town, "zones", zones("R122"), today.plusDays(3));

        assertThat(zonesOn(today.plusDays(3))).contains(later);
    }

    @Test
    void givenSeveralLayersWhenAllAreAskedForADayThenEachLayerHasItsVersionAndLayersNotYetInForceAreAbsent() throws Exception {
        String zonesV1 = layers.importAndActivate(town, "zones", zones("R121"), today);
        String priceBlocks = layers.importAndActivate(town, "price-blocks", collection(null, List.of(feature(
                Map.of("price_rials", 185_000_000), town.rectangleAt(-900, -900, 900, 900)))), today.plusDays(2));

        Map<LayerKind, VersionInForce> onToday = versionsInForce.allOn(town.id().toString(), today);
        assertThat(onToday).containsOnlyKeys(LayerKind.BOUNDARY, LayerKind.ZONES);
        assertThat(onToday.get(LayerKind.ZONES).versionIdText()).isEqualTo(zonesV1);

        Map<LayerKind, VersionInForce> later = versionsInForce.allOn(town.id().toString(), today.plusDays(2));
        assertThat(later).containsOnlyKeys(LayerKind.BOUNDARY, LayerKind.ZONES, LayerKind.PRICE_BLOCKS);
        assertThat(later.get(LayerKind.PRICE_BLOCKS).versionIdText()).isEqualTo(priceBlocks);

        assertThat(versionsInForce.allOn(town.id().toString(), today.minusDays(1))).isEmpty();
    }

    @Test
    void givenAnImportedVersionWhenActivatedForNextYearThenAcceptedAndWhenForYesterdayThenRefused() throws Exception {
        String version = layers.imported(town, "zones", zones("R121")).get("versionId").asText();

        layers.activate(town, "zones", version, today.minusDays(1), town.admin())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("LAYER_ACTIVATION_IN_PAST"));
        layers.activate(town, "zones", version, today.plusYears(1), town.admin())
                .andExpect(status().isOk());

        assertThat(zonesOn(today.plusYears(1).minusDays(1))).isEmpty();
        assertThat(zonesOn(today.plusYears(1))).contains(version);
    }
}
