package ir.parvaneh.command.rulebook.engine;

import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static ir.parvaneh.command.rulebook.engine.Rulebooks.output;
import static ir.parvaneh.command.rulebook.engine.Rulebooks.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bandar Lengeh's detailed-plan table 1-222 (low-density residential), written as a rulebook in the format
 * (test resources, rulebooks/bandar-lengeh) and evaluated with no code of its own: every bracket boundary
 * on both sides, the fall-back to a lower row for a narrow passage, and the row without a fixed unit cap.
 */
class BandarLengehTable1222Test {

    private static final CompiledRulebook LENGEH = Rulebooks.compiled("bandar-lengeh");

    /** The rows of table 1-222 as the reference gives them: density, coverage, floors, units, open space per unit. */
    private static final String[][] TABLE = {
            {"100", "60", "2", "2", "35"},
            {"120", "60", "3", "4", "30"},
            {"150", "50", "4", null, "30"}};

    private static ZoningOutcome assess(double lotArea, double passageWidth) {
        return LENGEH.assess(Parcels.lot(lotArea).zone("R-LOW").passage(passageWidth).facts(), "RESIDENTIAL");
    }

    @ParameterizedTest(name = "{0} m² on a {1} m passage reads row {2}")
    @CsvSource({
            "100, 20, 1", "150, 20, 1", "200, 20, 1", "200.01, 20, 2", "201, 20, 2", "250, 20, 2", "300, 20, 2",
            "300.01, 20, 3", "301, 20, 3", "1000, 20, 3",
            // a passage narrower than the row's minimum falls back to a lower row
            "150, 8, 1", "250, 9.99, 1", "250, 10, 2", "400, 9.99, 1", "400, 10, 2", "400, 17.99, 2", "400, 18, 3"})
    void eachLotAreaAndPassageWidthReadsItsRowOfTheTable(double lotArea, double passageWidth, int row) {
        ZoningOutcome outcome = assess(lotArea, passageWidth);
        String[] expected = TABLE[row - 1];
        assertThat(value(outcome, "density-percent")).isEqualTo(expected[0]);
        assertThat(value(outcome, "coverage-percent")).isEqualTo(expected[1]);
        assertThat(value(outcome, "max-floors")).isEqualTo(expected[2]);
        assertThat(value(outcome, "min-open-space-per-unit-m2")).isEqualTo(expected[4]);
        if (expected[3] != null) {
            assertThat(value(outcome, "max-units")).isEqualTo(expected[3]);
        }
        assertThat(output(outcome, "density-percent").explanation().legalSource().titleFa()).contains("۱-۲۲۲");
    }

    @Test
    void overThreeHundredSquareMetresTheUnitsFollowFromCoverageAndOpenSpacePerUnit() {
        // 400 m² at 50 % coverage leaves 200 m² open; at 30 m² a unit that is 6 units (6.67 rounded down)
        assertThat(value(assess(400, 20), "max-units")).isEqualTo("6");
        assertThat(value(assess(1000, 20), "max-units")).isEqualTo("16");
    }

    @Test
    void theExplanationNamesTheMatchedRowAndItsInputs() {
        AssessedOutput density = output(assess(250, 9), "density-percent");
        assertThat(density.explanation().decisionId()).isEqualTo("table1_222");
        assertThat(density.explanation().hitPolicy()).isEqualTo("UNIQUE");
        assertThat(density.explanation().matchedRows()).containsExactly(2);
        assertThat(density.explanation().inputs()).containsEntry("lotAreaM2", "250").containsEntry("passageWidthM", "9");
    }

    @Test
    void envelopeFollowsFromTheRow() {
        ZoningOutcome outcome = assess(184, 12);
        assertThat(value(outcome, "max-footprint-m2")).isEqualTo("110");
        // 184 m² at 100 %: 184 m², within two floors of 110.4
        assertThat(value(outcome, "max-gross-floor-area-m2")).isEqualTo("184");
    }

    @Test
    void lotsOutsideTheTableAreNotForcedIntoARow() {
        AssessedOutput small = output(assess(99.99, 20), "density-percent");
        assertThat(small.status()).isEqualTo(AssessedOutput.CANNOT_DETERMINE);
        assertThat(small.reason()).contains("lotAreaM2 = 99.99").contains("outside the domain [100..1000000]");
        AssessedOutput narrow = output(assess(150, 7.99), "density-percent");
        assertThat(narrow.status()).isEqualTo(AssessedOutput.CANNOT_DETERMINE);
        assertThat(narrow.reason()).contains("passageWidthM = 7.99");
        assertThat(value(assess(150, 7.99), "permitted-uses")).isEqualTo("RESIDENTIAL");
    }

    @Test
    void newSubdivisionsNeedTwoHundredFortySquareMetres() {
        assertThat(value(assess(239.99, 20), "min-lot-size-met")).isEqualTo("false");
        assertThat(value(assess(240, 20), "min-lot-size-met")).isEqualTo("true");
    }
}
