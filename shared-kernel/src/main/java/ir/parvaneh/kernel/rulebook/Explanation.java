package ir.parvaneh.kernel.rulebook;

import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.TreeMap;

/**
 * Why an output has its value: the decision of the rulebook that produced it, the rows of its table that
 * matched, the inputs it was given and, for a formula, the formula itself, with the legal source of the rule.
 * Recorded with every output so that the evaluation can be checked and re-run.
 *
 * @param decisionId   the DMN decision's id in the rulebook
 * @param decisionName the decision's name as the planner wrote it
 * @param hitPolicy    the table's hit policy ({@code UNIQUE}, {@code FIRST}, {@code COLLECT}…), or
 *                     {@code LITERAL_EXPRESSION} for a formula, or {@code ENGINE} for a value the engine
 *                     derives from the facts or combines from portions (then {@code formula} says how)
 * @param matchedRows  the matched rows, 1-based in the table's order; empty for a formula
 * @param inputs       every input the decision read, by name, as canonical text, sorted by name
 * @param formula      the FEEL formula of a literal expression or the engine's combination, else {@code null}
 * @param legalSource  the legal source the manifest gives for the decision, {@code null} for engine steps
 */
public record Explanation(String decisionId, String decisionName, String hitPolicy, List<Integer> matchedRows,
                          Map<String, String> inputs, String formula, LegalSource legalSource) {

    public Explanation {
        matchedRows = matchedRows == null ? List.of() : List.copyOf(matchedRows);
        inputs = Collections.unmodifiableSortedMap(inputs == null ? new TreeMap<>() : new TreeMap<>(inputs));
    }
}
