package ir.parvaneh.command.rulebook.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.gis.demo.DemoCity;
import ir.parvaneh.command.gis.demo.DemoFabric;
import ir.parvaneh.command.gis.demo.DemoFabricSamples;
import ir.parvaneh.command.rulebook.demo.DemoRulebooks;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static ir.parvaneh.command.rulebook.engine.Rulebooks.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo province's 25 rulebooks compile, differ only by their parameters, and give a determinate result for
 * every zone code and overlay that the demo GIS generator emits, over the lot areas and passage widths it draws.
 */
class DemoProvinceRulebooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CompiledRulebook QAZVIN = RulebookCompiler.compile(DemoRulebooks.forCity("qazvin"));
    private static final long SEED = 0x5141_5A56_494E_0001L;
    private static DemoFabric fabric;
    private static Set<String> zoneCodes;
    private static List<JsonNode> overlays;

    @BeforeAll
    static void generateACity() throws IOException {
        fabric = DemoFabric.generate(new DemoCity("qazvin", "قزوین", 36.26877, 50.0041, 1500), SEED);
        zoneCodes = new TreeSet<>();
        layer("zones").forEach(f -> zoneCodes.add(f.get("properties").get("zone_code").asText()));
        overlays = layer("overlays");
    }

    private static List<JsonNode> layer(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fabric.write(name, out);
        List<JsonNode> features = new java.util.ArrayList<>();
        JSON.readTree(out.toByteArray()).get("features").forEach(features::add);
        return features;
    }

    @Test
    void everyMunicipalityOfTheProvinceHasACompilingRulebookOfTheSameProcedure() {
        Map<String, RulebookContent> all = DemoRulebooks.all();
        assertThat(all).hasSize(25).containsKeys("qazvin", "takestan", "ziaabad");
        Set<String> hashes = new HashSet<>();
        for (Map.Entry<String, RulebookContent> city : all.entrySet()) {
            CompiledRulebook rulebook = RulebookCompiler.compile(city.getValue());
            assertThat(rulebook.municipality()).isEqualTo(city.getKey());
            assertThat(rulebook.decisionIds()).isEqualTo(QAZVIN.decisionIds());
            assertThat(city.getValue().files().keySet()).containsExactly("fees.dmn", "parking.dmn", "rulebook.json", "zoning.dmn");
            assertThat(city.getValue().files().get("zoning.dmn")).isEqualTo(DemoRulebooks.forCity("qazvin").files().get("zoning.dmn"));
            hashes.add(city.getValue().sha256());
        }
        assertThat(hashes).hasSize(25);
        assertThat(DemoRulebooks.forCity("takestan").sha256()).isEqualTo(DemoRulebooks.forCity("takestan").sha256());
    }

    @Test
    void theGeneratorsZoneCodesAreThoseTheRulebookDeclares() {
        assertThat(zoneCodes).isNotEmpty();
        ZoningOutcome any = QAZVIN.assess(Parcels.lot(300).zone("R121").facts(), "RESIDENTIAL");
        assertThat(any.outputs()).isNotEmpty();
        for (String zone : zoneCodes) {
            assertThat(value(QAZVIN.assess(Parcels.lot(300).zone(zone).facts(), "RESIDENTIAL"), "permitted-uses"))
                    .as(zone).isNotEmpty();
        }
    }

    @Test
    void everyZoneAreaAndPassageWidthOfTheDemoGivesADeterminateResult() {
        double[] areas = {80, 99.99, 100, 150, 200, 200.01, 250, 300, 300.01, 750, 2000};
        double[] widths = {6, 8, 9.99, 10, 12, 16, 18, 20, 24, 30, 45};
        for (String zone : zoneCodes) {
            for (double area : areas) {
                for (double width : widths) {
                    for (String use : List.of("RESIDENTIAL", "COMMERCIAL")) {
                        ZoningOutcome outcome = QAZVIN.assess(Parcels.lot(area).zone(zone).passage(width).facts(), use);
                        for (AssessedOutput output : outcome.outputs()) {
                            assertThat(output.status()).as("%s %s m² %s m %s: %s", zone, area, width, output.name(), output.reason())
                                    .isEqualTo(AssessedOutput.DETERMINED);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyOverlayOfTheDemoAppliesAndLeavesTheResultDeterminate() {
        assertThat(overlays).isNotEmpty();
        for (JsonNode overlay : overlays) {
            JsonNode p = overlay.get("properties");
            Parcels parcel = Parcels.lot(320).zone("R122").passage(12.0).overlay(p.get("overlay_code").asText(),
                    p.get("precedence").asText(), p.has("max_floors") ? p.get("max_floors").asInt() : null,
                    p.has("replacement_zone") ? p.get("replacement_zone").asText() : null, 40);
            ZoningOutcome outcome = QAZVIN.assess(parcel.facts(), "RESIDENTIAL");
            outcome.outputs().forEach(o -> assertThat(o.status()).as("%s %s: %s", p, o.name(), o.reason())
                    .isEqualTo(AssessedOutput.DETERMINED));
            assertThat(value(outcome, "overlay-restrictions")).contains(p.get("overlay_code").asText());
        }
    }

    @Test
    void theGeneratorsSampleParcelsAreAssessed() {
        DemoFabricSamples samples = fabric.samples();
        DemoFabricSamples.OrdinaryParcel ordinary = samples.ordinary();
        ZoningOutcome plain = QAZVIN.assess(Parcels.lot(ordinary.areaM2()).zone(ordinary.zoneCode())
                .passage(ordinary.frontageWidthM()).price(ordinary.priceRials()).facts(), "RESIDENTIAL");
        plain.outputs().forEach(o -> assertThat(o.status()).as(o.name()).isEqualTo(AssessedOutput.DETERMINED));
        DemoFabricSamples.SplitParcel split = samples.splitAcrossZones();
        ZoningOutcome both = QAZVIN.assess(Parcels.lot(400).split(split.largerZoneCode(), 100 - split.smallerSharePercent(),
                split.smallerZoneCode()).facts(), "RESIDENTIAL");
        assertThat(both.portions()).hasSize(2);
        assertThat(value(both, "max-gross-floor-area-m2")).isNotBlank();
    }
}
