package ir.parvaneh.command.rulebook.engine;

import ir.parvaneh.command.rulebook.demo.DemoRulebooks;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import ir.parvaneh.kernel.rulebook.ZonePortionOutcome;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import static ir.parvaneh.command.rulebook.engine.Rulebooks.output;
import static ir.parvaneh.command.rulebook.engine.Rulebooks.value;
import static org.assertj.core.api.Assertions.assertThat;

/** Parcels split across zones, combined by the rulebook's rule, and overlays that restrict, relax or replace. */
class SplitZonesAndOverlaysTest {

    private static final RulebookContent QAZVIN_CONTENT = DemoRulebooks.forCity("qazvin");
    private static final CompiledRulebook QAZVIN = RulebookCompiler.compile(QAZVIN_CONTENT);

    private static BigDecimal number(ZonePortionOutcome portion, String name) {
        AssessedOutput output = portion.outputs().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
        assertThat(output.status()).as(output.reason()).isEqualTo(AssessedOutput.DETERMINED);
        return new BigDecimal(output.value());
    }

    @Test
    void perPortionEachZoneIsEvaluatedOnItsOwnAreaAndTheOutputsCombineAsTheManifestSays() {
        ZoningOutcome outcome = QAZVIN.assess(Parcels.lot(400).split("R121", 60, "S211").passage(20.0).facts(), "RESIDENTIAL");
        assertThat(outcome.combinationRule()).isEqualTo(CompiledRulebook.PER_PORTION_AREA_WEIGHTED);
        assertThat(outcome.portions()).extracting(ZonePortionOutcome::zoneCode).containsExactly("R121", "S211");
        ZonePortionOutcome r = outcome.portions().get(0);
        ZonePortionOutcome s = outcome.portions().get(1);
        assertThat(r.areaM2()).isEqualTo(240);
        assertThat(s.areaM2()).isEqualTo(160);
        assertThat(r.governing()).isTrue();
        // each portion reads the row of the whole lot (400 m²) for its own zone
        assertThat(number(r, "density-percent")).isEqualByComparingTo("240");
        assertThat(number(s, "density-percent")).isEqualByComparingTo("320");

        BigDecimal weightedDensity = number(r, "density-percent").multiply(BigDecimal.valueOf(60))
                .add(number(s, "density-percent").multiply(BigDecimal.valueOf(40))).divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
        assertThat(new BigDecimal(value(outcome, "density-percent"))).isEqualByComparingTo(weightedDensity.setScale(2, RoundingMode.HALF_UP));
        assertThat(new BigDecimal(value(outcome, "max-gross-floor-area-m2")))
                .isEqualByComparingTo(number(r, "max-gross-floor-area-m2").add(number(s, "max-gross-floor-area-m2")));
        assertThat(new BigDecimal(value(outcome, "max-floors"))).isEqualByComparingTo(number(r, "max-floors").min(number(s, "max-floors")));
        assertThat(new BigDecimal(value(outcome, "max-units"))).isEqualByComparingTo(number(r, "max-units").add(number(s, "max-units")));
        assertThat(value(outcome, "permitted-uses")).isEqualTo("RESIDENTIAL");
        assertThat(value(outcome, "zone-shares")).isEqualTo("R121=60,S211=40");
        assertThat(output(outcome, "max-gross-floor-area-m2").explanation().formula()).startsWith("PER_PORTION_AREA_WEIGHTED: SUM");
        assertThat(output(outcome, "max-gross-floor-area-m2").explanation().inputs()).hasSize(2);
    }

    @Test
    void governingZoneTheLargestShareGovernsTheWholeLot() {
        CompiledRulebook governing = RulebookCompiler.compile(Rulebooks.edited(QAZVIN_CONTENT, RulebookContent.MANIFEST,
                "\"PER_PORTION_AREA_WEIGHTED\"", "\"GOVERNING_ZONE_LARGEST_SHARE\""));
        ZoningOutcome split = governing.assess(Parcels.lot(400).split("R121", 60, "S211").passage(20.0).facts(), "RESIDENTIAL");
        ZoningOutcome whole = governing.assess(Parcels.lot(400).zone("R121").passage(20.0).facts(), "RESIDENTIAL");
        for (String name : RulebookCompiler.REQUIRED_OUTPUTS) {
            assertThat(value(split, name)).as(name).isEqualTo(value(whole, name));
        }
        assertThat(output(split, "max-floors").explanation().formula())
                .startsWith("GOVERNING_ZONE_LARGEST_SHARE: zone R121 (60 % of the lot) governs the whole lot");
        assertThat(split.portions()).hasSize(2);
    }

    @Test
    void aSliverOfUnzonedLandLeftByRoundingDoesNotCostTheParcelAnything() {
        ZoningOutcome sliver = QAZVIN.assess(Parcels.lot(250).partlyZoned("R121", 99.99).facts(), "RESIDENTIAL");
        ZoningOutcome whole = QAZVIN.assess(Parcels.lot(250).zone("R121").facts(), "RESIDENTIAL");
        assertThat(value(sliver, "max-footprint-m2")).isEqualTo(value(whole, "max-footprint-m2")).isEqualTo("150");
        assertThat(value(sliver, "zone-shares")).isEqualTo("R121=100");
    }

