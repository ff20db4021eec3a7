package ir.parvaneh.command.rulebook.engine;

import camundajar.impl.scala.util.Right;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.operaton.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.operaton.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.operaton.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.operaton.bpm.engine.variable.context.VariableContext;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operaton's FEEL engine (feel-scala), parsing each expression once instead of at every evaluation.
 *
 * <p>{@link ScalaFeelEngine} hands the expression's text to feel-scala, which parses it anew each time: for a
 * formula such as a fee (a literal expression, which the table memo does not cover) parsing cost more than the
 * evaluation itself; it was about a sixth of a permit submission's CPU time. feel-scala's own
 * {@code evaluateExpression} and {@code evaluateUnaryTests} are exactly "parse, then evaluate the parsed
 * expression" ({@code evaluate}, {@code evaluateWithInput}); this does the same with the parse remembered, with
 * the same contexts Operaton builds. Anything that does not parse or evaluate is handed to Operaton's own path,
 * so failures are reported exactly as before. The parsed expressions are immutable syntax trees, safe to share
 * between threads; there is one engine per compiled rulebook, so what is remembered is bounded by the
 * expressions of its DMN files.
 */
final class ParsingOnceFeelEngine extends ScalaFeelEngine {

    private final Map<String, ParseResult> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParseResult> unaryTests = new ConcurrentHashMap<>();

    /** As Operaton's {@code ScalaFeelEngineFactory} builds its engine, with the configuration's custom functions. */
    ParsingOnceFeelEngine(List<FeelCustomFunctionProvider> customFunctions) {
        super(customFunctions);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParseResult parsed = expressions.computeIfAbsent(expression, feelEngineApi::parseExpression);
        if (parsed.isSuccess()) {
            CustomContext context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new ContextVariableWrapper(variableContext);
                }
            };
            EvaluationResult result = feelEngineApi.evaluate(parsed.parsedExpression(), context);
            if (result.toEither() instanceof Right<?, ?> value) {
                return (T) value.value();
            }
        }
        return super.evaluateSimpleExpression(expression, variableContext);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParseResult parsed = unaryTests.computeIfAbsent(expression, feelEngineApi::parseUnaryTests);
        if (parsed.isSuccess()) {
            Object input = inputVariable != null && variableContext != null && variableContext.containsVariable(inputVariable)
                    ? variableContext.resolve(inputVariable).getValue() : null;
            CustomContext context = new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return new VariableProvider.CompositeVariableProvider(
                            ParsingOnceFeelEngine.this.<VariableProvider>toScalaList(new ContextVariableWrapper(variableContext)));
                }
            };
            EvaluationResult result = feelEngineApi.evaluateWithInput(parsed.parsedExpression(), input, context);
            if (result.toEither() instanceof Right<?, ?> value && value.value() instanceof Boolean matched) {
                return matched;
            }
        }
        return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }
}
