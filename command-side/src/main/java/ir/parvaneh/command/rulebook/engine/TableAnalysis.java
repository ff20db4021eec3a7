package ir.parvaneh.command.rulebook.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The publishing checks of one decision table's rows: no two rows of a UNIQUE table can match the same input
 * (an interval and set analysis of the entries), and every combination of input values inside the declared
 * domains is matched by some row (no gap). Entries the analysis cannot read ({@link EntryCondition.Opaque})
 * are taken to possibly overlap anything and to cover nothing, so that an unreadable table is refused rather
 * than published unchecked.
 */
final class TableAnalysis {

    /** Two rows (1-based) that can both match, with an input that makes them. */
    record Overlap(int firstRow, int secondRow, Map<String, String> example, boolean certain) {
    }

    /** An input combination no row matches: the input where coverage ran out, its value, and the others'. */
    record Gap(String input, String value, Map<String, String> otherInputs, boolean certain) {
    }

    private static final Object UNREADABLE = new Object() {
        @Override
        public String toString() {
            return "(an entry the checks cannot read)";
        }
    };

    private final List<TableColumn> columns;
    private final int rows;

    TableAnalysis(List<TableColumn> columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    Optional<Overlap> firstOverlap() {
        for (int a = 0; a < rows; a++) {
            for (int b = a + 1; b < rows; b++) {
                Map<String, String> example = new LinkedHashMap<>();
                boolean certain = true;
                boolean overlap = true;
                for (TableColumn column : columns) {
                    Optional<Object> witness = common(column, column.entries().get(a), column.entries().get(b));
                    if (witness.isEmpty()) {
                        overlap = false;
                        break;
                    }
                    certain &= witness.get() != UNREADABLE;
                    example.put(column.name(), text(witness.get()));
                }
                if (overlap) {
                    return Optional.of(new Overlap(a + 1, b + 1, example, certain));
                }
            }
        }
        return Optional.empty();
    }

    Optional<Gap> firstGap() {
        List<List<Object>> samples = new ArrayList<>();
        for (TableColumn column : columns) {
            samples.add(samples(column));
        }
        List<Integer> all = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            all.add(r);
        }
        return gap(0, all, samples, new LinkedHashMap<>());
    }

