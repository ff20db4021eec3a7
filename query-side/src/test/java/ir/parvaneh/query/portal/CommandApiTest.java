package ir.parvaneh.query.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The portal's client of the command API over real HTTP (a JDK server standing in for the command side): it relays
 * the person's token, and turns a refusal into the problem the pages show, keeping the command side's code and
 * Persian title; a command side that does not answer is a problem of its own, never a success.
 */
class CommandApiTest {

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/assessments", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"assessmentId\":\"zoning-assessment-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/permit-applications", exchange -> {
            byte[] body = """
                    {"type":"urn:parvaneh:problem:permit-application-changed","title":"changed","status":409,
                     "code":"PERMIT_APPLICATION_CHANGED","title_fa":"پرونده در این فاصله تغییر کرده است",
                     "title_en":"The application changed","detail":"expected version 7, found 8"}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(409, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/broken", exchange -> {
            byte[] body = "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CommandApi api(String url) {
        return new CommandApi(RestClient.builder(), json, url, Duration.ofSeconds(5));
    }

    @Test
    void anActCarriesThePersonsOwnTokenAndReturnsTheAnswer() {
        JsonNode answer = api("http://127.0.0.1:" + server.getAddress().getPort())
                .post("/api/assessments", Map.of("plate", "101/1"), "the-persons-token");
        assertThat(answer.get("assessmentId").asText()).isEqualTo("zoning-assessment-1");
        assertThat(authorization.get()).isEqualTo("Bearer the-persons-token");
    }

    @Test
    void aRefusalKeepsTheCommandSidesCodeStatusAndPersianTitle() {
        PortalProblem problem = catchThrowableOfType(PortalProblem.class, () ->
                api("http://127.0.0.1:" + server.getAddress().getPort())
                        .post("/api/permit-applications/{id}/approval", Map.of(), "token", "permit-application-1"));
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.code()).isEqualTo("PERMIT_APPLICATION_CHANGED");
        assertThat(problem.titleFa()).isEqualTo("پرونده در این فاصله تغییر کرده است");
        assertThat(problem.getMessage()).isEqualTo("expected version 7, found 8");
    }

    @Test
    void anAnswerThatIsNoProblemDocumentIsStillAProblemByItsStatus() {
        PortalProblem problem = catchThrowableOfType(PortalProblem.class, () ->
                api("http://127.0.0.1:" + server.getAddress().getPort()).get("/api/broken", "token"));
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(problem.titleFa()).isNotBlank();
    }

    @Test
    void aCommandSideThatDoesNotAnswerIsReportedAsUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        PortalProblem problem = catchThrowableOfType(PortalProblem.class, () ->
                api("http://127.0.0.1:" + closed).post("/api/assessments", Map.of(), "token"));
        assertThat(problem.code()).isEqualTo(PortalProblem.COMMAND_API_UNREACHABLE);
        assertThat(problem.status()).isEqualTo(503);
    }
}
