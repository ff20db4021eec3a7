package ir.parvaneh.command.rulebook.engine;

import ir.parvaneh.command.rulebook.demo.DemoRulebooks;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.junit.jupiter.api.Test;

import static ir.parvaneh.command.rulebook.engine.Rulebooks.output;
import static ir.parvaneh.command.rulebook.engine.Rulebooks.value;
import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of the reference (tafit.ir, "تراکم مجاز"), through the province's rulebook. */
class WorkedExamplesTest {

    private static final CompiledRulebook QAZVIN = RulebookCompiler.compile(DemoRulebooks.forCity("qazvin"));

    @Test
    void aHundredSquareMetreLotAtSixtyPercentCoverageAndHundredEightyPercentDensityBuildsThreeFloorsOfSixty() {
        // R122 on a small lot and a passage of 12 m: density 180 %, coverage 60 %, 3 floors
        ZoningOutcome outcome = QAZVIN.assess(Parcels.lot(100).zone("R122").passage(12.0).facts(), "RESIDENTIAL");
        assertThat(value(outcome, "density-percent")).isEqualTo("180");
        assertThat(value(outcome, "coverage-percent")).isEqualTo("60");
        assertThat(value(outcome, "max-gross-floor-area-m2")).isEqualTo("180");
        assertThat(value(outcome, "max-footprint-m2")).isEqualTo("60");
        assertThat(value(outcome, "max-floors")).isEqualTo("3");
        assertThat(output(outcome, "fee-building-area-rials").explanation().formula())
                .contains("storeys=3").contains("footprintM2=60").contains("grossFloorAreaM2=180");
    }

    @Test
    void aLotOfHundredEightyFourSquareMetresAtSixtyPercentHasAFootprintOfHundredTen() {
        ZoningOutcome outcome = QAZVIN.assess(Parcels.lot(184).zone("R121").facts(), "RESIDENTIAL");
        assertThat(value(outcome, "coverage-percent")).isEqualTo("60");
        assertThat(value(outcome, "max-footprint-m2")).isEqualTo("110");
        assertThat(output(outcome, "max-footprint-m2").explanation().inputs()).containsEntry("portionAreaM2", "184");
    }
}
