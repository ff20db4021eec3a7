package ir.parvaneh.command.rulebook.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers what Operaton answered for a table, per cell of its inputs. A table whose entries all read as
 * intervals, codes and booleans, and whose output entries are constants, answers the same for every input
 * value in the same cell (the stretches between the bounds its rows mention), so Operaton's answer for one
 * value of a cell stands for them all. Every answer is Operaton's: the first value of each cell is evaluated
 * by it, and the memo checks that answer against the rows its own reading of the entries predicts; should
 * they ever disagree, the memo switches itself off for the table and Operaton answers every time.
 * <p>
 * This exists because feel-scala builds its whole built-in function library for each evaluation of a single
 * entry (about 25 µs), which made a 120-row table cost milliseconds.
 */
final class TableMemo {

    /** Operaton's answer for a cell: matched rows (0-based) and each matched row's outputs. */
    record Answer(List<Integer> rows, List<Map<String, Object>> results) {
    }

    private static final Logger log = LoggerFactory.getLogger(TableMemo.class);
    private static final int MAX_CELLS = 100_000;

    private final String decisionId;
    private final String hitPolicy;
    private final List<TableColumn> columns;
    private final List<List<BigDecimal>> bounds = new ArrayList<>();
    private final List<List<String>> codes = new ArrayList<>();
    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;

    private record Key(int[] cells) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(cells, key.cells);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(cells);
        }
    }

    TableMemo(String decisionId, String hitPolicy, List<TableColumn> columns) {
        this.decisionId = decisionId;
        this.hitPolicy = hitPolicy;
        this.columns = columns;
        for (TableColumn column : columns) {
            bounds.add(TableAnalysis.bounds(column));
            List<String> values = new ArrayList<>();
            for (EntryCondition entry : column.entries()) {
                if (entry instanceof EntryCondition.Strings s) {
                    values.addAll(s.values());
                }
            }
            codes.add(values.stream().distinct().sorted().toList());
        }
    }

    /** The cell of these input values, or {@code null} when one has a type the entries do not speak of. */
    int[] cell(List<Object> values) {
        int[] cell = new int[values.size()];
        for (int k = 0; k < cell.length; k++) {
            Object value = values.get(k);
            if (value == null) {
                cell[k] = -1;
            } else if (value instanceof Boolean b) {
                cell[k] = b ? -2 : -3;
            } else if (value instanceof String s) {
                int index = Collections.binarySearch(codes.get(k), s);
                cell[k] = index >= 0 ? index : codes.get(k).size();
            } else {
                BigDecimal d = FactCatalogue.decimal(value);
                if (d == null) {
                    return null;
                }
                int index = Collections.binarySearch(bounds.get(k), d.stripTrailingZeros(), BigDecimal::compareTo);
                cell[k] = index >= 0 ? 2 * index + 1 : 2 * (-index - 1);
            }
        }
        return cell;
    }

    Answer find(int[] cell) {
        return enabled && cell != null ? answers.get(new Key(cell)) : null;
    }

    /** Keeps Operaton's answer if it is the one the entries predict for these values; else stops memoising. */
    void keep(int[] cell, List<Object> values, Answer answer) {
        if (!enabled || cell == null) {
            return;
        }
        List<Integer> predicted = new ArrayList<>();
        for (int row = 0; row < columns.get(0).entries().size(); row++) {
            boolean all = true;
            for (int k = 0; k < columns.size() && all; k++) {
                Object value = values.get(k);
                Object comparable = value instanceof String || value instanceof Boolean || value == null ? value
                        : FactCatalogue.decimal(value);
                all = columns.get(k).entries().get(row).accepts(comparable);
            }
            if (all) {
                predicted.add(row);
            }
        }
        boolean agrees = switch (hitPolicy) {
            case "FIRST" -> answer.rows().equals(predicted.isEmpty() ? List.of() : List.of(predicted.get(0)));
            case "ANY" -> predicted.containsAll(answer.rows()) && answer.rows().isEmpty() == predicted.isEmpty();
            default -> predicted.equals(answer.rows());
        };
        if (!agrees) {
            enabled = false;
            answers.clear();
            log.warn("Decision {}: Operaton matched rows {} where the entries read as {}; evaluating it without memo",
                    decisionId, answer.rows(), predicted);
            return;
        }
        if (answers.size() < MAX_CELLS) {
            answers.put(new Key(cell), answer);
        }
    }

    boolean enabled() {
        return enabled;
    }
}
