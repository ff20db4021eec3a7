package ir.parvaneh.command.rulebook.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.rulebook.demo.DemoRulebooks;
import ir.parvaneh.kernel.rulebook.FeeBasis;
import ir.parvaneh.kernel.rulebook.FeeOutcome;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The same content and inputs give equal records and equal JSON bytes; the content's hash is canonical. */
class DeterminismAndContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RulebookContent QAZVIN = DemoRulebooks.forCity("qazvin");

    private static ZoningOutcome sample(CompiledRulebook rulebook) {
        return rulebook.assess(Parcels.lot(512.37).split("M111", 71.5, "R122").passage(16.0)
                .overlay("HB-1", "RESTRICT", 2, null, 12.5).facts(), "COMMERCIAL");
    }

    @Test
    void twoEvaluationsGiveEqualRecordsAndEqualBytes() throws Exception {
        CompiledRulebook first = RulebookCompiler.compile(QAZVIN);
        CompiledRulebook second = RulebookCompiler.compile(DemoRulebooks.forCity("qazvin"));
        ZoningOutcome a = sample(first);
        ZoningOutcome b = sample(second);
        ZoningOutcome c = sample(first);
        assertThat(a).isEqualTo(b).isEqualTo(c);
        assertThat(JSON.writeValueAsBytes(a)).isEqualTo(JSON.writeValueAsBytes(b)).isEqualTo(JSON.writeValueAsBytes(c));
        assertThat(a.rulebookSha256()).isEqualTo(QAZVIN.sha256());
        assertThat(JSON.readValue(JSON.writeValueAsBytes(a), ZoningOutcome.class)).isEqualTo(a);
        FeeBasis basis = new FeeBasis("COMMERCIAL", 300, List.of(new FeeBasis.Floor(0, "STOREY", "COMMERCIAL", 150),
                new FeeBasis.Floor(1, "STOREY", "OFFICE", 150)), 2, 3, 7.5, 4.2, 25_000_000L);
        FeeOutcome fees = first.fees(basis);
        assertThat(JSON.writeValueAsBytes(second.fees(basis))).isEqualTo(JSON.writeValueAsBytes(fees));
        assertThat(fees.lines()).hasSize(3);
        assertThat(JSON.readValue(JSON.writeValueAsBytes(fees), FeeOutcome.class)).isEqualTo(fees);
    }

    @Test
    void aCompiledRulebookIsSharedByThreadsWithoutChangingItsAnswers() throws Exception {
        CompiledRulebook rulebook = RulebookCompiler.compile(QAZVIN);
        byte[] expected = JSON.writeValueAsBytes(sample(rulebook));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                int area = 100 + k * 37;
                results.add(pool.submit(() -> {
                    rulebook.assess(Parcels.lot(area).zone("R121").facts(), "RESIDENTIAL");
                    return JSON.writeValueAsBytes(sample(rulebook));
                }));
            }
            for (Future<byte[]> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void explanationsSerialiseWithSortedInputs() throws Exception {
        String json = JSON.writeValueAsString(sample(RulebookCompiler.compile(QAZVIN)).output("density-percent").orElseThrow());
        assertThat(json).contains("\"inputs\":{\"01 M111 71.5 %\"");
    }

    @Test
    void theHashIgnoresArchiveOrderLineEndingsAndAByteOrderMark() throws Exception {
        Map<String, String> forward = new LinkedHashMap<>(QAZVIN.files());
        Map<String, String> backward = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(forward.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            backward.put("1405.1/" + name, "\uFEFF" + forward.get(name).replace("\n", "\r\n"));
        }
        RulebookContent fromForward = RulebookContent.fromZip(zipInOrder(forward));
        RulebookContent fromBackward = RulebookContent.fromZip(zipInOrder(backward));
        assertThat(fromBackward.sha256()).isEqualTo(fromForward.sha256()).isEqualTo(QAZVIN.sha256()).hasSize(64);
        assertThat(fromBackward).isEqualTo(QAZVIN);
        assertThat(RulebookContent.fromZip(QAZVIN.toZip())).isEqualTo(QAZVIN);
        assertThat(QAZVIN.toZip()).isEqualTo(RulebookContent.fromZip(zipInOrder(backward)).toZip());
    }

    @Test
    void oneChangedByteChangesTheHash() {
        RulebookContent changed = Rulebooks.edited(QAZVIN, "fees.dmn", "<text>120</text>", "<text>121</text>");
        assertThat(changed.sha256()).isNotEqualTo(QAZVIN.sha256());
        RulebookContent renamed = Rulebooks.edited(QAZVIN, "fees.dmn", "id=\"fees\"", "id=\"Fees\"");
        assertThat(renamed.sha256()).isNotEqualTo(QAZVIN.sha256());
    }

    @Test
    void theSameFilesUnderAnotherNameHashDifferently() {
        Map<String, String> files = new java.util.TreeMap<>(QAZVIN.files());
        files.put("fees2.dmn", files.remove("fees.dmn"));
        assertThat(RulebookContent.of(files).sha256()).isNotEqualTo(QAZVIN.sha256());
    }

    private static byte[] zipInOrder(Map<String, String> files) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
