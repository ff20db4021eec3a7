package ir.parvaneh.command.rulebook.engine;

import ir.parvaneh.kernel.rulebook.LegalSource;
import org.operaton.bpm.dmn.engine.DmnDecision;

import java.util.List;
import java.util.Set;

/**
 * One decision of a compiled rulebook: what the engine needs to evaluate it with Operaton, feed it and
 * explain it.
 *
 * @param id          the DMN decision id
 * @param name        its name as written
 * @param file        the DMN file holding it
 * @param hitPolicy   {@code UNIQUE}, {@code FIRST}, {@code ANY}, {@code COLLECT}, {@code COLLECT SUM}…,
 *                    {@code RULE ORDER}; {@value #LITERAL} for a formula
 * @param columns     a table's input columns
 * @param ruleIds     a table's row ids, in row order
 * @param outputs     the variables it produces: a table's output names, or a formula's variable
 * @param outputUnits each output's unit from its label, {@code null} where not stated (same order)
 * @param formula     a formula's FEEL text, else {@code null}
 * @param reads       every fact, parameter and other decision's output it reads
 * @param legalSource the manifest's legal source for it
 * @param dmn         Operaton's parsed decision
 * @param memo        the cache of a table's results per input cell, or {@code null} when the table cannot use one
 */
record CompiledDecision(String id, String name, String file, String hitPolicy, List<TableColumn> columns,
                        List<String> ruleIds, List<String> outputs, List<String> outputUnits, String formula,
                        Set<String> reads, LegalSource legalSource, DmnDecision dmn, TableMemo memo) {

    static final String LITERAL = "LITERAL_EXPRESSION";

    boolean table() {
        return !LITERAL.equals(hitPolicy);
    }

    /** Whether the decision gives at most one result (one row's outputs, or a formula's value). */
    boolean singleResult() {
        return !table() || hitPolicy.equals("UNIQUE") || hitPolicy.equals("FIRST") || hitPolicy.equals("ANY")
                || hitPolicy.startsWith("COLLECT ");
    }

    /** Whether every input must be matched by a row (single-result tables). */
    boolean mustCover() {
        return table() && (hitPolicy.equals("UNIQUE") || hitPolicy.equals("FIRST") || hitPolicy.equals("ANY"));
    }
}
