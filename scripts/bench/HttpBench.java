import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command side over HTTP, on real parcels sampled around each city centre of the demo province. Run
 * with the JDK alone:
 *
 *   java scripts/bench/HttpBench.java lookups [baseUrl] [requests]
 *       latency of the public look-ups (by point, full facts), one request at a time: what a citizen sees;
 *   java scripts/bench/HttpBench.java assessments [baseUrl] [requests] [clients] [tokenUrl] [warmUp]
 *       zoning assessments (POST /api/assessments, as a citizen): latency one at a time, then throughput
 *       and latency with {@code clients} concurrent clients, after a warm-up (default 10,000 assessments).
 *   java -cp postgresql.jar scripts/bench/HttpBench.java submissions [baseUrl] [submissions] [clients] [tokenUrl] [jdbcUrl] [warmUp]
 *       permit applications (POST /api/permit-applications, as a citizen) from {@code clients} concurrent clients,
 *       each a new application on a passing proposal, so each runs the compliance check, the fee rulebook and the
 *       event append; then raw PostgreSQL single-row inserts from as many JDBC clients against the same server,
 *       and the ratio of the two. See {@link #submissions}.
 *   java -cp postgresql.jar scripts/bench/HttpBench.java floor [jdbcUrl] [submissions] [clients]
 *       the database work of that many submissions alone, from as many JDBC connections, on copies of the event store's
 *       and db-scheduler's tables holding a submissions run's rows (run after {@code submissions}); see {@link #floor}.
 * Look-ups follow a warm-up of a fifth as many requests.
 */
public class HttpBench {

    record Sample(String slug, String plate, double lat, double lon) {
    }

    private static final Pattern PARCEL = Pattern.compile(
            "\"plate\":\"([^\"]+)\".*?\"latitude\":([0-9.]+),\"longitude\":([0-9.]+)");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "lookups";
        if (mode.equals("submissions")) {
            selfTest();
        }
        String base = args.length > 1 ? args[1] : "http://127.0.0.1:8081";
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Sample> samples = mode.equals("floor") || mode.equals("selftest") ? List.of()
                : sample(http, base, Path.of("command-side/src/main/resources/demo/qazvin-province-cities.csv"));
        Random random = new Random(42);
        if (mode.equals("lookups")) {
            time(http, "warm-up", samples, random, requests / 5, s -> pointUrl(base, s));
            time(http, "warm-up", samples, random, requests / 5, s -> factsUrl(base, s));
            System.out.println("| request | n | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|");
            time(http, "parcel by point `/api/parcels/at`", samples, random, requests, s -> pointUrl(base, s));
            time(http, "full derived facts `/api/parcels/facts`", samples, random, requests, s -> factsUrl(base, s));
        } else if (mode.equals("assessments")) {
            int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
            String tokenUrl = args.length > 4 ? args[4] : "http://127.0.0.1:8180/realms/parvaneh/protocol/openid-connect/token";
            // The FEEL engine is a large body of Scala the JIT compiles for a long while: warm up with at least
            // 10,000 assessments (or the given count) so that the timed runs measure the steady state.
            int warmUp = args.length > 5 ? Integer.parseInt(args[5]) : Math.max(10_000, requests / 5);
            assess(http, base, tokenUrl, samples, random, warmUp, clients, false);
            System.out.println("| clients | n | assessments/s | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|");
            assess(http, base, tokenUrl, samples, random, requests, 1, true);
            assess(http, base, tokenUrl, samples, random, requests, clients, true);
        } else if (mode.equals("submissions")) {
            int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
            String tokenUrl = args.length > 4 ? args[4] : "http://127.0.0.1:8180/realms/parvaneh/protocol/openid-connect/token";
            String jdbcUrl = args.length > 5 ? args[5] : "jdbc:postgresql://127.0.0.1:5432/parvaneh";
            int warmUp = args.length > 6 ? Integer.parseInt(args[6]) : Math.max(5_000, requests / 2);
            if (!submissions(http, base, tokenUrl, jdbcUrl, samples, random, requests, clients, warmUp)) {
                System.exit(1);
            }
        } else if (mode.equals("selftest")) {
            selfTest();
        } else if (mode.equals("floor")) {
            String jdbcUrl = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/parvaneh";
            int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
            floor(jdbcUrl, requests, clients);
        } else {
            throw new IllegalArgumentException("modes: lookups, assessments, submissions, floor, selftest");
        }
    }

    private static List<Sample> sample(HttpClient http, String base, Path cities) throws IOException, InterruptedException {
        List<Sample> samples = new ArrayList<>();
        List<String> lines = Files.readAllLines(cities);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] cell = line.split(",", -1);
            String slug = cell[header.indexOf("slug")];
            double lat = Double.parseDouble(cell[header.indexOf("lat")]);
            double lon = Double.parseDouble(cell[header.indexOf("lon")]);
            String bbox = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", lon - 0.03, lat - 0.03, lon + 0.03, lat + 0.03);
            String body = get(http, base + "/api/parcels?municipality=" + slug + "&limit=1000&bbox=" + bbox).body();
            Matcher m = PARCEL.matcher(body);
            while (m.find()) {
                samples.add(new Sample(slug, m.group(1), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))));
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("No parcels found: is the demo province loaded?");
        }
        System.out.printf("sampled %d parcels in %d cities%n", samples.size(), samples.stream().map(Sample::slug).distinct().count());
        return samples;
    }

    /** Assessments by {@code clients} concurrent clients, each request timed; prints a row unless warming up. */
    private static void assess(HttpClient http, String base, String tokenUrl, List<Sample> samples, Random random, int n,
                               int clients, boolean report) throws Exception {
        String token = token(http, tokenUrl);
        String[] uses = {"RESIDENTIAL", "RESIDENTIAL", "RESIDENTIAL", "COMMERCIAL", "OFFICE"};
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(random.nextInt(samples.size()));
            bodies.add("{\"municipality\":\"" + s.slug() + "\",\"plate\":\"" + s.plate() + "\",\"intendedUse\":\""
                    + uses[random.nextInt(uses.length)] + "\"}");
        }
        long[] nanos = new long[n];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/assessments"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                    long t = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    nanos[i] = System.nanoTime() - t;
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException(bodies.get(i) + " answered " + response.statusCode() + ": " + response.body());
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : running) {
            f.get();
        }
        long wall = System.nanoTime() - started;
        pool.shutdown();
        if (!report) {
            return;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n", clients, n, n / (wall / 1e9),
                ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[n - 1] / 1e6);
    }

    /** A recorded assessment and the largest house it allows, as the body of a submission citing the uploaded PDF. */
    record Prepared(String assessmentId, String body) {
    }

    /** Assessments in the pool: enough that submissions spread over parcels and towns, few enough to issue quickly. */
    private static final int POOL = 500;

    private static final Pattern OUTPUT = Pattern.compile(
            "\\{\"name\":\"([^\"]+)\",\"status\":\"([A-Z_]+)\",\"value\":(?:null|\"([^\"]*)\")");

    /**
     * Issue 5's figure: permit submissions per second over HTTP from {@code clients} concurrent clients, next to raw
     * PostgreSQL single-row insert throughput from as many JDBC clients against the same server, in the same run.
     * <ol>
     *   <li>Set-up (not timed): a citizen's token; one small PDF uploaded ({@code POST /api/documents}) and cited by
     *   every submission as deed and drawings; a pool of residential assessments ({@code POST /api/assessments}) on
     *   sampled parcels whose every limit the rulebook determined, each with the largest house it allows (as
     *   {@code LargestHouse} in the tests builds it).</li>
     *   <li>Warm-up: {@code warmUp} submissions, the first of each pooled assessment checked to pass and be priced;
     *   an assessment whose proposal does not is dropped from the pool.</li>
     *   <li>Timed: {@code n} submissions, each a new application, cycling through the pool. Every answer must be
     *   201, {@code PASSED} and priced; anything else is counted apart and fails the run, as does a count of
     *   {@code PermitApplicationSubmitted} events in the event store that differs from the successes.</li>
     *   <li>Raw PostgreSQL: {@code n} single-row inserts (autocommit, one row per transaction: a uuid, a text and a
     *   ~2 KB jsonb) from {@code clients} JDBC connections into a scratch table, after a warm-up of a tenth.</li>
     * </ol>
     * Returns whether the run was clean.
     */
    static boolean submissions(HttpClient http, String base, String tokenUrl, String jdbcUrl, List<Sample> samples,
                               Random random, int n, int clients, int warmUp) throws Exception {
        String token = token(http, tokenUrl);
        String deed = uploadPdf(http, base, token);
        List<Prepared> pool = preparePool(http, base, token, samples, random, Math.min(n, POOL), deed);

        // Warm-up: the first round checks each pooled proposal passes and is priced, and drops any that does not.
        token = token(http, tokenUrl);
        List<Prepared> checked = new ArrayList<>();
        Run first = submit(http, base, token, pool, pool.size(), clients);
        for (int i = 0; i < pool.size(); i++) {
            if (first.passed[i]) {
                checked.add(pool.get(i));
            }
        }
        System.out.printf("warm-up: %d of %d pooled proposals passed and were priced (%d answers were not 201)%n",
                checked.size(), pool.size(), first.failures.get());
        if (checked.size() < Math.min(100, pool.size() / 2)) {
            System.out.println("too few passing proposals: " + first.firstFailure.get());
            return false;
        }
        if (warmUp > pool.size()) {
            submit(http, base, token, checked, warmUp - pool.size(), clients);
        }

        token = token(http, tokenUrl);
        long submittedBefore;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, System.getenv().getOrDefault("PGUSER", "postgres"),
                System.getenv().getOrDefault("PGPASSWORD", ""))) {
            submittedBefore = submittedEvents(c);
        }
        java.util.Map<String, long[]> tablesBefore = tableActivity(jdbcUrl);
        long[] cpuBefore = cpuTicks();
        Run timed = submit(http, base, token, checked, n, clients);
        long[] cpuAfter = cpuTicks();
        long submittedAfter;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, System.getenv().getOrDefault("PGUSER", "postgres"),
                System.getenv().getOrDefault("PGPASSWORD", ""))) {
            submittedAfter = submittedEvents(c);
        }
        // PostgreSQL 15 publishes a backend's counters within a second of a busy backend's transaction, within ten
        // of an idle one's: wait, then what the timed submissions did to each table, per submission.
        Thread.sleep(11_000);
        printTableActivity(tablesBefore, tableActivity(jdbcUrl), n);
        double[] inserts = rawInserts(jdbcUrl, n, clients);
        double[] floor = floor(jdbcUrl, n, clients);

        long ok = 0;
        for (boolean passed : timed.passed) {
            ok += passed ? 1 : 0;
        }
        double perSecond = n / (timed.wallNanos / 1e9);
        Arrays.sort(timed.nanos);
        System.out.println();
        System.out.println("| what | clients | n | per second | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| permit submissions over HTTP | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n", clients, n,
                perSecond, ms(timed.nanos, 0.50), ms(timed.nanos, 0.90), ms(timed.nanos, 0.99), timed.nanos[n - 1] / 1e6);
        System.out.printf(Locale.ROOT, "| raw PostgreSQL single-row inserts (JDBC, autocommit) | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
                clients, n, inserts[0], inserts[1], inserts[2], inserts[3], inserts[4]);
        System.out.printf(Locale.ROOT, "| a submission's database work alone (JDBC, see `floor`) | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
                clients, n, floor[0], floor[1], floor[2], floor[3], floor[4]);
        System.out.printf(Locale.ROOT, "%nsubmissions / raw inserts = %.3f (1 submission per %.1f inserts)%n",
                perSecond / inserts[0], inserts[0] / perSecond);
        System.out.printf(Locale.ROOT, "submissions / their database work alone = %.3f%n", perSecond / floor[0]);
        System.out.printf("answers: %d passed and priced, %d not 201, %d 201 but not passed and priced%n", ok,
                timed.failures.get(), n - ok - timed.failures.get());
        System.out.printf("PermitApplicationSubmitted events in the store: %d before, %d after (+%d, expected +%d)%n",
                submittedBefore, submittedAfter, submittedAfter - submittedBefore, ok);
        if (cpuBefore != null && cpuAfter != null) {
            // CPU time per submission by who spent it, from /proc (ticks of 10 ms): where the two cores went.
            String[] who = {"command side", "PostgreSQL (all its processes)", "this client", "everything else on the machine"};
            long[] spent = new long[4];
            for (int i = 0; i < 4; i++) {
                spent[i] = cpuAfter[i] - cpuBefore[i];
            }
            spent[3] = (cpuAfter[4] - cpuBefore[4]) - spent[0] - spent[1] - spent[2];
            System.out.printf(Locale.ROOT, "CPU during the timed submissions (%.1f s, %d cores):", timed.wallNanos / 1e9,
                    Runtime.getRuntime().availableProcessors());
            for (int i = 0; i < 4; i++) {
                System.out.printf(Locale.ROOT, " %s %.2f ms/submission (%.0f%% of a core);", who[i], spent[i] * 10.0 / n,
                        spent[i] * 10.0 / (timed.wallNanos / 1e6) * 100);
            }
            System.out.println();
        }
        boolean clean = ok == n && submittedAfter - submittedBefore == n;
        if (!clean) {
            System.out.println("FAILED: " + timed.firstFailure.get());
        }
        return clean;
    }

    /** One small, valid PDF uploaded as the citizen; the reference every submission cites, without its kind. */
    private static String uploadPdf(HttpClient http, String base, String token) throws IOException, InterruptedException {
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/documents"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofString(pdf, StandardCharsets.US_ASCII)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher sha = Pattern.compile("\"sha256\":\"([0-9a-f]{64})\"").matcher(response.body());
        Matcher size = Pattern.compile("\"sizeBytes\":(\\d+)").matcher(response.body());
        if (response.statusCode() != 201 || !sha.find() || !size.find()) {
            throw new IllegalStateException("Upload answered " + response.statusCode() + ": " + response.body());
        }
        System.out.printf("uploaded a %s-byte PDF, sha256 %s%n", size.group(1), sha.group(1));
        return "\"mediaType\":\"application/pdf\",\"sizeBytes\":" + size.group(1) + ",\"sha256\":\"" + sha.group(1) + "\"}";
    }

    /**
     * Residential assessments of distinct sampled parcels, kept when the rulebook determined every limit the check
     * reads and allows a storey, each with the largest house it allows: as many storeys as allowed, each the footprint
     * allowed or its share of the gross area, one unit and its parking.
     */
    private static List<Prepared> preparePool(HttpClient http, String base, String token, List<Sample> samples, Random random,
                                              int size, String document) throws Exception {
        List<Sample> shuffled = new ArrayList<>(samples);
        java.util.Collections.shuffle(shuffled, random);
        List<Prepared> pool = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger issued = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < 4; t++) {
            running.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < shuffled.size() && pool.size() < size; i = next.getAndIncrement()) {
                    Sample s = shuffled.get(i);
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/assessments"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"municipality\":\"" + s.slug() + "\",\"plate\":\""
                                    + s.plate() + "\",\"intendedUse\":\"RESIDENTIAL\"}")).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException(s + " answered " + response.statusCode() + ": " + response.body());
                    }
                    issued.incrementAndGet();
                    Prepared prepared = largestHouse(response.body(), document);
                    if (prepared != null) {
                        pool.add(prepared);
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : running) {
            f.get();
        }
        threads.shutdown();
        System.out.printf(Locale.ROOT, "issued %d assessments in %.1f s; %d allow a house with every limit determined%n",
                issued.get(), (System.nanoTime() - started) / 1e9, pool.size());
        if (pool.isEmpty()) {
            throw new IllegalStateException("No assessed parcel allows a house");
        }
        return new ArrayList<>(pool.subList(0, Math.min(size, pool.size())));
    }

    /** The submission of the largest house the assessment allows, or null if it allows none that the check can pass. */
    static Prepared largestHouse(String assessment, String document) {
        Matcher id = Pattern.compile("\"assessmentId\":\"([^\"]+)\"").matcher(assessment);
        if (!id.find()) {
            throw new IllegalStateException("No assessmentId in " + assessment);
        }
        // The combined outputs are the outcome's last list; the zone portions' outputs come before it.
        Matcher m = OUTPUT.matcher(assessment.substring(assessment.lastIndexOf("\"outputs\":[")));
        java.util.Map<String, String> outputs = new java.util.HashMap<>();
        while (m.find()) {
            outputs.put(m.group(1), "DETERMINED".equals(m.group(2)) ? m.group(3) : null);
        }
        for (String name : List.of("max-floors", "max-footprint-m2", "max-gross-floor-area-m2", "required-parking", "max-units")) {
            if (outputs.get(name) == null || outputs.get(name).isBlank()) {
                return null;
            }
        }
        if (!"true".equals(outputs.get("intended-use-permitted")) || !"true".equals(outputs.get("min-lot-size-met"))) {
            return null;
        }
        int floors = Integer.parseInt(outputs.get("max-floors"));
        java.math.BigDecimal footprint = new java.math.BigDecimal(outputs.get("max-footprint-m2"));
        java.math.BigDecimal area = new java.math.BigDecimal(outputs.get("max-gross-floor-area-m2"));
        java.math.BigDecimal units = new java.math.BigDecimal(outputs.get("max-units"));
        java.math.BigDecimal required = new java.math.BigDecimal(outputs.get("required-parking"));
        if (floors <= 0 || footprint.signum() <= 0 || area.signum() <= 0 || units.signum() <= 0) {
            return null;
        }
        java.math.BigDecimal perFloor = footprint.min(area.divide(java.math.BigDecimal.valueOf(floors), 2, java.math.RoundingMode.DOWN));
        int parking = required.divide(units, 0, java.math.RoundingMode.CEILING).intValue();
        StringBuilder storeys = new StringBuilder();
        for (int level = 0; level < floors; level++) {
            storeys.append(level == 0 ? "" : ",").append("{\"level\":").append(level)
                    .append(",\"kind\":\"STOREY\",\"use\":\"RESIDENTIAL\",\"grossAreaM2\":").append(perFloor.toPlainString()).append('}');
        }
        String body = "{\"assessmentId\":\"" + id.group(1) + "\",\"building\":{\"use\":\"RESIDENTIAL\",\"floors\":[" + storeys
                + "],\"footprintM2\":" + perFloor.toPlainString() + ",\"units\":1,\"parkingSpaces\":" + parking
                + ",\"heightM\":" + (3.5 * floors) + ",\"commercialStoreyHeightM\":null},"
                + "\"ownershipDocument\":{\"kind\":\"OWNERSHIP_DEED\",\"fileName\":\"sanad.pdf\"," + document + ","
                + "\"documents\":[{\"kind\":\"ARCHITECTURAL_DRAWINGS\",\"fileName\":\"memari.pdf\"," + document
                + ",{\"kind\":\"STRUCTURAL_DRAWINGS\",\"fileName\":\"saze.pdf\"," + document + "]}";
        return new Prepared(id.group(1), body);
    }

    /** What a run of submissions gave: each request's time, whether it passed and was priced, and what failed. */
    record Run(long[] nanos, boolean[] passed, long wallNanos, java.util.concurrent.atomic.AtomicInteger failures,
               java.util.concurrent.atomic.AtomicReference<String> firstFailure) {
    }

    private static final Pattern PASSED_AND_PRICED = Pattern.compile(
            "\"stage\":\"AWAITING_PAYMENT\",\"complianceResult\":\"PASSED\",\"violatedRules\":\\[\\],\"dueRials\":[1-9]");

    /**
     * {@code n} submissions (each a new application) by {@code clients} concurrent clients, cycling through the pool.
     * Each client is one thread with its own kept-alive connection ({@link Connection}), sending requests built once
     * per run: the bearer token, JSON content type and length, and the body, as bytes.
     */
    private static Run submit(HttpClient http, String base, String token, List<Prepared> pool, int n, int clients)
            throws Exception {
        URI uri = URI.create(base + "/api/permit-applications");
        List<byte[]> requests = new ArrayList<>();
        for (Prepared prepared : pool) {
            requests.add(Connection.post(uri, token, prepared.body()));
        }
        long[] nanos = new long[n];
        boolean[] passed = new boolean[n];
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            running.add(threads.submit(() -> {
                try (Connection connection = new Connection(uri.getHost(), uri.getPort())) {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        Prepared prepared = pool.get(i % pool.size());
                        long t = System.nanoTime();
                        Connection.Answer response;
                        try {
                            response = connection.exchange(requests.get(i % pool.size()));
                        } catch (IOException e) {
                            nanos[i] = System.nanoTime() - t;
                            connection.close();
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, "request " + i + ": " + e);
                            continue;
                        }
                        nanos[i] = System.nanoTime() - t;
                        if (response.status() != 201) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, "assessment " + prepared.assessmentId() + " answered "
                                    + response.status() + ": " + response.text());
                        } else if (passedAndPriced(response.body())) {
                            passed[i] = true;
                        } else {
                            String text = response.text();
                            firstFailure.compareAndSet(null, "assessment " + prepared.assessmentId() + " was not passed and priced: "
                                    + text.substring(0, Math.min(600, text.length())));
                        }
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : running) {
            f.get();
        }
        long wall = System.nanoTime() - started;
        threads.shutdown();
        return new Run(nanos, passed, wall, failures, firstFailure);
    }

    private static final byte[] PASSED_AND_PRICED_PREFIX = ("\"stage\":\"AWAITING_PAYMENT\",\"complianceResult\":\"PASSED\","
            + "\"violatedRules\":[],\"dueRials\":").getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether a receipt says passed and priced, as {@link #PASSED_AND_PRICED} matches it (the stage, the result, no
     * violated rule and a positive amount due, in that order), by a search of the bytes. {@code main} checks the two
     * agree before a run.
     */
    static boolean passedAndPriced(byte[] body) {
        byte[] prefix = PASSED_AND_PRICED_PREFIX;
        outer:
        for (int i = 0; i + prefix.length < body.length; i++) {
            for (int j = 0; j < prefix.length; j++) {
                if (body[i + j] != prefix[j]) {
                    continue outer;
                }
            }
            byte digit = body[i + prefix.length];
            if (digit >= '1' && digit <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * The submissions' own client and answer check against what they replace, run before every submissions run (and
     * alone as {@code selftest}): a local server answers with a length, in chunks (with an extension and a trailer),
     * and with {@code Connection: close}, and {@link #passedAndPriced} must agree with {@link #PASSED_AND_PRICED} on
     * passing, failing, unpriced and Persian answers.
     */
    static void selfTest() throws Exception {
        String passing = "{\"applicationId\":\"x\",\"version\":2,\"stage\":\"AWAITING_PAYMENT\",\"complianceResult\":\"PASSED\","
                + "\"violatedRules\":[],\"dueRials\":5000000,\"recorded\":[{\"actorName\":\"مریم احمدی\"}]}";
        List<String> bodies = List.of(passing, passing.replace("5000000", "0"), passing.replace("PASSED", "FAILED"),
                passing.replace("[]", "[{\"rule\":\"max-floors\"}]"), passing.replace("AWAITING_PAYMENT", "RETURNED_FOR_CORRECTION"),
                passing.replace(",\"recorded\"", "").replace("5000000}", "5"), passing.substring(0, passing.indexOf("5000000")), "");
        for (String body : bodies) {
            if (passedAndPriced(body.getBytes(StandardCharsets.UTF_8)) != PASSED_AND_PRICED.matcher(body).find()) {
                throw new IllegalStateException("the byte search and the pattern disagree on " + body);
            }
        }
        byte[] json = passing.getBytes(StandardCharsets.UTF_8);
        int split = 40;
        List<byte[]> answers = List.of(
                concat(("HTTP/1.1 201 \r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), json),
                concat(("HTTP/1.1 201 \r\ntransfer-encoding: chunked\r\n\r\n" + Integer.toHexString(split) + ";x=y\r\n").getBytes(StandardCharsets.US_ASCII),
                        Arrays.copyOf(json, split), ("\r\n" + Integer.toHexString(json.length - split) + "\r\n").getBytes(StandardCharsets.US_ASCII),
                        Arrays.copyOfRange(json, split, json.length), "\r\n0\r\nX-Trailer: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                concat(("HTTP/1.1 400 \r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII)));
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 4, java.net.InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> {
                int answered = 0;
                while (answered < 2 * answers.size()) {
                    try (java.net.Socket s = server.accept()) {
                        accepted.incrementAndGet();
                        java.io.InputStream in = s.getInputStream();
                        while (answered < 2 * answers.size()) {
                            int read = in.read(new byte[4096]);
                            if (read < 0) {
                                break;
                            }
                            byte[] answer = answers.get(answered++ % answers.size());
                            s.getOutputStream().write(answer);
                            if (new String(answer, StandardCharsets.US_ASCII).contains("Connection: close")) {
                                break;
                            }
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            serving.start();
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/permit-applications");
            try (Connection connection = new Connection(uri.getHost(), uri.getPort())) {
                for (int round = 0; round < 2; round++) {
                    for (byte[] expected : answers) {
                        Connection.Answer answer = connection.exchange(Connection.post(uri, "t0k3n", "{}"));
                        int status = Integer.parseInt(new String(expected, 9, 3, StandardCharsets.US_ASCII));
                        byte[] body = status == 201 ? json : "{}".getBytes(StandardCharsets.US_ASCII);
                        if (answer.status() != status || !Arrays.equals(answer.body(), body)) {
                            throw new IllegalStateException("the client read " + answer.status() + " " + answer.text());
                        }
                    }
                }
            }
            serving.join(5_000);
        }
        if (accepted.get() != 2) {
            throw new IllegalStateException("the client did not reconnect after Connection: close (" + accepted.get() + " connections)");
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /**
     * The benchmark's own HTTP/1.1 client for the submissions (the JDK's {@code HttpClient} spent about a tenth of the
     * machine's CPU in its own machinery at 16 clients, issue 5): one blocking socket kept alive, requests written as
     * prepared bytes, answers read whole (with a {@code Content-Length} or chunked), reconnecting when the server closes
     * the connection ({@code Connection: close}, as Tomcat does after 100 requests on one) or on a failure.
     */
    static final class Connection implements AutoCloseable {

        /** A status and the body's bytes; {@link #text()} decodes them (for failure messages only). */
        record Answer(int status, byte[] body) {
            String text() {
                return new String(body, StandardCharsets.UTF_8);
            }
        }

        private final String host;
        private final int port;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;
        private byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;

        Connection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        static byte[] post(URI uri, String token, String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            return request;
        }

        Answer exchange(byte[] request) throws IOException {
            if (socket == null) {
                socket = new java.net.Socket(host, port);
                socket.setTcpNoDelay(true);
                in = socket.getInputStream();
                out = socket.getOutputStream();
                start = end = 0;
            }
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.toLowerCase(Locale.ROOT).contains("close");
                }
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(8 * 1024);
            if (chunked) {
                for (int size = chunkSize(line()); size > 0; size = chunkSize(line())) {
                    read(size, body);
                    if (!line().isEmpty()) {
                        throw new IOException("a chunk not followed by CRLF");
                    }
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                read((int) length, body);
            } else {
                throw new IOException("an answer with neither a length nor chunks");
            }
            if (close) {
                close();
            }
            return new Answer(status, body.toByteArray());
        }

        private static int chunkSize(String line) {
            int extension = line.indexOf(';');
            return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        }

        /** The next line, without its CRLF. */
        private String line() throws IOException {
            while (true) {
                for (int i = start; i + 1 < end; i++) {
                    if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                        String line = new String(buffer, start, i - start, StandardCharsets.ISO_8859_1);
                        start = i + 2;
                        return line;
                    }
                }
                fill();
            }
        }

        private void read(int count, java.io.ByteArrayOutputStream into) throws IOException {
            while (count > 0) {
                if (start == end) {
                    fill();
                }
                int take = Math.min(count, end - start);
                into.write(buffer, start, take);
                start += take;
                count -= take;
            }
        }

        private void fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                throw new IOException("the server closed the connection");
            }
            end += read;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    /**
     * CPU ticks (user + system, USER_HZ = 100) of the command side (its pid in {@code -Dbench.appPid}), of every
     * PostgreSQL process, of this client, and of the whole machine (all cores; idle, I/O wait and steal excluded); null
     * where /proc is not there or no pid was given.
     */
    static long[] cpuTicks() {
        String app = System.getProperty("bench.appPid");
        Path proc = Path.of("/proc");
        if (app == null || !Files.isDirectory(proc)) {
            return null;
        }
        try {
            long postgres = 0;
            try (var pids = Files.list(proc)) {
                for (Path dir : pids.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        if (stat.contains("(postgres)")) {
                            postgres += ticks(stat);
                        }
                    } catch (IOException gone) {
                        // a backend that ended meanwhile
                    }
                }
            }
            String[] all = Files.readAllLines(proc.resolve("stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < all.length && i <= 7; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(all[i]);
            }
            return new long[]{ticks(Files.readString(proc.resolve(app).resolve("stat"))), postgres,
                    ticks(Files.readString(proc.resolve(String.valueOf(ProcessHandle.current().pid())).resolve("stat"))), 0, busy};
        } catch (IOException e) {
            return null;
        }
    }

    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static final String[] ACTIVITY = {"inserted", "updated", "deleted", "index scans", "sequential scans",
            "rows read by index"};

    /**
     * Per table of the database (and "transactions" for the database itself): rows inserted, updated, deleted,
     * index scans, sequential scans and rows fetched by index, as PostgreSQL's statistics count them.
     */
    static java.util.Map<String, long[]> tableActivity(String jdbcUrl) throws java.sql.SQLException {
        java.util.Map<String, long[]> activity = new java.util.TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, System.getenv().getOrDefault("PGUSER", "postgres"),
                System.getenv().getOrDefault("PGPASSWORD", ""));
             java.sql.Statement s = c.createStatement()) {
            try (java.sql.ResultSet r = s.executeQuery("SELECT schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del,"
                    + " coalesce(idx_scan, 0), coalesce(seq_scan, 0), coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables")) {
                while (r.next()) {
                    activity.put(r.getString(1), new long[]{r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7)});
                }
            }
            try (java.sql.ResultSet r = s.executeQuery("SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
                r.next();
                activity.put(" transactions", new long[]{r.getLong(1), r.getLong(2), 0, 0, 0, 0});
            }
        }
        return activity;
    }

    static void printTableActivity(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after, int n) {
        System.out.printf("%nper submission, by table (PostgreSQL's counters over the timed phase, the benchmark's own few queries included):%n");
        for (var entry : after.entrySet()) {
            long[] was = before.getOrDefault(entry.getKey(), new long[6]);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                long delta = entry.getValue()[i] - was[i];
                if (delta != 0) {
                    String label = entry.getKey().equals(" transactions") ? (i == 0 ? "committed" : "rolled back") : ACTIVITY[i];
                    line.append(String.format(Locale.ROOT, " %s %.2f;", label, delta / (double) n));
                }
            }
            if (line.length() > 0) {
                System.out.println("  " + entry.getKey().strip() + ":" + line);
            }
        }
    }

    private static long submittedEvents(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM axon.domainevententry WHERE payloadtype = "
                     + "'ir.parvaneh.kernel.permit.PermitApplicationEvent$PermitApplicationSubmitted'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Raw PostgreSQL: {@code n} single-row inserts from {@code clients} connections (autocommit, one row per
     * transaction) into a scratch table of a uuid, a text and a ~2 KB jsonb, after a warm-up of a tenth.
     * Returns rows per second, p50, p90, p99 and max in ms.
     */
    static double[] rawInserts(String jdbcUrl, int n, int clients) throws Exception {
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, user, password);
             java.sql.Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS public.bench_raw_insert");
            s.execute("CREATE TABLE public.bench_raw_insert (id uuid PRIMARY KEY, label text NOT NULL, body jsonb NOT NULL)");
        }
        StringBuilder json = new StringBuilder("{\"kind\":\"bench\",\"lines\":[");
        for (int i = 0; json.length() < 2_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"DENSITY\",\"floor\":").append(i)
                    .append(",\"amountRials\":").append(1_000_000 + i).append(",\"explanation\":\"P × 1.5 × area\"}");
        }
        String body = json.append("]}").toString();
        double[] warm = insertRun(jdbcUrl, user, password, Math.max(1_000, n / 10), clients, body);
        double[] figures = insertRun(jdbcUrl, user, password, n, clients, body);
        System.out.printf("raw inserts: a row of %d bytes of JSON; warm-up %.0f rows/s%n", body.length(), warm[0]);
        return figures;
    }

    private static double[] insertRun(String jdbcUrl, String user, String password, int n, int clients, String body)
            throws Exception {
        long[] nanos = new long[n];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.sql.Connection> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            connections.add(java.sql.DriverManager.getConnection(jdbcUrl, user, password));
        }
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (java.sql.Connection connection : connections) {
            running.add(threads.submit(() -> {
                connection.setAutoCommit(true);
                try (java.sql.PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO public.bench_raw_insert (id, label, body) VALUES (?, ?, ?::jsonb)")) {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        insert.setObject(1, java.util.UUID.randomUUID());
                        insert.setString(2, "row " + i);
                        insert.setString(3, body);
                        insert.executeUpdate();
                        nanos[i] = System.nanoTime() - t;
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : running) {
            f.get();
        }
        long wall = System.nanoTime() - started;
        threads.shutdown();
        for (java.sql.Connection connection : connections) {
            connection.close();
        }
        Arrays.sort(nanos);
        return new double[]{n / (wall / 1e9), ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[n - 1] / 1e6};
    }

    /**
     * The floor under a permit submission on this machine: from {@code clients} JDBC connections, {@code n} times
     * exactly the SQL one submission makes the database run, with nothing of the application around it, and
     * PostgreSQL's CPU for it. Statements as the command side sends them (Axon 4.13's JDBC event store, db-scheduler
     * 16, the command side's own processors, read from their code and checked against PostgreSQL's per-table counters
     * of a submissions run, which {@link #submissions} prints):
     * <ol>
     *   <li>(the cited assessment's events, {@code SELECT … FROM domainevententry WHERE aggregateidentifier = ? AND
     *       sequencenumber >= ? … ORDER BY sequencenumber}: no longer per submission, the command side keeps recorded
     *       assessments; not replayed)</li>
     *   <li>one transaction, as the command's unit of work:
     *     <ol>
     *       <li>the new aggregate's load: its events, {@code SELECT … FROM domainevententry WHERE
     *           aggregateidentifier = ? AND sequencenumber >= ? AND sequencenumber < ? ORDER BY sequencenumber ASC}
     *           (empty; no snapshot query before it since the command side's event store knows it holds no
     *           snapshots);</li>
     *       <li>the payment deadline: db-scheduler's {@code SELECT * FROM scheduled_tasks WHERE task_name = ? AND
     *           task_instance = ?}, then {@code INSERT INTO scheduled_tasks (task_name, task_instance, task_data,
     *           execution_time, picked, version, priority) VALUES (…)} with the task data of a real deadline row;</li>
     *       <li>the three events, one batched {@code INSERT INTO domainevententry (eventidentifier,
     *           aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, payload, metadata)
     *           VALUES (…)}, with the payloads and metadata of a real submission's three rows of the run (the global
     *           index from its sequence);</li>
     *       <li>commit.</li>
     *     </ol></li>
     *   <li>the review queue's processor, which reads every appended event through the embedded event store's reader:
     *       beside the submissions, one connection that, woken by commits as that reader is, runs {@code SELECT … FROM
     *       domainevententry WHERE globalindex > ? ORDER BY globalindex ASC LIMIT 100} until it finds nothing new, and about every
     *       hundred events {@code UPDATE tokenentry SET token = ?, tokentype = ?, timestamp = ? WHERE owner = ? AND
     *       processorname = ? AND segment = ?} (the counters of a run: 0.03 token updates and about two index scans of
     *       the event table beyond the aggregate's load per submission); a passing, priced submission writes no queue
     *       row (it joins the queue when paid).</li>
     * </ol>
     * Not replayed, as not per submission or not SQL: documents are checked on the filesystem, the rulebook comes
     * from memory, db-scheduler's polling (every 10 s) and the coordinator's claim extensions. The tables are copies
     * (structure, indexes and the run's rows) of {@code axon.domainevententry},
     * {@code command.scheduled_tasks} and {@code command.tokenentry}, so that nothing reaches the running command side.
     * Returns submissions per second, p50, p90, p99 and max in ms, and PostgreSQL's CPU ms per submission.
     */
    static double[] floor(String jdbcUrl, int n, int clients) throws Exception {
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        List<Object[]> events = new ArrayList<>();
        Object[] deadline;
        Object[] token;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, user, password);
             java.sql.Statement s = c.createStatement()) {
            String application;
            try (java.sql.ResultSet r = s.executeQuery("SELECT aggregateidentifier FROM axon.domainevententry WHERE payloadtype = "
                    + "'ir.parvaneh.kernel.permit.PermitApplicationEvent$FeesAssessed' ORDER BY globalindex DESC LIMIT 1")) {
                if (!r.next()) {
                    throw new IllegalStateException("no priced submission in the store: run the submissions first");
                }
                application = r.getString(1);
            }
            try (java.sql.PreparedStatement q = c.prepareStatement("SELECT type, timestamp, payloadtype, payloadrevision, payload, "
                    + "metadata FROM axon.domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
                q.setString(1, application);
                try (java.sql.ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        events.add(new Object[]{r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getBytes(5), r.getBytes(6)});
                    }
                }
            }
            try (java.sql.PreparedStatement q = c.prepareStatement("SELECT task_name, task_data, execution_time, priority "
                    + "FROM command.scheduled_tasks WHERE position(convert_to(?, 'UTF8') IN task_data) > 0 LIMIT 1")) {
                q.setString(1, application);
                try (java.sql.ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException("no deadline row for " + application);
                    }
                    deadline = new Object[]{r.getString(1), r.getBytes(2), r.getTimestamp(3), r.getObject(4)};
                }
            }
            try (java.sql.ResultSet r = s.executeQuery("SELECT processorname, segment, token, tokentype, owner FROM command.tokenentry "
                    + "WHERE processorname = 'review-queue' LIMIT 1")) {
                token = r.next() ? new Object[]{r.getString(1), r.getInt(2), r.getBytes(3), r.getString(4), r.getString(5)}
                        : new Object[]{"review-queue", 0, new byte[64], "org.axonframework.eventhandling.GlobalSequenceTrackingToken", "bench"};
            }
            s.execute("DROP TABLE IF EXISTS public.floor_domainevententry, public.floor_snapshotevententry, "
                    + "public.floor_scheduled_tasks, public.floor_tokenentry");
            s.execute("CREATE TABLE public.floor_domainevententry (LIKE axon.domainevententry INCLUDING ALL)");
            s.execute("INSERT INTO public.floor_domainevententry SELECT * FROM axon.domainevententry");
            s.execute("CREATE TABLE public.floor_scheduled_tasks (LIKE command.scheduled_tasks INCLUDING ALL)");
            s.execute("INSERT INTO public.floor_scheduled_tasks SELECT * FROM command.scheduled_tasks");
            s.execute("CREATE TABLE public.floor_tokenentry (LIKE command.tokenentry INCLUDING ALL)");
            try (java.sql.PreparedStatement q = c.prepareStatement("INSERT INTO public.floor_tokenentry (processorname, segment, "
                    + "token, tokentype, timestamp, owner) VALUES (?, ?, ?, ?, ?, ?)")) {
                q.setString(1, (String) token[0]);
                q.setInt(2, (Integer) token[1]);
                q.setBytes(3, (byte[]) token[2]);
                q.setString(4, (String) token[3]);
                q.setString(5, java.time.Instant.now().toString());
                q.setString(6, (String) token[4]);
                q.executeUpdate();
            }
            s.execute("ANALYZE public.floor_domainevententry, public.floor_scheduled_tasks, public.floor_tokenentry");
        }
        int bytes = 0;
        for (Object[] e : events) {
            bytes += ((byte[]) e[4]).length + (e[5] == null ? 0 : ((byte[]) e[5]).length);
        }
        System.out.printf("database work alone: %d events of a real submission (%d bytes of payload and metadata), a deadline row of %d bytes%n",
                events.size(), bytes, ((byte[]) deadline[1]).length);
        floorRun(jdbcUrl, user, password, Math.max(500, n / 10), clients, events, deadline, token);
        java.util.Map<String, long[]> tablesBefore = tableActivity(jdbcUrl);
        double[] figures = floorRun(jdbcUrl, user, password, n, clients, events, deadline, token);
        Thread.sleep(11_000);
        printTableActivity(tablesBefore, tableActivity(jdbcUrl), n);
        double pgMs = figures[5] * 10.0 / n;
        System.out.printf(Locale.ROOT, "database work of a submission alone: %.0f/s, PG CPU %.2f ms per submission%n", figures[0], pgMs);
        return new double[]{figures[0], figures[1], figures[2], figures[3], figures[4], pgMs};
    }

    private static double[] floorRun(String jdbcUrl, String user, String password, int n, int clients, List<Object[]> events,
                                     Object[] deadline, Object[] token) throws Exception {
        long[] nanos = new long[n];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(clients + 1);
        List<java.sql.Connection> connections = new ArrayList<>();
        for (int c = 0; c <= clients; c++) {
            connections.add(java.sql.DriverManager.getConnection(jdbcUrl, user, password));
        }
        String select = "SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype, "
                + "payloadrevision, payload, metadata FROM public.floor_domainevententry ";
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        // PostgreSQL's CPU is read while the run's backends live: a backend's ticks leave /proc with it.
        long[] cpuBefore = cpuTicks();
        long started = System.nanoTime();
        for (java.sql.Connection connection : connections.subList(0, clients)) {
            running.add(threads.submit(() -> {
                connection.setAutoCommit(false);
                try (java.sql.PreparedStatement load = connection.prepareStatement(select
                             + "WHERE aggregateidentifier = ? AND sequencenumber >= ? AND sequencenumber < ? ORDER BY sequencenumber ASC");
                     java.sql.PreparedStatement task = connection.prepareStatement(
                             "SELECT * FROM public.floor_scheduled_tasks WHERE task_name = ? AND task_instance = ?");
                     java.sql.PreparedStatement schedule = connection.prepareStatement("INSERT INTO public.floor_scheduled_tasks "
                             + "(task_name, task_instance, task_data, execution_time, picked, version, priority) VALUES (?, ?, ?, ?, ?, ?, ?)");
                     java.sql.PreparedStatement append = connection.prepareStatement("INSERT INTO public.floor_domainevententry "
                             + "(eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, "
                             + "payload, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        String aggregate = java.util.UUID.randomUUID().toString();
                        load.setString(1, aggregate);
                        load.setLong(2, 0);
                        load.setLong(3, 100);
                        drain(load);
                        String instance = aggregate + "-" + java.util.UUID.randomUUID();
                        task.setString(1, (String) deadline[0]);
                        task.setString(2, instance);
                        drain(task);
                        schedule.setString(1, (String) deadline[0]);
                        schedule.setString(2, instance);
                        schedule.setBytes(3, (byte[]) deadline[1]);
                        schedule.setTimestamp(4, (java.sql.Timestamp) deadline[2]);
                        schedule.setBoolean(5, false);
                        schedule.setLong(6, 1);
                        schedule.setObject(7, deadline[3], java.sql.Types.SMALLINT);
                        schedule.executeUpdate();
                        for (int e = 0; e < events.size(); e++) {
                            Object[] event = events.get(e);
                            append.setString(1, java.util.UUID.randomUUID().toString());
                            append.setString(2, aggregate);
                            append.setLong(3, e);
                            append.setString(4, (String) event[0]);
                            append.setString(5, (String) event[1]);
                            append.setString(6, (String) event[2]);
                            append.setString(7, (String) event[3]);
                            append.setBytes(8, (byte[]) event[4]);
                            append.setBytes(9, (byte[]) event[5]);
                            append.addBatch();
                        }
                        append.executeBatch();
                        connection.commit();
                        commits.incrementAndGet();
                        nanos[i] = System.nanoTime() - t;
                    }
                }
                return null;
            }));
        }
        // The review queue's processor, following the appended events batch by batch as its work package does.
        java.sql.Connection follower = connections.get(clients);
        java.util.concurrent.Future<?> following = threads.submit(() -> {
            follower.setAutoCommit(false);
            long position;
            try (java.sql.Statement s = follower.createStatement();
                 java.sql.ResultSet r = s.executeQuery("SELECT coalesce(max(globalindex), 0) FROM public.floor_domainevententry")) {
                r.next();
                position = r.getLong(1);
            }
            follower.commit();
            long seen = 0;
            long tokenAt = position;
            try (java.sql.PreparedStatement read = follower.prepareStatement(select + "WHERE globalindex > ? ORDER BY globalindex ASC LIMIT 100");
                 java.sql.PreparedStatement store = follower.prepareStatement("UPDATE public.floor_tokenentry SET token = ?, "
                         + "tokentype = ?, timestamp = ? WHERE owner = ? AND processorname = ? AND segment = ?")) {
                while (!done.get()) {
                    // As Axon's embedded store: a commit in this JVM wakes its reader, which fetches what is new.
                    if (commits.get() == seen) {
                        java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                        continue;
                    }
                    seen = commits.get();
                    // It reads until a read finds nothing new.
                    for (boolean found = true; found; ) {
                        found = false;
                        read.setLong(1, position);
                        try (java.sql.ResultSet r = read.executeQuery()) {
                            while (r.next()) {
                                found = true;
                                position = r.getLong(1);
                                r.getBytes(9);
                                r.getBytes(10);
                            }
                        }
                    }
                    // The processor stores its token once per batch: about every hundred events in the runs measured.
                    if (position - tokenAt < 100) {
                        follower.commit();
                        continue;
                    }
                    tokenAt = position;
                    store.setBytes(1, ("{\"index\":" + position + "}").getBytes(StandardCharsets.UTF_8));
                    store.setString(2, (String) token[3]);
                    store.setString(3, java.time.Instant.now().toString());
                    store.setString(4, (String) token[4]);
                    store.setString(5, (String) token[0]);
                    store.setInt(6, (Integer) token[1]);
                    store.executeUpdate();
                    follower.commit();
                }
            }
            return null;
        });
        for (java.util.concurrent.Future<?> f : running) {
            f.get();
        }
        long wall = System.nanoTime() - started;
        done.set(true);
        following.get();
        long[] cpuAfter = cpuTicks();
        threads.shutdown();
        for (java.sql.Connection connection : connections) {
            connection.close();
        }
        Arrays.sort(nanos);
        return new double[]{n / (wall / 1e9), ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[n - 1] / 1e6,
                cpuBefore == null || cpuAfter == null ? Double.NaN : cpuAfter[1] - cpuBefore[1]};
    }

    private static void drain(java.sql.PreparedStatement query) throws java.sql.SQLException {
        try (java.sql.ResultSet r = query.executeQuery()) {
            while (r.next()) {
                r.getObject(1);
            }
        }
    }

    /** A citizen's access token from the identity provider (the demo realm's citizen 0012345679). */
    private static String token(HttpClient http, String tokenUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=parvaneh-web&username=0012345679&password=parvaneh")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("No token from " + tokenUrl + ": " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    interface Url {
        String of(Sample sample);
    }

    private static String pointUrl(String base, Sample s) {
        return String.format(Locale.ROOT, "%s/api/parcels/at?lat=%.7f&lon=%.7f", base, s.lat(), s.lon());
    }

    private static String factsUrl(String base, Sample s) {
        return base + "/api/parcels/facts?municipality=" + s.slug() + "&plate="
                + URLEncoder.encode(s.plate(), StandardCharsets.UTF_8);
    }

    private static void time(HttpClient http, String label, List<Sample> samples, Random random, int n, Url url)
            throws IOException, InterruptedException {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            Sample sample = samples.get(random.nextInt(samples.size()));
            long started = System.nanoTime();
            HttpResponse<String> response = get(http, url.of(sample));
            nanos[i] = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url.of(sample) + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        if (label.equals("warm-up")) {
            return;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", label, n,
                ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[n - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
