package ir.parvaneh.command.rulebook.engine;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units a rulebook may name, in one spelling each. Planners write units in a DMN column's label, in
 * parentheses at its end ({@code lot area (m2)}, {@code مساحت زمین (متر مربع)}); common spellings are folded
 * to the canonical one so that {@code m²}, {@code m2} and {@code متر مربع} agree.
 */
final class Units {

    static final String M2 = "m2";
    static final String M = "m";
    static final String PERCENT = "percent";
    static final String RIALS = "rials";
    static final String RIALS_PER_M2 = "rials-per-m2";
    static final String FLOORS = "floors";
    static final String UNITS = "units";
    static final String SPACES = "spaces";
    static final String M2_PER_UNIT = "m2-per-unit";
    static final String SPACES_PER_UNIT = "spaces-per-unit";
    static final String CODE = "code";
    static final String CODES = "codes";
    static final String TEXT = "text";
    static final String BOOLEAN = "boolean";
    static final String LEVEL = "level";

    private static final Pattern LABEL_UNIT = Pattern.compile("\\(([^()]+)\\)\\s*$");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("m²", M2), Map.entry("sqm", M2), Map.entry("متر مربع", M2), Map.entry("مترمربع", M2),
            Map.entry("metre", M), Map.entry("meter", M), Map.entry("metres", M), Map.entry("meters", M),
            Map.entry("متر", M),
            Map.entry("%", PERCENT), Map.entry("درصد", PERCENT),
            Map.entry("rial", RIALS), Map.entry("irr", RIALS), Map.entry("ریال", RIALS),
            Map.entry("rials/m2", RIALS_PER_M2), Map.entry("rials per m2", RIALS_PER_M2), Map.entry("ریال بر متر مربع", RIALS_PER_M2),
            Map.entry("floor", FLOORS), Map.entry("storeys", FLOORS), Map.entry("طبقه", FLOORS),
            Map.entry("unit", UNITS), Map.entry("واحد", UNITS),
            Map.entry("space", SPACES), Map.entry("parking spaces", SPACES), Map.entry("پارکینگ", SPACES),
            Map.entry("m2/unit", M2_PER_UNIT), Map.entry("m2 per unit", M2_PER_UNIT),
            Map.entry("spaces/unit", SPACES_PER_UNIT), Map.entry("spaces per unit", SPACES_PER_UNIT));

    private Units() {
    }

    /** The canonical spelling of a unit, or the unit lower-cased and trimmed when it has no alias. */
    static String canonical(String unit) {
        if (unit == null) {
            return null;
        }
        String key = unit.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return ALIASES.getOrDefault(key, key);
    }

    /** The unit written in parentheses at the end of a label, canonical, or {@code null} when there is none. */
    static String inLabel(String label) {
        if (label == null) {
            return null;
        }
        Matcher matcher = LABEL_UNIT.matcher(label.trim());
        return matcher.find() ? canonical(matcher.group(1)) : null;
    }

    /** The unit an output's name implies by its suffix ({@code -m2}, {@code -percent}, {@code -rials}, {@code -m}), if any. */
    static String impliedByName(String outputName) {
        if (outputName.endsWith("-rials")) {
            return RIALS;
        }
        if (outputName.endsWith("-percent")) {
            return PERCENT;
        }
        if (outputName.endsWith("-per-unit-m2")) {
            return M2_PER_UNIT;
        }
        if (outputName.endsWith("-m2")) {
            return M2;
        }
        if (outputName.endsWith("-m")) {
            return M;
        }
        return null;
    }
}
