package ir.parvaneh.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import ir.parvaneh.query.history.HistoryEntries.Reverification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Asks the command side to re-run a recorded assessment against its own rulebook version
 * ({@code GET /api/assessments/{id}/verification}) on behalf of the caller, whose bearer token it relays.
 * <p>
 * Why a call and not a local re-run: evaluating a rulebook needs the DMN engine, the compiler and the rulebook
 * store, which belong to the command side; copying them here (or moving them into the kernel, which holds no
 * engine) would give two evaluators that could drift, and the re-verification is only worth something if it
 * uses the very engine that decides. When the command side cannot answer, the result says so
 * ({@code UNAVAILABLE} with the reason); it is never reported as verified.
 */
@Component
class AssessmentReverifier {

    private final RestClient client;

    AssessmentReverifier(RestClient.Builder builder,
                         @Value("${parvaneh.command-api.url}") String commandApi,
                         @Value("${parvaneh.command-api.timeout:30s}") Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(timeout);
        this.client = builder.clone().baseUrl(commandApi).requestFactory(requests).build();
    }

    Reverification reverify(String assessmentId, String bearerToken) {
        try {
            JsonNode answer = client.get().uri("/api/assessments/{id}/verification", assessmentId)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                    .retrieve()
                    .body(JsonNode.class);
            if (answer == null || !answer.has("identical")) {
                return unavailable(assessmentId, "The command side's answer holds no verification");
            }
            boolean identical = answer.get("identical").asBoolean();
            return new Reverification(assessmentId, identical ? Reverification.IDENTICAL : Reverification.DIFFERS,
                    identical, answer.path("rulebookContentIntact").asBoolean(), answer.get("outputs"),
                    answer.get("differences"), null);
        } catch (RestClientResponseException refused) {
            String code = null;
            try {
                JsonNode problem = refused.getResponseBodyAs(JsonNode.class);
                code = problem == null ? null : problem.path("code").asText(null);
            } catch (RuntimeException notAProblem) {
                // the status alone says enough
            }
            return unavailable(assessmentId, "The command side answered " + refused.getStatusCode().value()
                    + (code == null ? "" : " " + code));
        } catch (RestClientException unreachable) {
            return unavailable(assessmentId, "The command side could not be reached: " + unreachable.getMessage());
        }
    }

    private static Reverification unavailable(String assessmentId, String detail) {
        return new Reverification(assessmentId, Reverification.UNAVAILABLE, null, null, null, null, detail);
    }
}
