package ir.parvaneh.command.rulebook.engine;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a numeric fact can take, as a manifest declares it: {@code (0..∞)}, {@code [100..1000000]},
 * {@code [0..inf)}. Gap checks look for uncovered values only inside it; at evaluation a value outside it is
 * refused as out of the rulebook's scope (CANNOT_DETERMINE), never forced into a row.
 */
record Domain(Interval interval) {

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([\\[(\\]])\\s*(-?(?:∞|inf|[0-9]+(?:\\.[0-9]+)?))\\s*\\.\\.\\s*(-?(?:∞|inf|[0-9]+(?:\\.[0-9]+)?))\\s*([\\])\\[])\\s*");

    static Domain parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("A domain is written like (0..∞) or [100..1000000]; '" + text + "' is not");
        }
        BigDecimal low = bound(m.group(2));
        BigDecimal high = bound(m.group(3));
        Interval interval = new Interval(low, low != null && m.group(1).equals("["), high,
                high != null && m.group(4).equals("]"));
        if (interval.isEmpty()) {
            throw new IllegalArgumentException("The domain " + text + " holds no value");
        }
        return new Domain(interval);
    }

    private static BigDecimal bound(String text) {
        String t = text.replace("-", "");
        return t.equals("∞") || t.equals("inf") ? null : new BigDecimal(text);
    }

    boolean contains(BigDecimal value) {
        return interval.contains(value);
    }

    @Override
    public String toString() {
        return interval.toString();
    }
}
