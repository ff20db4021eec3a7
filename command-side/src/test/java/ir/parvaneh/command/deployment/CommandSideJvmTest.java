package ir.parvaneh.command.deployment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every place that starts the command side's JVM gives it the parallel collector (issue 5: 12-15 % less CPU per permit
 * submission than G1 on two cores): the image's entry point, the embedded run and the submissions benchmark, which
 * must measure what is deployed.
 */
class CommandSideJvmTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void givenTheImageWhenTheCommandSideStartsThenItRunsOnTheParallelCollector() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String commandSideTarget = dockerfile.substring(dockerfile.indexOf("FROM runtime AS command-side"),
                dockerfile.indexOf("FROM runtime AS query-side"));
        assertThat(commandSideTarget).containsPattern(Pattern.compile("ENTRYPOINT \\[\"java\",\"-XX:\\+UseParallelGC\","));
    }

    @Test
    void givenTheScriptsWhenTheyStartTheCommandSideThenItRunsOnTheParallelCollector() throws IOException {
        List<String> run = Files.readAllLines(ROOT.resolve("scripts/run"));
        assertThat(run).filteredOn(line -> line.startsWith("java ") && line.contains("$command_jar"))
                .singleElement().asString().contains("-XX:+UseParallelGC");
        assertThat(Files.readString(ROOT.resolve("scripts/bench/submissions")))
                .contains("${BENCH_JVM_OPTS:--Xmx3g -XX:+UseParallelGC}");
    }
}
