package ir.parvaneh.command.rulebook.engine;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The facts the engine hands a rulebook's decisions, by the name a DMN input expression or formula uses, with
 * their unit, type and the domain their values can take. A rulebook names these, its own parameters, and the
 * outputs of its other decisions; nothing else (the compiler refuses an unknown name).
 */
final class FactCatalogue {

    enum Type { NUMBER, INTEGER, STRING, BOOLEAN }

    /**
     * @param optional whether {@code null} is an ordinary value of the fact (no overlay restricts floors) rather
     *                 than a missing fact
     */
    record Fact(String name, String unit, Type type, Domain domain, boolean optional, String description) {
    }

    static final String ZONE = "zone";
    static final String INTENDED_USE = "intendedUse";
    static final String LOT_AREA = "lotAreaM2";
    static final String PORTION_AREA = "portionAreaM2";
    static final String PORTION_SHARE = "portionSharePercent";
    static final String PASSAGE_WIDTH = "passageWidthM";
    static final String FRONTAGE = "frontageM";
    static final String DEPTH = "depthM";
    static final String PRICE = "priceRialsPerM2";
    static final String RESTRICT_MAX_FLOORS = "restrictMaxFloors";
    static final String RELAX_MAX_FLOORS = "relaxMaxFloors";
    static final String RESTRICT_MAX_HEIGHT = "restrictMaxHeightM";
    static final String RELAX_MAX_HEIGHT = "relaxMaxHeightM";
    static final String OVERLAY_SETBACK = "overlaySetbackM";
    static final String GROSS_FLOOR_AREA = "grossFloorAreaM2";
    static final String RESIDENTIAL_FLOOR_AREA = "residentialFloorAreaM2";
    static final String PARKING_SPACES = "parkingSpaces";
    static final String UNITS = "units";
    static final String HEIGHT = "heightM";
    static final String FLOOR_LEVEL = "floorLevel";
    static final String FLOOR_KIND = "floorKind";
    static final String FLOOR_USE = "floorUse";
    static final String FLOOR_AREA = "floorAreaM2";

    private static final Map<String, Fact> FACTS = new LinkedHashMap<>();

    static {
        Domain positive = Domain.parse("(0..∞)");
        Domain nonNegative = Domain.parse("[0..∞)");
        add(ZONE, Units.CODE, Type.STRING, null, false, "the zone code of the portion evaluated");
        add(INTENDED_USE, Units.CODE, Type.STRING, null, false, "the use asked about: RESIDENTIAL, COMMERCIAL, OFFICE…");
        add(LOT_AREA, Units.M2, Type.NUMBER, positive, false, "the whole parcel's area");
        add(PORTION_AREA, Units.M2, Type.NUMBER, positive, false, "the area of the zone portion evaluated");
        add(PORTION_SHARE, Units.PERCENT, Type.NUMBER, Domain.parse("(0..100]"), false, "the portion's share of the parcel");
        add(PASSAGE_WIDTH, Units.M, Type.NUMBER, positive, false, "legal width of the widest adjacent passage");
        add(FRONTAGE, Units.M, Type.NUMBER, positive, false, "length of the frontage on the main passage");
        add(DEPTH, Units.M, Type.NUMBER, positive, false, "extent of the parcel perpendicular to its main frontage");
        add(PRICE, Units.RIALS_PER_M2, Type.NUMBER, positive, false, "the regional price P");
        add(RESTRICT_MAX_FLOORS, Units.FLOORS, Type.INTEGER, nonNegative, true, "least max floors of RESTRICT overlays, null if none");
        add(RELAX_MAX_FLOORS, Units.FLOORS, Type.INTEGER, nonNegative, true, "greatest max floors of RELAX overlays, null if none");
        add(RESTRICT_MAX_HEIGHT, Units.M, Type.NUMBER, nonNegative, true, "least max height of RESTRICT overlays, null if none");
        add(RELAX_MAX_HEIGHT, Units.M, Type.NUMBER, nonNegative, true, "greatest max height of RELAX overlays, null if none");
        add(OVERLAY_SETBACK, Units.M, Type.NUMBER, nonNegative, true, "greatest setback of RESTRICT overlays, null if none");
        add(GROSS_FLOOR_AREA, Units.M2, Type.NUMBER, nonNegative, false, "gross floor area of the proposal");
        add(RESIDENTIAL_FLOOR_AREA, Units.M2, Type.NUMBER, nonNegative, false, "gross area of the proposal's residential floors");
        add(PARKING_SPACES, Units.SPACES, Type.INTEGER, nonNegative, false, "parking spaces provided");
        add(UNITS, Units.UNITS, Type.INTEGER, nonNegative, false, "units of the proposal");
        add(HEIGHT, Units.M, Type.NUMBER, positive, false, "height of the commercial storey");
        add(FLOOR_LEVEL, Units.LEVEL, Type.INTEGER, Domain.parse("[-10..200]"), false, "storey number: 0 ground, -1 basement");
        add(FLOOR_KIND, Units.CODE, Type.STRING, null, false, "STOREY, MEZZANINE or STORAGE");
        add(FLOOR_USE, Units.CODE, Type.STRING, null, false, "the floor's use");
        add(FLOOR_AREA, Units.M2, Type.NUMBER, nonNegative, false, "the floor's gross area");
    }

    private FactCatalogue() {
    }

    private static void add(String name, String unit, Type type, Domain domain, boolean optional, String description) {
        FACTS.put(name, new Fact(name, unit, type, domain, optional, description));
    }

    static Optional<Fact> fact(String name) {
        return Optional.ofNullable(FACTS.get(name));
    }

    static Map<String, Fact> all() {
        return Map.copyOf(FACTS);
    }

    static boolean numeric(Type type) {
        return type == Type.NUMBER || type == Type.INTEGER;
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return new BigDecimal(Double.toString(d));
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return null;
    }
}
