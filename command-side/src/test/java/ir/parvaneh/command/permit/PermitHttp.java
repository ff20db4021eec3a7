package ir.parvaneh.command.permit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.support.AssessedParcels;
import ir.parvaneh.kernel.identity.Actor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the permit API tests share: requests answered with their JSON (or a problem), and a parcel of a town of
 * its own assessed over HTTP for housing, with the largest house its assessment allows, which passes the check.
 * Not a bean: the integration tests share one application context, to which a test adds nothing.
 */
class PermitHttp {

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final AssessedParcels parcels;

    PermitHttp(MockMvc mvc, ObjectMapper json, AssessedParcels parcels) {
        this.mvc = mvc;
        this.json = json;
        this.parcels = parcels;
    }

    AssessedParcels.Assessed parcelWhereHousingComplies(String slugPrefix, Actor citizen) throws Exception {
        return parcels.whereHousingComplies(slugPrefix, citizen);
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
