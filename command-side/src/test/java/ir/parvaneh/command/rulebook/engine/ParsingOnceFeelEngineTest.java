package ir.parvaneh.command.rulebook.engine;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.dmn.feel.impl.FeelException;
import org.operaton.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.operaton.bpm.engine.variable.Variables;
import org.operaton.bpm.engine.variable.context.VariableContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Parsing each expression once changes nothing but the time: formulas and unary tests give what Operaton's own
 * engine gives, again and again, with other variables each time, and a failure is the same failure.
 */
class ParsingOnceFeelEngineTest {

    private final ScalaFeelEngine operaton = new ScalaFeelEngine(List.of());
    private final ParsingOnceFeelEngine parsingOnce = new ParsingOnceFeelEngine(List.of());

    @Test
    void givenFormulasWhenEvaluatedRepeatedlyWithOtherVariablesThenEachResultIsOperatonsOwn() {
        List<String> formulas = List.of("grossFloorAreaM2 * P * 1.5", "if floorLevel > 0 then floorAreaM2 * 2 else 0",
                "decimal(grossFloorAreaM2 / 3, 2)", "max(floorLevel, 2) + ceiling(parkingSpaces / 4)",
                "intendedUse = \"RESIDENTIAL\" and floorLevel >= 0", "string(floorLevel) + \"-\" + intendedUse",
                "unknownName", "floorAreaM2 * unknownName");
        for (int round = 0; round < 3; round++) {
            VariableContext variables = variables(round);
            for (String formula : formulas) {
                Object expected = operaton.evaluateSimpleExpression(formula, variables);
                assertThat((Object) parsingOnce.evaluateSimpleExpression(formula, variables)).as(formula).isEqualTo(expected);
            }
        }
    }

    @Test
    void givenUnaryTestsWhenEvaluatedRepeatedlyOnOtherInputsThenEachAnswerIsOperatonsOwn() {
        List<String> tests = List.of("[0..2]", "> 1", "<= P", "\"RESIDENTIAL\",\"COMMERCIAL\"", "-", "not(1, 2)", "null");
        for (int round = 0; round < 3; round++) {
            VariableContext variables = variables(round);
            for (String test : tests) {
                for (String input : new String[] {"floorLevel", "intendedUse", "missing", null}) {
                    assertThat(parsingOnce.evaluateSimpleUnaryTests(test, input, variables)).as(test + " on " + input)
                            .isEqualTo(operaton.evaluateSimpleUnaryTests(test, input, variables));
                }
            }
        }
    }

    @Test
    void givenAnExpressionThatDoesNotParseWhenEvaluatedThenItFailsAsOperatonFails() {
        VariableContext variables = variables(0);
        Throwable expected = catchThrowable(() -> operaton.evaluateSimpleExpression("floorAreaM2 * (", variables));
        assertThat(expected).isInstanceOf(FeelException.class);
        for (int round = 0; round < 2; round++) {
            assertThatThrownBy(() -> parsingOnce.evaluateSimpleExpression("floorAreaM2 * (", variables))
                    .isInstanceOf(FeelException.class).hasMessage(expected.getMessage());
        }
        Throwable expectedTest = catchThrowable(() -> operaton.evaluateSimpleUnaryTests("[1..", "floorLevel", variables));
        assertThatThrownBy(() -> parsingOnce.evaluateSimpleUnaryTests("[1..", "floorLevel", variables))
                .isInstanceOf(FeelException.class).hasMessage(expectedTest.getMessage());
    }

    private static VariableContext variables(int round) {
        return Variables.createVariables()
                .putValue("grossFloorAreaM2", 360.5 + round)
                .putValue("floorAreaM2", 120.25 * (round + 1))
                .putValue("floorLevel", round)
                .putValue("parkingSpaces", 2 + round)
                .putValue("P", 30_000_000L + round)
                .putValue("intendedUse", round == 1 ? "COMMERCIAL" : "RESIDENTIAL")
                .asVariableContext();
    }
}
