package ir.parvaneh.command.rulebook.engine;

import ir.parvaneh.command.rulebook.demo.DemoRulebooks;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.rulebook.FeeBasis;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures compiling the province rulebook, pricing a proposal and assessing parcels with it, and prints the figures; asserts
 * nothing, and runs only when asked:
 * {@code mvn -pl shared-kernel,command-side test -Dtest=RulebookEvaluationBenchmark -Drulebook.benchmark=true …}.
 */
@EnabledIfSystemProperty(named = "rulebook.benchmark", matches = "true")
class RulebookEvaluationBenchmark {

    @Test
    void measure() throws Exception {
        RulebookContent content = DemoRulebooks.forCity("qazvin");
        for (int k = 0; k < 5; k++) {
            long t0 = System.nanoTime();
            RulebookCompiler.compile(content);
            System.out.printf("compile: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        }
        CompiledRulebook rulebook = RulebookCompiler.compile(content);
        String[] zones = {"R111", "R112", "R121", "R122", "R211", "M111", "S111", "S211"};
        ParcelFacts[] parcels = new ParcelFacts[1000];
        for (int i = 0; i < parcels.length; i++) {
            Parcels p = Parcels.lot(80 + (i * 7.31) % 1900);
            p = i % 20 == 0 ? p.split(zones[i % 8], 70, zones[(i + 3) % 8]) : p.zone(zones[i % 8]);
            parcels[i] = (i % 7 == 0 ? p.overlay("HB-1", "RESTRICT", 2, null, 30) : p).passage(6.0 + i % 40).facts();
        }
        // A permit submission's fees: a three-storey house, priced line by line (formulas: literal expressions).
        List<FeeBasis.Floor> storeys = List.of(new FeeBasis.Floor(0, "STOREY", "RESIDENTIAL", 120),
                new FeeBasis.Floor(1, "STOREY", "RESIDENTIAL", 120), new FeeBasis.Floor(2, "STOREY", "RESIDENTIAL", 120));
        FeeBasis house = new FeeBasis("RESIDENTIAL", 360, storeys, 2, 1, 12.0, 10.5, 30_000_000L);
        for (int round = 0; round < 8; round++) {
            long[] nanos = new long[20_000];
            long t0 = System.nanoTime();
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                rulebook.fees(house);
                nanos[i] = System.nanoTime() - t;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(nanos);
            System.out.printf("fees: %.0f proposals/s, p50 %.0f µs, p99 %.0f µs%n", nanos.length / seconds,
                    nanos[nanos.length / 2] / 1e3, nanos[nanos.length * 99 / 100] / 1e3);
        }
        int n = 20_000;
        for (int threads : new int[] {1, 2}) {
            for (int round = 0; round < 4; round++) {
                long[] nanos = new long[n];
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long start = System.nanoTime();
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    work.add(pool.submit(() -> {
                        for (int i = first; i < n; i += threads) {
                            long t0 = System.nanoTime();
                            rulebook.assess(parcels[i % parcels.length], i % 3 == 0 ? "COMMERCIAL" : "RESIDENTIAL");
                            nanos[i] = System.nanoTime() - t0;
                        }
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                pool.shutdown();
                Arrays.sort(nanos);
                System.out.printf("%d thread(s): %.0f assessments/s, mean %.0f µs, p50 %.0f µs, p99 %.0f µs%n", threads,
                        n / seconds, Arrays.stream(nanos).average().orElse(0) / 1e3, nanos[n / 2] / 1e3, nanos[n * 99 / 100] / 1e3);
            }
        }
    }
}
