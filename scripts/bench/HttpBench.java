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
 * Look-ups follow a warm-up of a fifth as many requests.
 */
public class HttpBench {

    record Sample(String slug, String plate, double lat, double lon) {
    }

    private static final Pattern PARCEL = Pattern.compile(
            "\"plate\":\"([^\"]+)\".*?\"latitude\":([0-9.]+),\"longitude\":([0-9.]+)");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "lookups";
        String base = args.length > 1 ? args[1] : "http://127.0.0.1:8081";
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Sample> samples = sample(http, base, Path.of("command-side/src/main/resources/demo/qazvin-province-cities.csv"));
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
        } else {
            throw new IllegalArgumentException("modes: lookups, assessments");
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