    private Optional<Gap> gap(int depth, List<Integer> candidates, List<List<Object>> samples, Map<String, String> chosen) {
        if (depth == columns.size()) {
            return Optional.empty();
        }
        TableColumn column = columns.get(depth);
        for (Object sample : samples.get(depth)) {
            List<Integer> matching = new ArrayList<>();
            boolean unreadable = false;
            for (int r : candidates) {
                EntryCondition entry = column.entries().get(r);
                if (!entry.analysable()) {
                    unreadable = true;
                } else if (entry.accepts(sample)) {
                    matching.add(r);
                }
            }
            if (matching.isEmpty()) {
                Map<String, String> others = new LinkedHashMap<>(chosen);
                for (int k = depth + 1; k < columns.size(); k++) {
                    if (!samples.get(k).isEmpty()) {
                        others.put(columns.get(k).name(), text(samples.get(k).get(0)));
                    }
                }
                return Optional.of(new Gap(column.name(), text(sample), others, !unreadable));
            }
            chosen.put(column.name(), text(sample));
            Optional<Gap> deeper = gap(depth + 1, matching, samples, chosen);
            chosen.remove(column.name());
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    /** One value from each elementary region of the column's domain, cut at every bound its rows mention. */
    static List<Object> samples(TableColumn column) {
        List<Object> samples = new ArrayList<>();
        if (column.nullable()) {
            samples.add(null);
        }
        if (column.numeric()) {
            for (Interval atom : atoms(column)) {
                BigDecimal sample = atom.intersect(column.domain()).sample(column.integer());
                if (sample != null) {
                    samples.add(sample);
                }
            }
            return samples;
        }
        if (column.type() == FactCatalogue.Type.BOOLEAN
                || column.entries().stream().anyMatch(e -> e instanceof EntryCondition.Booleans)) {
            samples.add(Boolean.FALSE);
            samples.add(Boolean.TRUE);
            return samples;
        }
        TreeSet<String> values = new TreeSet<>(column.declaredValues());
        if (values.isEmpty()) {
            for (EntryCondition entry : column.entries()) {
                if (entry instanceof EntryCondition.Strings s) {
                    values.addAll(s.values());
                }
            }
        }
        samples.addAll(values);
        if (samples.isEmpty()) {
            samples.add(UNREADABLE);
        }
        return samples;
    }

    /** The points and open stretches between all the bounds that the column's rows and domain mention, in order. */
    static List<Interval> atoms(TableColumn column) {
        List<BigDecimal> bounds = bounds(column);
        List<Interval> atoms = new ArrayList<>();
        BigDecimal previous = null;
        for (BigDecimal bound : bounds) {
            atoms.add(new Interval(previous, false, bound, false));
            atoms.add(Interval.point(bound));
            previous = bound;
        }
        atoms.add(new Interval(previous, false, null, false));
        return atoms;
    }

    static List<BigDecimal> bounds(TableColumn column) {
        TreeSet<BigDecimal> bounds = new TreeSet<>();
        for (EntryCondition entry : column.entries()) {
            if (entry instanceof EntryCondition.Numbers n) {
                for (Interval i : n.intervals()) {
                    if (i.low() != null) {
                        bounds.add(i.low().stripTrailingZeros());
                    }
                    if (i.high() != null) {
                        bounds.add(i.high().stripTrailingZeros());
                    }
                }
            }
        }
        if (column.domain().low() != null) {
            bounds.add(column.domain().low().stripTrailingZeros());
        }
        if (column.domain().high() != null) {
            bounds.add(column.domain().high().stripTrailingZeros());
        }
        return new ArrayList<>(bounds);
    }

    /** A value both entries accept inside the column's domain, {@link #UNREADABLE} if either cannot be read. */
    private static Optional<Object> common(TableColumn column, EntryCondition a, EntryCondition b) {
        if (!a.analysable() || !b.analysable()) {
            return Optional.of(UNREADABLE);
        }
        for (Object sample : samplesOf(column, a, b)) {
            if (a.accepts(sample) && b.accepts(sample)) {
                return Optional.of(sample);
            }
        }
        return Optional.empty();
    }

    private static List<Object> samplesOf(TableColumn column, EntryCondition a, EntryCondition b) {
        List<Object> samples = new ArrayList<>();
        if (a instanceof EntryCondition.Numbers || b instanceof EntryCondition.Numbers) {
            TableColumn pair = new TableColumn(column.name(), column.label(), column.type() == null
                    ? FactCatalogue.Type.NUMBER : column.type(), column.domain(), column.declaredValues(), column.nullable(),
                    List.of(a, b), List.of());
            return samples(pair);
        }
        samples.addAll(samples(column));
        samples.remove(UNREADABLE);
        if (column.declaredValues().isEmpty()) {
            for (EntryCondition e : List.of(a, b)) {
                if (e instanceof EntryCondition.Strings s) {
                    samples.addAll(s.values());
                }
            }
            if (a instanceof EntryCondition.Strings sa && sa.negated() && b instanceof EntryCondition.Strings sb
                    && sb.negated() || a instanceof EntryCondition.Any && b instanceof EntryCondition.Any) {
                samples.add("\u2063any other value");
            }
            if (a instanceof EntryCondition.Any && b instanceof EntryCondition.Strings s && s.negated()
                    || b instanceof EntryCondition.Any && a instanceof EntryCondition.Strings s2 && s2.negated()) {
                samples.add("\u2063any other value");
            }
        }
        if (a instanceof EntryCondition.Any && b instanceof EntryCondition.Any && samples.isEmpty()) {
            samples.add("\u2063any value");
        }
        return samples;
    }

    static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof String s) {
            return s.startsWith("\u2063") ? s.substring(1) : s;
        }
        return String.valueOf(value);
    }
}
