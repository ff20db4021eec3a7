package ir.parvaneh.command.rulebook.engine;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.assertj.core.api.ThrowableAssert;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test rulebooks from the test classpath, their edits, and what tests ask of their outcomes. */
final class Rulebooks {

    private Rulebooks() {
    }

    static RulebookContent content(String name) {
        return RulebookContent.fromClasspath("rulebooks/" + name);
    }

    static CompiledRulebook compiled(String name) {
        return RulebookCompiler.compile(content(name));
    }

    /** The rulebook with {@code from} replaced by {@code to} in one file (which must contain it). */
    static RulebookContent edited(RulebookContent content, String file, String from, String to) {
        String text = content.files().get(file);
        assertThat(text).as("%s holds the text to edit", file).contains(from);
        Map<String, String> files = new TreeMap<>(content.files());
        files.put(file, text.replace(from, to));
        return RulebookContent.of(files);
    }

    static DomainException refusal(ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        DomainException[] caught = new DomainException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            caught[0] = e;
        });
        return caught[0];
    }

    static AssessedOutput output(ZoningOutcome outcome, String name) {
        return outcome.output(name).orElseThrow(() -> new AssertionError("no output " + name));
    }

    static String value(ZoningOutcome outcome, String name) {
        AssessedOutput output = output(outcome, name);
        assertThat(output.status()).as("%s: %s", name, output.reason()).isEqualTo(AssessedOutput.DETERMINED);
        return output.value();
    }
}
