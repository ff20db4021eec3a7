package ir.parvaneh.command.permit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the permit API tests share: requests answered with their JSON (or a problem). (Their assessed parcel comes
 * from {@code AssessedParcels}.)
 * Not a bean: the integration tests share one application context, to which a test adds nothing.
 */
class PermitHttp {

    private final MockMvc mvc;
    private final ObjectMapper json;

    PermitHttp(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** The answer's JSON (a problem document when refused), after checking its status. */
    JsonNode send(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }

    /** The event types of a list of recorded events (not the fee lines' types inside them). */
    static List<String> types(JsonNode recorded) {
        List<String> types = new ArrayList<>();
        recorded.forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    static String problem(JsonNode problem) {
        return problem.get("code").asText();
    }
}
