package ir.parvaneh.command.rulebook.engine;

import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnDecisionResult;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;
import org.operaton.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.operaton.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.operaton.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.operaton.bpm.engine.variable.VariableMap;
import org.operaton.bpm.engine.variable.Variables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Operaton's DMN engine, configured for rulebooks: FEEL (feel-scala) for every expression, each parsed once, and a listener
 * that hands back which rows of a table matched, so that each output can name its rows. One engine per
 * compiled rulebook; Operaton's engine and parsed decisions are safe to share between threads, and the
 * matched rows travel in a thread-local slot filled and emptied within one evaluation.
 */
final class OperatonDecisions {

    /** What Operaton answered: the results (one map per matched row, or a formula's one) and the matched row ids. */
    record Answer(List<Map<String, Object>> results, List<String> matchedRuleIds) {
    }

    private static final ThreadLocal<List<String>> MATCHED = new ThreadLocal<>();

    private final DmnEngine engine;

    OperatonDecisions() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(OperatonDecisions::matched));
        configuration.setDefaultInputExpressionExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        configuration.setDefaultInputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        configuration.setDefaultOutputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        configuration.setDefaultLiteralExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
        // Operaton's FEEL engine as it is, but parsing each expression once (see ParsingOnceFeelEngine).
        configuration.setFeelEngineFactory(() -> new ParsingOnceFeelEngine(configuration.getFeelCustomFunctionProviders()));
        this.engine = configuration.buildEngine();
    }

    DmnEngine engine() {
        return engine;
    }

    Answer evaluate(DmnDecision decision, Map<String, Object> variables) {
        VariableMap context = Variables.createVariables();
        context.putAll(variables);
        List<String> matched = new ArrayList<>();
        MATCHED.set(matched);
        try {
            DmnDecisionResult result = engine.evaluateDecision(decision, context);
            List<Map<String, Object>> rows = new ArrayList<>();
            result.getResultList().forEach(row -> rows.add(new java.util.LinkedHashMap<>(row)));
            return new Answer(rows, List.copyOf(matched));
        } finally {
            MATCHED.remove();
        }
    }

    private static void matched(DmnDecisionTableEvaluationEvent event) {
        List<String> slot = MATCHED.get();
        if (slot != null) {
            for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
                slot.add(rule.getId());
            }
        }
    }
}
