package ir.parvaneh.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One real Keycloak per test run, started with the repository's realm through scripts/keycloak/start
 * on a free loopback port, and stopped when the JVM exits.
 */
final class KeycloakServer {

    private static KeycloakServer instance;

    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private KeycloakServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static synchronized KeycloakServer shared() throws Exception {
        if (instance == null) {
            int port = freePort();
            Path script = Path.of(System.getProperty("parvaneh.keycloak.realm", "../scripts/keycloak/parvaneh-realm.json"))
                    .toAbsolutePath().getParent().resolve("start");
            Path log = Path.of("target", "keycloak.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("KEYCLOAK_HOME", System.getProperty("parvaneh.keycloak.home"));
            builder.environment().put("KEYCLOAK_MANAGEMENT_PORT", String.valueOf(freePort()));
            KeycloakServer server = new KeycloakServer(port, builder.start());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            server.awaitReady(Duration.ofSeconds(240), log);
            instance = server;
        }
        return instance;
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/parvaneh";
    }

    /** An access token for a demo user, by the password grant (all demo passwords are "parvaneh"). */
    String token(String username) throws Exception {
        String form = "grant_type=password&client_id=parvaneh-web&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=parvaneh";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + response.body());
        }
        JsonNode body = json.readTree(response.body());
        return body.get("access_token").asText();
    }

    private void awaitReady(Duration timeout, Path log) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + log.toAbsolutePath());
            }
            try {
                if (http.send(HttpRequest.newBuilder(wellKnown).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("Keycloak not ready within " + timeout + "; see " + log.toAbsolutePath());
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
