package ir.parvaneh.command.permit;

import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The largest house an assessment allows, for tests that need a compliant (or, with extra storeys, a failing) proposal. */
public final class LargestHouse {

    private LargestHouse() {
    }

    /**
     * As many storeys as allowed (plus {@code extraStoreys}), each the footprint allowed or what remains of the area,
     * one unit with its parking.
     */
    public static ProposedBuilding allowedOn(ZoningOutcome outcome, int extraStoreys) {
        int floors = Integer.parseInt(outcome.output("max-floors").orElseThrow().value());
        BigDecimal footprint = new BigDecimal(outcome.output("max-footprint-m2").orElseThrow().value());
        BigDecimal area = new BigDecimal(outcome.output("max-gross-floor-area-m2").orElseThrow().value());
        BigDecimal perFloor = footprint.min(area.divide(BigDecimal.valueOf(floors), 2, RoundingMode.DOWN));
        // Outputs a rulebook may leave undetermined (no unit cap on large lots) count as one unit, one space.
        BigDecimal required = decimalOr(outcome, "required-parking", BigDecimal.ONE);
        BigDecimal units = decimalOr(outcome, "max-units", BigDecimal.ONE);
        int parking = units.signum() == 0 ? required.intValue() : required.divide(units, 0, RoundingMode.CEILING).intValue();
        List<ProposedFloor> storeys = new ArrayList<>();
        for (int level = 0; level < floors + extraStoreys; level++) {
            storeys.add(new ProposedFloor(level, "STOREY", "RESIDENTIAL", perFloor.doubleValue()));
        }
        return new ProposedBuilding("RESIDENTIAL", storeys, perFloor.doubleValue(), 1, parking,
                3.5 * (floors + extraStoreys), null);
    }

    public static boolean allowsStoreys(ZoningOutcome outcome) {
        return java.util.stream.Stream.of("max-floors", "max-footprint-m2", "max-gross-floor-area-m2")
                .map(name -> outcome.output(name).filter(o -> o.determined() && o.value() != null).map(o -> o.value()))
                .allMatch(value -> value.isPresent() && new BigDecimal(value.get()).signum() > 0);
    }

    private static BigDecimal decimalOr(ZoningOutcome outcome, String name, BigDecimal otherwise) {
        String value = outcome.output(name).map(o -> o.determined() ? o.value() : null).orElse(null);
        return value == null || value.isBlank() ? otherwise : new BigDecimal(value);
    }
}
