package ir.parvaneh.command.rulebook.engine;

import ir.parvaneh.command.rulebook.demo.DemoRulebooks;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.FeeBasis;
import ir.parvaneh.kernel.rulebook.FeeBasis.Floor;
import ir.parvaneh.kernel.rulebook.FeeLine;
import ir.parvaneh.kernel.rulebook.FeeOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The province's fee and parking tables, modelled on Tehran region 5's tariff of 1393 (building-area fee by
 * gross-area bracket, 20 m² off per parking space; the commercial fee 5·P·M·[1 + (L−L0)/10 + (H−H0)/10 + N/10]·S)
 * and Yazd's parking rule, at every bracket boundary on both sides. Expected amounts are worked out here from
 * the reference's coefficients, in BigDecimal, and rounded down to 1000 Rials as the manifest states.
 */
class ProvinceFeesAndParkingTest {

    private static final CompiledRulebook QAZVIN = RulebookCompiler.compile(DemoRulebooks.forCity("qazvin"));
    private static final long P = 10_000_000L;

    private static FeeBasis residential(double area, int parking, Long price) {
        return new FeeBasis("RESIDENTIAL", area, List.of(new Floor(0, "STOREY", "RESIDENTIAL", area)), parking, 1, 10.0, 4.0, price);
    }

    private static long expected(String base, String coefficientPercent, long price, String tariffPercent) {
        return new BigDecimal(base).multiply(BigDecimal.valueOf(price)).multiply(new BigDecimal(coefficientPercent))
                .multiply(new BigDecimal(tariffPercent)).divide(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(1000), 0, RoundingMode.DOWN).multiply(BigDecimal.valueOf(1000)).longValueExact();
    }

