package ir.parvaneh.command.permit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.assessment.write.AssessmentRecords;
import ir.parvaneh.command.permit.write.ComplianceCheck;
import ir.parvaneh.command.support.DemoTown;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static ir.parvaneh.command.support.TestRulebooks.provinceRulebookFor;
import static ir.parvaneh.command.support.TestRulebooks.withFile;
import static ir.parvaneh.command.support.TestRulebooks.zip;
import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the permit API tests share: requests answered with their JSON (or a problem), and a parcel of a town of
 * its own assessed over HTTP for housing, with the largest house its assessment allows, which passes the check.
 * Not a bean: the integration tests share one application context, to which a test adds nothing.
 */
class PermitHttp {

    /** A town, a citizen's assessment of its ordinary parcel for housing, and a proposal that passes the check. */
    record AssessedParcel(DemoTown.Town town, ZoningAssessmentIssued assessment, ProposedBuilding compliant) {
    }

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final DemoTown demoTown;
    private final AssessmentRecords assessments;

    PermitHttp(MockMvc mvc, ObjectMapper json, DemoTown demoTown, AssessmentRecords assessments) {
        this.mvc = mvc;
        this.json = json;
        this.demoTown = demoTown;
        this.assessments = assessments;
    }

    AssessedParcel parcelWhereHousingComplies(String slugPrefix, Actor citizen) throws Exception {
        // The ordinary parcel of some generated towns lies in a zone where no housing complies; such a town is passed over.
        for (int attempt = 0; attempt < 8; attempt++) {
            DemoTown.Town town = demoTown.withLayers(slugPrefix, 200);
            // The demo parcels are not all as large as the province's 250 m² minimum lot; this town's rulebook asks 50 m².
            RulebookContent rulebook = provinceRulebookFor(town.slug());
            rulebook = withFile(rulebook, RulebookContent.MANIFEST, rulebook.manifest().replaceFirst(
                    "(\"minLotSizeM2\" : \\{\\s*\"value\" : )\\d+", "$150"));
            send(post("/api/municipalities/" + town.slug() + "/rulebooks").with(tokenOf(town.admin()))
                    .contentType("application/zip").content(zip(rulebook)), 201);
            JsonNode assessed = send(post("/api/assessments").with(tokenOf(citizen)).contentType("application/json")
                    .content("{\"municipality\":\"" + town.slug() + "\",\"plate\":\"" + town.samples().ordinary().plate()
                            + "\",\"intendedUse\":\"RESIDENTIAL\"}"), 201);
            ZoningAssessmentIssued assessment = assessments.issued(ZoningAssessmentId.parse(assessed.get("assessmentId").asText()));
            // A zone for public facilities or green space allows no storey at all: nothing to build a house from.
            if (!LargestHouse.allowsStoreys(assessment.outcome())) {
                continue;
            }
            ProposedBuilding compliant = LargestHouse.allowedOn(assessment.outcome(), 0);
            if (ComplianceCheck.of(compliant, assessment.outcome()).result().equals("PASSED")) {
                return new AssessedParcel(town, assessment, compliant);
            }
        }
        throw new AssertionError("No generated town had an ordinary parcel where housing complies");
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
