package ir.parvaneh.system;

import ir.parvaneh.command.CommandSideApplication;
import ir.parvaneh.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