    private static FeeLine line(FeeOutcome outcome, String type) {
        return outcome.lines().stream().filter(l -> l.type().equals(type)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} m² pays {1} % of P")
    @CsvSource({"60, 5", "60.01, 10", "100, 10", "100.01, 18", "150, 18", "150.01, 30", "200, 30", "200.01, 45",
            "300, 45", "300.01, 65", "400, 65", "400.01, 90", "500, 90", "500.01, 120", "600, 120", "600.01, 120", "1500, 120"})
    void buildingAreaFeeAtEveryBracketBoundary(String area, String coefficient) {
        FeeOutcome outcome = QAZVIN.fees(residential(Double.parseDouble(area), 0, P));
        FeeLine fee = line(outcome, "fee-building-area-rials");
        assertThat(fee.status()).isEqualTo(AssessedOutput.DETERMINED);
        assertThat(fee.amountRials()).isEqualTo(expected(area, coefficient, P, "100"));
        assertThat(fee.explanation().inputs()).containsEntry("buildingAreaCoefficientPercent", coefficient);
        assertThat(outcome.totalRials()).isEqualTo(fee.amountRials());
        assertThat(outcome.complete()).isTrue();
    }

    @Test
    void eachParkingSpaceTakesTwentySquareMetresOffTheFeeButNotOffTheBracket() {
        // 150 m² is in the 18 % bracket; two spaces leave 110 m² to pay on
        FeeLine fee = line(QAZVIN.fees(residential(150, 2, P)), "fee-building-area-rials");
        assertThat(fee.amountRials()).isEqualTo(expected("110", "18", P, "100"));
    }

    @Test
    void moneyIsRoundedDownToAThousandRials() {
        FeeLine fee = line(QAZVIN.fees(residential(61.37, 0, 10_000_003L)), "fee-building-area-rials");
        assertThat(fee.amountRials()).isEqualTo(expected("61.37", "10", 10_000_003L, "100")).isEqualTo(61_370_000L);
    }

    @Test
    void aSmallerTownAppliesItsShareOfTheProvincialTariff() {
        CompiledRulebook abgarm = RulebookCompiler.compile(DemoRulebooks.forCity("abgarm"));
        FeeLine fee = line(abgarm.fees(residential(250, 0, P)), "fee-building-area-rials");
        assertThat(fee.amountRials()).isEqualTo(expected("250", "45", P, "70"));
    }

    @ParameterizedTest(name = "{1} {0} at level {2}: M = {3} %")
    @CsvSource({"STOREY, COMMERCIAL, 0, 100", "STOREY, OFFICE, 0, 60", "STOREY, INDUSTRIAL, 0, 100",
            "STOREY, COMMERCIAL, -1, 60", "STOREY, OFFICE, -2, 50", "STOREY, COMMERCIAL, 1, 50", "STOREY, OFFICE, 1, 40",
            "STOREY, INDUSTRIAL, 1, 35", "STOREY, COMMERCIAL, 2, 45", "STOREY, OFFICE, 2, 30", "STOREY, COMMERCIAL, 3, 35",
            "STOREY, OFFICE, 7, 20", "STORAGE, COMMERCIAL, 0, 20", "STORAGE, INDUSTRIAL, -1, 35",
            "MEZZANINE, COMMERCIAL, 0, 10", "MEZZANINE, OFFICE, 1, 10"})
    void commercialFeeByFloorAndUse(String kind, String use, int level, String m) {
        // L = 5 m, H = 4.5 m, N = 2: 5·P·M·[1 + 0.2 + 0.05 + 0.2] per m², over 50 m²
        FeeBasis basis = new FeeBasis(use, 50, List.of(new Floor(level, kind, use, 50)), 0, 2, 5.0, 4.5, 20_000_000L);
        FeeLine fee = line(QAZVIN.fees(basis), "fee-commercial-rials");
        long expected = new BigDecimal("5").multiply(BigDecimal.valueOf(20_000_000L)).multiply(new BigDecimal(m))
                .divide(BigDecimal.valueOf(100)).multiply(new BigDecimal("1.45")).multiply(BigDecimal.valueOf(50))
                .setScale(0, RoundingMode.DOWN).longValueExact() / 1000 * 1000;
        assertThat(fee.status()).as(fee.reason()).isEqualTo(AssessedOutput.DETERMINED);
        assertThat(fee.amountRials()).isEqualTo(expected);
        assertThat(fee.floorLevel()).isEqualTo(level);
        assertThat(fee.explanation().inputs()).containsEntry("mPercent", m).containsEntry("frontageM", "5");
    }

    @Test
    void aFeeTheTariffDoesNotStateIsNotDetermined() {
        FeeBasis basis = new FeeBasis("INDUSTRIAL", 40, List.of(new Floor(0, "MEZZANINE", "INDUSTRIAL", 40)), 0, 1, 5.0, 4.0, P);
        FeeOutcome outcome = QAZVIN.fees(basis);
        FeeLine fee = line(outcome, "fee-commercial-rials");
        assertThat(fee.status()).isEqualTo(AssessedOutput.CANNOT_DETERMINE);
        assertThat(fee.reason()).contains("gives no value");
        assertThat(outcome.complete()).isFalse();
    }

    @Test
    void withoutThePriceNoFeeIsGuessed() {
        FeeOutcome outcome = QAZVIN.fees(residential(120, 1, null));
        FeeLine fee = line(outcome, "fee-building-area-rials");
        assertThat(fee.status()).isEqualTo(AssessedOutput.CANNOT_DETERMINE);
        assertThat(fee.reason()).contains("priceRialsPerM2");
        assertThat(fee.amountRials()).isZero();
        assertThat(outcome.complete()).isFalse();
    }

    @ParameterizedTest(name = "units of {0} m² need {1} space(s) each")
    @CsvSource({"0, 1", "149.99, 1", "150, 2", "300, 2", "300.01, 3", "800, 3"})
    void yazdParkingAtItsBoundaries(double unitSize, String spaces) {
        var result = QAZVIN.evaluate("parkingPerUnit", Map.of("unitSizeM2", unitSize));
        assertThat(result.status()).isEqualTo(AssessedOutput.DETERMINED);
        assertThat(result.outputs()).containsEntry("spacesPerUnit", spaces);
        assertThat(result.explanation().matchedRows()).hasSize(1);
    }

    @Test
    void aPlannerEvaluatesAFormulaTogetherWithTheTablesItReads() {
        var result = QAZVIN.evaluate("requiredParking", Map.of("maxUnits", 4, "maxGrossFloorAreaM2", "720"));
        // 720 m² in 4 units: 180 m² a unit, 2 spaces each
        assertThat(result.outputs()).containsEntry("requiredParking", "8");
    }
}
