package ir.parvaneh.command.rulebook.engine;

import ir.parvaneh.command.rulebook.demo.DemoRulebooks;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ir.parvaneh.command.rulebook.engine.Rulebooks.output;
import static ir.parvaneh.command.rulebook.engine.Rulebooks.value;
import static org.assertj.core.api.Assertions.assertThat;

/** A fact the layers cannot give makes the outputs that need it CANNOT_DETERMINE with the reason; the rest stand. */
class MissingFactsTest {

    private static final CompiledRulebook QAZVIN = RulebookCompiler.compile(DemoRulebooks.forCity("qazvin"));

    private static void cannot(ZoningOutcome outcome, String name, String... reasonParts) {
        AssessedOutput output = output(outcome, name);
        assertThat(output.status()).as(name).isEqualTo(AssessedOutput.CANNOT_DETERMINE);
        assertThat(output.value()).isNull();
        assertThat(output.reason()).contains(reasonParts);
        assertThat(output.explanation().legalSource() != null || output.explanation().hitPolicy().equals("ENGINE")).isTrue();
    }

    @Test
    void aLandlockedParcelHasNoPassageWidthSoNothingThatDependsOnItIsGuessed() {
        ZoningOutcome outcome = QAZVIN.assess(Parcels.lot(250).zone("R121").landlocked().facts(), "RESIDENTIAL");
        cannot(outcome, "density-percent", "passageWidthM", "No passage's centre line");
        cannot(outcome, "max-gross-floor-area-m2", "passageWidthM");
        cannot(outcome, "max-floors", "passageWidthM");
        cannot(outcome, "buildable-depth-m", "passageWidthM");
        cannot(outcome, "fee-building-area-rials", "max-gross-floor-area-m2");
        assertThat(value(outcome, "permitted-uses")).isEqualTo("RESIDENTIAL");
        assertThat(value(outcome, "min-lot-size-met")).isEqualTo("true");
        assertThat(value(outcome, "zone-shares")).isEqualTo("R121=100");
        assertThat(value(outcome, "intended-use-permitted")).isEqualTo("true");
    }

    @Test
    void withoutThePriceTheEnvelopeStandsAndTheFeesAreNotGuessed() {
        ZoningOutcome outcome = QAZVIN.assess(Parcels.lot(250).zone("R121").noPrice().facts(), "RESIDENTIAL");
        cannot(outcome, "fee-building-area-rials", "priceRialsPerM2", "No price block");
        assertThat(value(outcome, "max-gross-floor-area-m2")).isNotBlank();
        assertThat(value(outcome, "required-parking")).isNotBlank();
    }

    @Test
    void withoutAZoneOnlyWhatDoesNotReadTheZoneIsDetermined() {
        ZoningOutcome outcome = QAZVIN.assess(Parcels.lot(250).noZone().facts(), "RESIDENTIAL");
        cannot(outcome, "permitted-uses", "zone", "No zone of the zones layer");
        cannot(outcome, "zone-shares", "No zone of the zones layer");
        cannot(outcome, "intended-use-permitted", "permitted-uses");
        assertThat(value(outcome, "min-lot-size-met")).isEqualTo("true");
        assertThat(outcome.portions()).isEmpty();
    }

    @Test
    void aZoneTheRulebookDoesNotKnowIsNotReadAsNothingPermitted() {
        ZoningOutcome outcome = QAZVIN.assess(Parcels.lot(250).zone("X999").facts(), "RESIDENTIAL");
        cannot(outcome, "permitted-uses", "zone = X999 is not one of the codes");
        cannot(outcome, "density-percent", "X999");
    }

    @Test
    void withoutTheOverlaysLayerNeitherLimitsNorZoneCanBeTrusted() {
        ParcelFacts f = Parcels.lot(250).zone("R121").facts();
        ParcelFacts noOverlays = new ParcelFacts(f.municipalityId(), f.plate(), f.renovationCode(), f.asOf(), f.parcelWkt(),
                f.centroidLatitude(), f.centroidLongitude(), f.areaM2(), f.frontages(), f.widestPassageWidthM(),
                f.mainFrontageLengthM(), f.depthM(), f.mainFrontageSide(), f.mainFrontageBearing(), f.northSide(), f.zones(),
                f.unzonedSharePercent(), List.of(), f.priceRialsPerM2(), f.priceBlockCode(), f.layerVersions(),
                List.of(new ParcelFacts.MissingFact("overlays", "No overlays layer is in force on 2026-04-01")));
        ZoningOutcome outcome = QAZVIN.assess(noOverlays, "RESIDENTIAL");
        cannot(outcome, "overlay-restrictions", "No overlays layer is in force");
        cannot(outcome, "max-floors", "No overlays layer");
        cannot(outcome, "permitted-uses", "REPLACE overlay could change the zone");
        assertThat(value(outcome, "min-lot-size-met")).isEqualTo("true");
    }
}
