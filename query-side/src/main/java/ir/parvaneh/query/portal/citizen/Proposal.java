package ir.parvaneh.query.portal.citizen;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The building a citizen proposes on the application form: storeys of equal area, the footprint, units, parking
 * and height. The form starts from the largest house the assessment allows (each storey the allowed footprint or
 * its share of the allowed floor area), so a citizen sees the limits as numbers they can lower; the command side
 * checks whatever they send.
 */
record Proposal(int storeys, BigDecimal storeyAreaM2, BigDecimal footprintM2, int units, int parkingSpaces,
                BigDecimal heightM) {

    static final BigDecimal STOREY_HEIGHT_M = new BigDecimal("3.5");

    /** The largest residential proposal the assessment's outputs allow, or an empty form when they allow none. */
    static Proposal largestAllowedBy(JsonNode outputs) {
        BigDecimal floors = value(outputs, "max-floors", BigDecimal.ZERO);
        BigDecimal footprint = value(outputs, "max-footprint-m2", BigDecimal.ZERO);
        BigDecimal area = value(outputs, "max-gross-floor-area-m2", BigDecimal.ZERO);
        if (floors.signum() <= 0 || footprint.signum() <= 0 || area.signum() <= 0) {
            return new Proposal(1, BigDecimal.ZERO, BigDecimal.ZERO, 1, 1, STOREY_HEIGHT_M);
        }
        int storeys = floors.intValue();
        BigDecimal perStorey = footprint.min(area.divide(BigDecimal.valueOf(storeys), 2, RoundingMode.DOWN));
        // An output the rulebook leaves undetermined (no unit cap on a large lot) counts as one unit, one space.
        BigDecimal units = value(outputs, "max-units", BigDecimal.ONE);
        BigDecimal parking = value(outputs, "required-parking", BigDecimal.ONE);
        int parkingPerUnit = units.signum() == 0 ? parking.intValue()
                : parking.divide(units, 0, RoundingMode.CEILING).intValue();
        return new Proposal(storeys, perStorey, perStorey, 1, parkingPerUnit,
                STOREY_HEIGHT_M.multiply(BigDecimal.valueOf(storeys)));
    }

    /** The command API's {@code ProposedBuilding}. */
    Map<String, Object> building(String use) {
        List<Map<String, Object>> floors = new ArrayList<>();
        for (int level = 0; level < storeys; level++) {
            floors.add(Map.of("level", level, "kind", "STOREY", "use", use, "grossAreaM2", storeyAreaM2.doubleValue()));
        }
        Map<String, Object> building = new LinkedHashMap<>();
        building.put("use", use);
        building.put("floors", floors);
        building.put("footprintM2", footprintM2.doubleValue());
        building.put("units", units);
        building.put("parkingSpaces", parkingSpaces);
        building.put("heightM", heightM.doubleValue());
        return building;
    }

    private static BigDecimal value(JsonNode outputs, String name, BigDecimal otherwise) {
        for (JsonNode output : outputs) {
            if (name.equals(output.path("name").asText())) {
                String value = output.path("value").asText(null);
                if (!"DETERMINED".equals(output.path("status").asText()) || value == null || value.isBlank()) {
                    return otherwise;
                }
                try {
                    return new BigDecimal(value);
                } catch (NumberFormatException notANumber) {
                    return otherwise;
                }
            }
        }
        return otherwise;
    }
}
