package ir.parvaneh.kernel.rulebook;

import java.util.Map;
import java.util.Collections;
import java.util.TreeMap;

/**
 * A planner's evaluation of one decision of a rulebook against inputs of their choosing (no event is
 * recorded): its outputs in canonical text and the explanation.
 *
 * @param rulebookVersion the rulebook's version label
 * @param rulebookSha256  the SHA-256 of the rulebook's canonical content
 * @param decisionId      the decision evaluated
 * @param status          {@value AssessedOutput#DETERMINED} or {@value AssessedOutput#CANNOT_DETERMINE}
 *                        (no row matched, or the formula gave no value)
 * @param reason          why not determined, else {@code null}
 * @param outputs         each output column (or the formula's variable) by name; several matched rows'
 *                        values joined by {@code ","}; sorted by name
 * @param explanation     rows, inputs and legal source
 */
public record DecisionResult(String rulebookVersion, String rulebookSha256, String decisionId, String status,
                             String reason, Map<String, String> outputs, Explanation explanation) {

    public DecisionResult {
        outputs = Collections.unmodifiableSortedMap(outputs == null ? new TreeMap<>() : new TreeMap<>(outputs));
    }
}
