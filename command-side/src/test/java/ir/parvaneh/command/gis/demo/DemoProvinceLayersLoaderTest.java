package ir.parvaneh.command.gis.demo;

import ir.parvaneh.command.gis.lookup.ParcelFactsCalculator;
import ir.parvaneh.command.gis.store.LayerVersionsInForce;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.DemoTown;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.time.IranTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo loader puts a generated city through the real import, and the facts the platform then derives
 * from the stored layers agree with what the generator knows it built.
 */
@CommandSideIntegrationTest
class DemoProvinceLayersLoaderTest {

    @Autowired
    DemoTown demoTown;
    @Autowired
    LayerVersionsInForce versionsInForce;
    @Autowired
    ParcelFactsCalculator facts;
    @Autowired
    Clock clock;

    @Test
    void givenARegisteredCityWhenTheLoaderHasRunThenAllSixLayersAreInForceAndTheFactsMatchTheGeneratorsKnowledge() {
        DemoTown.Town town = demoTown.withLayers("demo", 400);
        String slug = town.slug();
        LocalDate today = IranTime.today(clock);

        assertThat(versionsInForce.allOn(town.id().toString(), today)).containsOnlyKeys(LayerKind.values());
        DemoFabricSamples samples = town.samples();

        ParcelFacts split = facts.ofPlate(slug, samples.splitAcrossZones().plate(), today);
        assertThat(split.zones()).extracting(ParcelFacts.ZoneShare::zoneCode)
                .containsExactly(samples.splitAcrossZones().largerZoneCode(), samples.splitAcrossZones().smallerZoneCode());
        assertThat(split.zones().get(1).sharePercent())
                .isCloseTo(samples.splitAcrossZones().smallerSharePercent(), within(0.5));

        ParcelFacts landlocked = facts.ofPlate(slug, samples.landlockedPlate(), today);
        assertThat(landlocked.frontages()).isEmpty();
        assertThat(landlocked.widestPassageWidthM()).isNull();
        assertThat(landlocked.missing()).extracting(ParcelFacts.MissingFact::fact).containsExactly("frontages");

        DemoFabricSamples.OrdinaryParcel expected = samples.ordinary();
        ParcelFacts ordinary = facts.ofPlate(slug, expected.plate(), today);
        assertThat(ordinary.areaM2()).isCloseTo(expected.areaM2(), within(expected.areaM2() * 0.003));
        assertThat(ordinary.widestPassageWidthM()).isEqualTo(expected.frontageWidthM());
        assertThat(ordinary.mainFrontageSide()).isEqualTo(expected.frontageSide());
        assertThat(ordinary.zones()).extracting(ParcelFacts.ZoneShare::zoneCode).containsExactly(expected.zoneCode());
        assertThat(ordinary.priceRialsPerM2()).isEqualTo(expected.priceRials());
        assertThat(ordinary.priceBlockCode()).isEqualTo(expected.priceBlockCode());
        assertThat(ordinary.missing()).isEmpty();

        assertThat(demoTown.loader().load(town.city(), List.of(town.city()))).as("a second start loads nothing again").isFalse();
    }
}
