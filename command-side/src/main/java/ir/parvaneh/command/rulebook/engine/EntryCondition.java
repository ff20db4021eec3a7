package ir.parvaneh.command.rulebook.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one input entry of a decision table row accepts, as far as the publishing checks can read it: FEEL
 * simple unary tests written the way the rulebook format asks ({@code -}, {@code "R121","R122"},
 * {@code [100..200]}, {@code (200..300]}, {@code >= 8}, {@code < 10}, {@code 18}, {@code true},
 * {@code not(...)} of those). Anything else is {@link Opaque}: the checks treat it conservatively (it may
 * overlap any row; it may cover nothing) and say so. Evaluation never uses this reading: Operaton's FEEL
 * engine evaluates the entries.
 */
sealed interface EntryCondition {

    /** {@code -} or an empty entry: any value, including none. */
    record Any() implements EntryCondition {
    }

    /** A union of numeric intervals. */
    record Numbers(List<Interval> intervals) implements EntryCondition {
    }

    /** A set of strings, or (negated) every string but those. */
    record Strings(Set<String> values, boolean negated) implements EntryCondition {
    }

    record Booleans(Set<Boolean> values) implements EntryCondition {
    }

    /** {@code null}: only a missing value. */
    record Null() implements EntryCondition {
    }

    /** An entry the checks cannot read. */
    record Opaque(String text) implements EntryCondition {
    }

    String NUMBER = "-?[0-9]+(?:\\.[0-9]+)?";
    Pattern COMPARISON = Pattern.compile("(<=|>=|<|>|=)\\s*(" + NUMBER + ")");
    Pattern RANGE = Pattern.compile("([\\[(\\]])\\s*(" + NUMBER + ")\\s*\\.\\.\\s*(" + NUMBER + ")\\s*([\\])\\[])");
    Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    static EntryCondition parse(String entry) {
        String text = entry == null ? "" : entry.trim();
        if (text.isEmpty() || text.equals("-")) {
            return new Any();
        }
        if (text.startsWith("not(") && text.endsWith(")")) {
            return negate(parse(text.substring(4, text.length() - 1)), text);
        }
        List<String> parts = splitTopLevel(text);
        if (parts == null) {
            return new Opaque(text);
        }
        List<Interval> numbers = new ArrayList<>();
        Set<String> strings = new TreeSet<>();
        Set<Boolean> booleans = new TreeSet<>();
        boolean nulls = false;
        for (String raw : parts) {
            String part = raw.trim();
            Matcher m;
            if ((m = STRING.matcher(part)).matches()) {
                strings.add(m.group(1).replace("\\\"", "\""));
            } else if (part.equals("true") || part.equals("false")) {
                booleans.add(Boolean.parseBoolean(part));
            } else if (part.equals("null")) {
                nulls = true;
            } else if (part.matches(NUMBER)) {
                numbers.add(Interval.point(new BigDecimal(part)));
            } else if ((m = COMPARISON.matcher(part)).matches()) {
                BigDecimal v = new BigDecimal(m.group(2));
                numbers.add(switch (m.group(1)) {
                    case "<" -> new Interval(null, false, v, false);
                    case "<=" -> new Interval(null, false, v, true);
                    case ">" -> new Interval(v, false, null, false);
                    case ">=" -> new Interval(v, true, null, false);
                    default -> Interval.point(v);
                });
            } else if ((m = RANGE.matcher(part)).matches()) {
                numbers.add(new Interval(new BigDecimal(m.group(2)), m.group(1).equals("["), new BigDecimal(m.group(3)),
                        m.group(4).equals("]")));
            } else {
                return new Opaque(text);
            }
        }
        int kinds = (numbers.isEmpty() ? 0 : 1) + (strings.isEmpty() ? 0 : 1) + (booleans.isEmpty() ? 0 : 1) + (nulls ? 1 : 0);
        if (kinds != 1) {
            return new Opaque(text);
        }
        if (!numbers.isEmpty()) {
            return new Numbers(List.copyOf(numbers));
        }
        if (!strings.isEmpty()) {
            return new Strings(Set.copyOf(strings), false);
        }
        if (!booleans.isEmpty()) {
            return new Booleans(Set.copyOf(booleans));
        }
        return new Null();
    }

    private static EntryCondition negate(EntryCondition inner, String text) {
        if (inner instanceof Strings s && !s.negated()) {
            return new Strings(s.values(), true);
        }
        if (inner instanceof Booleans b) {
            Set<Boolean> rest = new TreeSet<>(Set.of(true, false));
            rest.removeAll(b.values());
            return rest.isEmpty() ? new Opaque(text) : new Booleans(Set.copyOf(rest));
        }
        if (inner instanceof Numbers n) {
            return new Numbers(complement(n.intervals()));
        }
        return new Opaque(text);
    }

    /** The complement of a union of intervals, as a union of intervals. */
    private static List<Interval> complement(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::low, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Interval> result = new ArrayList<>();
        BigDecimal cursor = null;
        boolean cursorClosed = false;
        boolean fromMinusInfinity = true;
        for (Interval i : sorted) {
            if (i.low() != null || !fromMinusInfinity) {
                Interval gap = new Interval(fromMinusInfinity ? null : cursor, !fromMinusInfinity && !cursorClosed,
                        i.low(), i.low() != null && !i.lowClosed());
                if (!gap.isEmpty()) {
                    result.add(gap);
                }
            }
            if (i.high() == null) {
                return result;
            }
            if (fromMinusInfinity || cursor == null || i.high().compareTo(cursor) > 0
                    || i.high().compareTo(cursor) == 0 && i.highClosed()) {
                cursor = i.high();
                cursorClosed = i.highClosed();
            }
            fromMinusInfinity = false;
        }
        result.add(new Interval(fromMinusInfinity ? null : cursor, !fromMinusInfinity && !cursorClosed, null, false));
        return result;
    }

    /** Splits at commas outside strings and brackets; null when brackets do not balance. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (quoted) {
                if (c == '\\') {
                    k++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, k));
                start = k + 1;
            }
        }
        if (quoted) {
            return null;
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Whether the entry can be read by the checks. */
    default boolean analysable() {
        return !(this instanceof Opaque);
    }

    /** Whether the entry accepts this value (a BigDecimal, String, Boolean or null); only for analysable entries. */
    default boolean accepts(Object value) {
        if (this instanceof Any) {
            return true;
        }
        if (value == null) {
            return this instanceof Null;
        }
        if (this instanceof Numbers n && value instanceof BigDecimal d) {
            return n.intervals().stream().anyMatch(i -> i.contains(d));
        }
        if (this instanceof Strings s && value instanceof String str) {
            return s.values().contains(str) != s.negated();
        }
        if (this instanceof Booleans b && value instanceof Boolean bool) {
            return b.values().contains(bool);
        }
        return false;
    }
}
