package ir.parvaneh.query.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The command API as the portal's pages use it: every request carries the signed-in person's own access token, so
 * the command side decides what they may do exactly as it does for any other client (the pages hold no privilege of
 * their own). A refusal comes back as the command side's problem document and is thrown as a {@link PortalProblem},
 * which the pages show in Persian with what to do.
 */
@Component
public class CommandApi {

    private final RestClient client;
    private final ObjectMapper json;

    CommandApi(RestClient.Builder builder, ObjectMapper json,
               @Value("${parvaneh.command-api.url}") String commandApi,
               @Value("${parvaneh.command-api.timeout:30s}") Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(timeout);
        this.client = builder.clone().baseUrl(commandApi).requestFactory(requests).build();
        this.json = json;
    }

    public JsonNode get(String path, String accessToken, Object... uriVariables) {
        return call(() -> client.get().uri(path, uriVariables)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().body(String.class));
    }

    public JsonNode post(String path, Object body, String accessToken, Object... uriVariables) {
        return call(() -> client.post().uri(path, uriVariables)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().body(String.class));
    }

    /** Stores a PDF in the command side's document store; the answer carries its {@code sha256}, size and type. */
    public JsonNode uploadPdf(byte[] pdf, String accessToken) {
        return call(() -> client.post().uri("/api/documents")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_PDF)
                .accept(MediaType.APPLICATION_JSON)
                .body(pdf)
                .retrieve().body(String.class));
    }

    private JsonNode call(java.util.function.Supplier<String> request) {
        try {
            String body = request.get();
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        } catch (RestClientResponseException refused) {
            throw problem(refused);
        } catch (RestClientException unreachable) {
            throw new PortalProblem(503, PortalProblem.COMMAND_API_UNREACHABLE, "سامانه ثبت درخواست‌ها پاسخ نداد",
                    "The permit service did not answer", unreachable.getMessage());
        } catch (java.io.IOException unreadable) {
            throw new PortalProblem(502, PortalProblem.COMMAND_API_UNREACHABLE, "پاسخ سامانه ثبت درخواست‌ها خوانا نبود",
                    "The permit service's answer could not be read", unreadable.getMessage());
        }
    }

    private PortalProblem problem(RestClientResponseException refused) {
        int status = refused.getStatusCode().value();
        try {
            JsonNode problem = json.readTree(refused.getResponseBodyAsString(StandardCharsets.UTF_8));
            if (problem != null && problem.isObject()) {
                return PortalProblem.fromProblem(status, problem);
            }
        } catch (java.io.IOException notAProblem) {
            // no problem document: the status alone decides what the person is told
        }
        return PortalProblem.fromProblem(status, json.createObjectNode());
    }
}
