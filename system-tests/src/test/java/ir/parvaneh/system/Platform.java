package ir.parvaneh.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.CommandSideApplication;
import ir.parvaneh.command.gis.demo.DemoCity;
import ir.parvaneh.command.gis.demo.DemoProvinceLayersLoader;
import ir.parvaneh.command.gis.demo.ProvincePlan;
import ir.parvaneh.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Both applications, as deployed, against the test database and the shared Keycloak: started once for all system
 * tests (each start costs both contexts and the demo municipalities), stopped when the JVM ends. The command side
 * registers the demo province's municipalities without layers; the query side reaches the command API as in a
 * deployment.
 */
final class Platform {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Platform instance;

    final KeycloakServer keycloak;
    final ConfigurableApplicationContext commandSide;
    final ConfigurableApplicationContext querySide;
    final String commandUrl;
    final String queryUrl;

    private Platform(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        String db = System.getProperty("parvaneh.test.db.url", "jdbc:postgresql://127.0.0.1:5432/parvaneh_test");
        // Command-line arguments: they outrank the applications' own configuration files.
        String[] common = {
                "--server.port=0",
                "--spring.datasource.url=" + db,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + keycloak.issuer()
                        + "/protocol/openid-connect/certs",
                "--logging.file.name=target/logs/system.log"};
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties(CommandSideApplication.CONFIG_NAME)
                .run(append(common, "--parvaneh.demo.load-province=true", "--parvaneh.demo.total-parcels=0"));
        commandUrl = "http://127.0.0.1:" + commandSide.getEnvironment().getProperty("local.server.port");
        querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .properties(QuerySideApplication.CONFIG_NAME)
                .run(append(common, "--parvaneh.command-api.url=" + commandUrl));
        queryUrl = "http://127.0.0.1:" + querySide.getEnvironment().getProperty("local.server.port");
    }

    static synchronized Platform shared() throws Exception {
        if (instance == null) {
            Platform platform = new Platform(KeycloakServer.shared());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                platform.querySide.close();
                platform.commandSide.close();
            }));
            instance = platform;
        }
        return instance;
    }

    /** The demo province at its smallest, 150 parcels a city: enough to assess, imported in seconds. */
    private static final int DEMO_PARCELS = 25 * ProvincePlan.MIN_PARCELS_PER_CITY;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Qazvin's layers in force, through the same import the demo run uses (skipped when already in force today):
     * the parcels the system tests assess.
     */
    void qazvinLayersInForce() throws Exception {
        List<DemoCity> province = ProvincePlan.read(DEMO_PARCELS);
        DemoCity qazvin = province.stream().filter(c -> c.slug().equals("qazvin")).findFirst().orElseThrow();
        commandSide.getBean(DemoProvinceLayersLoader.class).load(qazvin, province);
    }

    /** The first {@code limit} of Qazvin's parcels in force, as the public OGC API lists them (GeoJSON features). */
    JsonNode qazvinParcels(int limit) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> page = send("GET", queryUrl + "/ogc/collections/qazvin-parcels/items?limit=" + limit,
                    null, null);
            return page.statusCode() == 200 ? JSON.readTree(page.body()).get("features") : null;
        }, features -> features != null && !features.isEmpty());
    }

    /** A citizen's assessment of the first of Qazvin's parcels that can be assessed for housing: its id. */
    String assessAQazvinParcel(String citizenToken) throws Exception {
        for (JsonNode parcel : qazvinParcels(20)) {
            HttpResponse<String> issued = assess(parcel.at("/properties/plate").asText(), citizenToken);
            if (issued.statusCode() == 201) {
                return JSON.readTree(issued.body()).get("assessmentId").asText();
            }
        }
        throw new AssertionError("No parcel of Qazvin could be assessed");
    }

    /** {@code POST /api/assessments} of a Qazvin plate for housing, as the citizen. */
    HttpResponse<String> assess(String plate, String citizenToken) throws Exception {
        return send("POST", commandUrl + "/api/assessments", """
                {"municipality": "qazvin", "plate": "%s", "intendedUse": "RESIDENTIAL"}""".formatted(plate),
                citizenToken);
    }

    static HttpResponse<String> send(String method, String url, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
