package ir.parvaneh.command.rulebook.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The canonical text of a value, so that equal results give equal bytes: numbers as plain decimals without
 * exponent or trailing zeros (rounded by the output's rule, or else to six decimals half-even, which only
 * hides the binary noise of a formula's double), booleans as {@code true}/{@code false}, lists joined by
 * {@code ","} in the order the rule gives them.
 */
final class Canonical {

    private Canonical() {
    }

    static String text(Object value, Rounder rounder) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(v -> text(v, rounder)).collect(Collectors.joining(","));
        }
        if (value instanceof Boolean || value instanceof String) {
            return value.toString();
        }
        BigDecimal decimal = FactCatalogue.decimal(value);
        if (decimal == null) {
            return String.valueOf(value);
        }
        return number(decimal, rounder);
    }

    static String number(BigDecimal decimal, Rounder rounder) {
        BigDecimal rounded = rounder != null ? rounder.round(decimal) : decimal.setScale(6, RoundingMode.HALF_EVEN);
        String plain = rounded.stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    static String input(Object value) {
        return value == null ? "null" : text(value, null);
    }
}
