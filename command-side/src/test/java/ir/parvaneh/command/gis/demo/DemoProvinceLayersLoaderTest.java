package ir.parvaneh.command.gis.demo;

import ir.parvaneh.command.gis.lookup.ParcelFactsCalculator;
import ir.parvaneh.command.gis.store.LayerVersionsInForce;
import ir.parvaneh.command.gis.write.importing.LayerImporter;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.TestSlugs;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RegisterMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.municipality.ProgrammePhase;
import ir.parvaneh.kernel.time.IranTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo loader puts a generated city through the real import, and the facts the platform then derives
 * from the stored layers agree with what the generator knows it built.
 */
@CommandSideIntegrationTest
class DemoProvinceLayersLoaderTest {

    @Autowired
    LayerImporter importer;
    @Autowired
    MunicipalitySlugs slugs;
    @Autowired
    ActingCommands commands;
    @Autowired
    LayerVersionsInForce versionsInForce;
    @Autowired
    ParcelFactsCalculator facts;
    @Autowired
    Clock clock;

    @Test
    void givenARegisteredCityWhenTheLoaderRunsThenAllSixLayersAreInForceAndTheFactsMatchTheGeneratorsKnowledge() {
        String slug = TestSlugs.unique("demo");
        // A place of its own (the test database keeps earlier runs' boundaries, and a point must fall in one)
        // near UTM 39N's central meridian, 51°E, as Qazvin province is: 5° away, UTM's scale error alone
        // would part the generator's areas from the platform's by 0.5 %.
        double lat = 28 + 0.05 * ThreadLocalRandom.current().nextInt(200);
        double lon = 49.5 + 0.02 * ThreadLocalRandom.current().nextInt(150);
        MunicipalityId municipality = MunicipalityId.random();
        commands.send(new RegisterMunicipality(municipality, slug, "شهر نمونه", "Sample Town", lat, lon,
                ProgrammePhase.PILOT), Actor.system("test"));
        DemoCity city = new DemoCity(slug, "شهر نمونه", lat, lon, 400);
        LocalDate today = IranTime.today(clock);
        // The tests' configuration loads no demo province at start-up, so the loader is built here.
        DemoProvinceLayersLoader loader = new DemoProvinceLayersLoader(importer, commands, slugs, versionsInForce, clock, 0);

        assertThat(loader.load(city, List.of(city))).isTrue();

        assertThat(versionsInForce.allOn(municipality.toString(), today)).containsOnlyKeys(LayerKind.values());
        DemoFabricSamples samples = DemoFabric.generate(city, ProvincePlan.PROVINCE_SEED).samples();

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

        assertThat(loader.load(city, List.of(city))).as("a second start loads nothing again").isFalse();
    }
}
