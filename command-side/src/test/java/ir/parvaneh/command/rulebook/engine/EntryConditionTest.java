package ir.parvaneh.command.rulebook.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** How the publishing checks read the brackets planners write, bound by bound. */
class EntryConditionTest {

    @ParameterizedTest(name = "{0} accepts {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "[100..200] | 100 | true", "[100..200] | 200 | true", "[100..200] | 200.01 | false", "[100..200] | 99.99 | false",
            "(200..300] | 200 | false", "(200..300] | 200.01 | true", "(200..300] | 300 | true", "(200..300] | 300.01 | false",
            "]8..10[ | 8 | false", "]8..10[ | 9.5 | true", "]8..10[ | 10 | false",
            "< 8 | 7.99 | true", "< 8 | 8 | false", "<= 200 | 200 | true", "> 300 | 300 | false", ">= 18 | 18 | true",
            "0 | 0 | true", "0 | 1 | false", "- | 123 | true", "not(< 8) | 8 | true", "not(< 8) | 7 | false",
            "not([10..18), >= 30) | 20 | true", "not([10..18), >= 30) | 12 | false", "not([10..18), >= 30) | 30 | false",
            "not([10..18), >= 30) | 9.99 | true", "not([10..18), >= 30) | 18 | true"})
    void numericBrackets(String entry, String value, boolean accepted) {
        EntryCondition condition = EntryCondition.parse(entry);
        assertThat(condition.analysable()).isTrue();
        assertThat(condition.accepts(new BigDecimal(value))).isEqualTo(accepted);
    }

    @Test
    void codesBooleansAndNull() {
        EntryCondition zones = EntryCondition.parse("\"R121\",\"R122\"");
        assertThat(zones.accepts("R121")).isTrue();
        assertThat(zones.accepts("R111")).isFalse();
        assertThat(EntryCondition.parse("not(\"G111\")").accepts("R111")).isTrue();
        assertThat(EntryCondition.parse("not(\"G111\")").accepts("G111")).isFalse();
        assertThat(EntryCondition.parse("true").accepts(Boolean.TRUE)).isTrue();
        assertThat(EntryCondition.parse("true").accepts(Boolean.FALSE)).isFalse();
        assertThat(EntryCondition.parse("null").accepts(null)).isTrue();
        assertThat(EntryCondition.parse("\"a,b\"").accepts("a,b")).isTrue();
    }

    @Test
    void anythingElseIsOpaque() {
        assertThat(EntryCondition.parse(">= minLotSizeM2").analysable()).isFalse();
        assertThat(EntryCondition.parse("date(\"2026-01-01\")").analysable()).isFalse();
        assertThat(EntryCondition.parse("\"R121\", 5").analysable()).isFalse();
    }

    @Test
    void feelNamesSkipStringsKeywordsAndFunctions() {
        assertThat(FeelNames.read("if restrictMaxFloors = null then max(tableFloors, 2) else \"maxUnits\""))
                .containsExactly("restrictMaxFloors", "tableFloors");
        assertThat(FeelNames.constant("\"text (with brackets)\"")).isTrue();
        assertThat(FeelNames.constant("floor(2.5)")).isFalse();
    }
}