    @Test
    void landInNoZoneGivesNoRightsPerPortionButTheGoverningZoneCoversTheLot() {
        ZoningOutcome perPortion = QAZVIN.assess(Parcels.lot(250).partlyZoned("R121", 80).facts(), "RESIDENTIAL");
        assertThat(value(perPortion, "max-footprint-m2")).isEqualTo("120");
        assertThat(value(perPortion, "zone-shares")).isEqualTo("R121=80");
        CompiledRulebook governing = RulebookCompiler.compile(Rulebooks.edited(QAZVIN_CONTENT, RulebookContent.MANIFEST,
                "\"PER_PORTION_AREA_WEIGHTED\"", "\"GOVERNING_ZONE_LARGEST_SHARE\""));
        ZoningOutcome governed = governing.assess(Parcels.lot(250).partlyZoned("R121", 80).facts(), "RESIDENTIAL");
        assertThat(value(governed, "max-footprint-m2")).isEqualTo("150");
        assertThat(output(governed, "max-footprint-m2").explanation().formula()).startsWith("the lot's only zone R121 covers 80 %");
    }

    @Test
    void aRestrictingOverlayCapsTheFloorsAndSoTheFloorArea() {
        ZoningOutcome free = QAZVIN.assess(Parcels.lot(400).zone("R121").passage(20.0).facts(), "RESIDENTIAL");
        ZoningOutcome heritage = QAZVIN.assess(Parcels.lot(400).zone("R121").passage(20.0)
                .overlay("HB-1", "RESTRICT", 2, null, 35).facts(), "RESIDENTIAL");
        assertThat(value(free, "max-floors")).isEqualTo("4");
        assertThat(value(heritage, "max-floors")).isEqualTo("2");
        assertThat(new BigDecimal(value(heritage, "max-gross-floor-area-m2")))
                .isEqualByComparingTo(new BigDecimal(value(heritage, "max-footprint-m2")).multiply(BigDecimal.valueOf(2)));
        assertThat(value(heritage, "overlay-restrictions")).isEqualTo("HB-1:RESTRICT");
        assertThat(output(heritage, "max-floors").explanation().inputs()).containsEntry("restrictMaxFloors", "2");
    }

    @Test
    void aRelaxingOverlayAllowsMoreFloorsWithinTheDensityCapAndARestrictionStillWins() {
        ZoningOutcome incentive = QAZVIN.assess(Parcels.lot(400).zone("R121").passage(20.0)
                .overlay("HL-2", "RELAX", 8, null, 100).facts(), "RESIDENTIAL");
        assertThat(value(incentive, "max-floors")).isEqualTo("8");
        assertThat(new BigDecimal(value(incentive, "max-gross-floor-area-m2")))
                .isEqualByComparingTo(BigDecimal.valueOf(400).multiply(new BigDecimal(value(incentive, "density-percent")))
                        .divide(BigDecimal.valueOf(100)));
        ZoningOutcome both = QAZVIN.assess(Parcels.lot(400).zone("R121").passage(20.0)
                .overlay("HL-2", "RELAX", 8, null, 100).overlay("FL-1", "RESTRICT", 2, null, 10).facts(), "RESIDENTIAL");
        assertThat(value(both, "max-floors")).isEqualTo("2");
        assertThat(value(both, "overlay-restrictions")).isEqualTo("HL-2:RELAX,FL-1:RESTRICT");
    }

    @Test
    void aReplacingOverlayPutsItsZoneOnItsShareOfTheParcel() {
        ZoningOutcome river = QAZVIN.assess(Parcels.lot(400).zone("R121").passage(20.0)
                .overlay("RS-1", "REPLACE", null, "G111", 100).facts(), "RESIDENTIAL");
        assertThat(value(river, "zone-shares")).isEqualTo("G111=100");
        assertThat(value(river, "permitted-uses")).isEqualTo("GREEN_SPACE");
        assertThat(value(river, "max-gross-floor-area-m2")).isEqualTo("0");
        assertThat(value(river, "intended-use-permitted")).isEqualTo("false");

        ZoningOutcome bank = QAZVIN.assess(Parcels.lot(400).zone("R121").passage(20.0)
                .overlay("RS-1", "REPLACE", null, "G111", 30).facts(), "RESIDENTIAL");
        assertThat(bank.portions()).extracting(ZonePortionOutcome::zoneCode, ZonePortionOutcome::sharePercent,
                ZonePortionOutcome::source).containsExactly(org.assertj.core.groups.Tuple.tuple("R121", 70.0, "ZONE"),
                org.assertj.core.groups.Tuple.tuple("G111", 30.0, "RS-1"));
        assertThat(value(bank, "permitted-uses")).isEmpty();
        ZonePortionOutcome residential = bank.portions().get(0);
        assertThat(new BigDecimal(value(bank, "max-gross-floor-area-m2"))).isEqualByComparingTo(number(residential, "max-gross-floor-area-m2"));
    }
}
