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
 * Latency of the command side's public parcel look-ups over HTTP, one request at a time (the latency a
 * citizen sees, not throughput). Samples real parcels around each city centre first, then times
 * by-point and full-facts requests on random samples after a warm-up. Run with the JDK alone:
 *
 *   java scripts/bench/ParcelLookupBench.java [baseUrl] [requests] [citiesCsv]
 */
public class ParcelLookupBench {

    record Sample(String slug, String plate, double lat, double lon) {
    }

    private static final Pattern PARCEL = Pattern.compile(
            "\"plate\":\"([^\"]+)\".*?\"latitude\":([0-9.]+),\"longitude\":([0-9.]+)");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        Path cities = Path.of(args.length > 2 ? args[2] : "command-side/src/main/resources/demo/qazvin-province-cities.csv");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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

        Random random = new Random(42);
        time(http, "warm-up", samples, random, requests / 5, s -> pointUrl(base, s));
        time(http, "warm-up", samples, random, requests / 5, s -> factsUrl(base, s));
        System.out.println("| request | n | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        time(http, "parcel by point `/api/parcels/at`", samples, random, requests, s -> pointUrl(base, s));
        time(http, "full derived facts `/api/parcels/facts`", samples, random, requests, s -> factsUrl(base, s));
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
