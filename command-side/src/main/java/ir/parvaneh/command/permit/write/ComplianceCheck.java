package ir.parvaneh.command.permit.write;

import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceStatus;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The automatic compliance check: a proposed building against the outputs of its zoning assessment, rule by rule.
 * Pure and deterministic: the same proposal and outcome give equal reports. The limits are the rulebook's outputs;
 * this class only knows which output limits which figure of a proposal, and how. An output the assessment could not
 * determine makes its rule {@code CANNOT_CHECK} with the output's own reason: such a rule does not pass
 * automatically, but it is no failure the applicant could correct either, so a person judges it.
 */
public final class ComplianceCheck {

    public static final String USE_PERMITTED = "use-permitted";
    public static final String FLOORS = "floors-within-max";
    public static final String GROSS_FLOOR_AREA = "gross-floor-area-within-max";
    public static final String FOOTPRINT = "footprint-within-max";
    public static final String UNITS = "units-within-max";
    public static final String PARKING = "parking-meets-required";
    public static final String LOT_SIZE = "lot-size-meets-minimum";

    /** Every rule's name, in the order a report lists them. */
    public static final List<String> RULES = List.of(USE_PERMITTED, FLOORS, GROSS_FLOOR_AREA, FOOTPRINT, UNITS, PARKING,
            LOT_SIZE);

    private ComplianceCheck() {
    }

    /**
     * The check's result and every rule's.
     *
     * @param result {@code PASSED}, {@code FAILED} (some rule failed) or {@code NEEDS_REVIEW} (none failed, some
     *               cannot be checked)
     */
    public record Report(String result, List<ComplianceResult> rules) {

        public Report {
            rules = List.copyOf(rules);
        }

        public List<ComplianceResult> violated() {
            return rules.stream().filter(r -> ComplianceStatus.FAILED.equals(r.status())).toList();
        }

        public List<ComplianceResult> notPassed() {
            return rules.stream().filter(r -> !r.passed()).toList();
        }
    }

    public static Report of(ProposedBuilding building, ZoningOutcome assessment) {
        List<ComplianceResult> rules = new ArrayList<>();
        rules.add(flag(USE_PERMITTED, "intended-use-permitted", building.use(), assessment));
        rules.add(atMost(FLOORS, "max-floors", BigDecimal.valueOf(building.storeysAboveGround()), assessment));
        rules.add(atMost(GROSS_FLOOR_AREA, "max-gross-floor-area-m2", building.countedGrossFloorAreaM2(), assessment));
        rules.add(atMost(FOOTPRINT, "max-footprint-m2", BigDecimal.valueOf(building.footprintM2()), assessment));
        rules.add(atMost(UNITS, "max-units", BigDecimal.valueOf(building.units()), assessment));
        rules.add(parking(building, assessment));
        rules.add(flag(LOT_SIZE, "min-lot-size-met", null, assessment));
        String result = rules.stream().anyMatch(r -> ComplianceStatus.FAILED.equals(r.status())) ? ComplianceStatus.FAILED
                : rules.stream().allMatch(ComplianceResult::passed) ? ComplianceStatus.PASSED : ComplianceStatus.NEEDS_REVIEW;
        return new Report(result, rules);
    }

    /** A proposal's figure must not exceed the output; equal to the maximum passes. */
    private static ComplianceResult atMost(String rule, String outputName, BigDecimal proposed, ZoningOutcome assessment) {
        Optional<AssessedOutput> output = assessment.output(outputName);
        String shown = text(proposed);
        if (output.isEmpty() || !output.get().determined()) {
            return cannotCheck(rule, outputName, shown, output);
        }
        BigDecimal permitted = new BigDecimal(output.get().value());
        return result(rule, outputName, proposed.compareTo(permitted) <= 0, output.get().value(), shown);
    }

    /** A boolean output must be {@code true}; the proposal's figure is shown when it has one (the use). */
    private static ComplianceResult flag(String rule, String outputName, String proposed, ZoningOutcome assessment) {
        Optional<AssessedOutput> output = assessment.output(outputName);
        String shown = proposed == null ? null : proposed;
        if (output.isEmpty() || !output.get().determined()) {
            return cannotCheck(rule, outputName, shown, output);
        }
        return result(rule, outputName, "true".equals(output.get().value()), "true",
                proposed == null ? output.get().value() : proposed);
    }

    /**
     * Parking: the assessment's {@code required-parking} is for its {@code max-units}; the proposal needs the same
     * spaces per unit for its own units, rounded up ({@code ceil(units × required ÷ max-units)}). A rulebook whose
     * spaces per unit depend on unit size may ask more of fewer, larger units; the reviewer sees the figures.
     */
    private static ComplianceResult parking(ProposedBuilding building, ZoningOutcome assessment) {
        Optional<AssessedOutput> required = assessment.output("required-parking");
        Optional<AssessedOutput> maxUnits = assessment.output("max-units");
        String shown = Integer.toString(building.parkingSpaces());
        if (required.isEmpty() || !required.get().determined()) {
            return cannotCheck(PARKING, "required-parking", shown, required);
        }
        if (maxUnits.isEmpty() || !maxUnits.get().determined()) {
            return cannotCheck(PARKING, "required-parking", shown, maxUnits);
        }
        BigDecimal forMax = new BigDecimal(required.get().value());
        BigDecimal units = new BigDecimal(maxUnits.get().value());
        BigDecimal needed = units.signum() == 0 ? forMax
                : forMax.multiply(BigDecimal.valueOf(building.units())).divide(units, 0, RoundingMode.CEILING);
        return result(PARKING, "required-parking", BigDecimal.valueOf(building.parkingSpaces()).compareTo(needed) >= 0,
                text(needed), shown);
    }

    private static ComplianceResult result(String rule, String outputName, boolean passes, String permitted, String proposed) {
        return new ComplianceResult(rule, outputName, passes ? ComplianceStatus.PASSED : ComplianceStatus.FAILED, permitted,
                proposed, null);
    }

    private static ComplianceResult cannotCheck(String rule, String outputName, String proposed,
                                                Optional<AssessedOutput> output) {
        String reason = output.map(o -> o.name() + ": " + o.reason())
                .orElse(outputName + ": the assessment's rulebook gives no such output");
        return new ComplianceResult(rule, outputName, ComplianceStatus.CANNOT_CHECK, null, proposed, reason);
    }

    static String text(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
