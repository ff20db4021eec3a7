package ir.parvaneh.command.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.gis.demo.DemoFabricSamples;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.DemoTown;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.command.support.TestSlugs;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import ir.parvaneh.kernel.time.IranTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Clock;

import static ir.parvaneh.command.support.TestRulebooks.asVersion;
import static ir.parvaneh.command.support.TestRulebooks.edited;
import static ir.parvaneh.command.support.TestRulebooks.provinceRulebookFor;
import static ir.parvaneh.command.support.TestRulebooks.withFile;
import static ir.parvaneh.command.support.TestRulebooks.zip;
import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole path over HTTP on the real database: a city's layers imported, its rulebook published, a parcel
 * assessed, the assessment verified and its facts recomputed; then a new rulebook version published, under
 * which a new assessment differs, while the old one still verifies against its own version.
 */
@CommandSideIntegrationTest
class AssessmentApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DemoTown demoTown;
    @Autowired
    StoredEvents events;
    @Autowired
    Clock clock;

    private String slug;
    private Actor admin;
    private Actor citizen;
    private Actor clerk;
    private DemoFabricSamples samples;

    @BeforeEach
    void aTownWithItsLayersInForce() {
        DemoTown.Town town = demoTown.withLayers("rules", 300);
        slug = town.slug();
        samples = town.samples();
        admin = town.admin();
        clerk = new Actor("clerk." + slug, "علی رضایی", Role.CLERK, slug, null);
        citizen = new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN, null, "0012345679");
    }

    @Test
    void givenLayersAndARulebookWhenAParcelIsAssessedThenItVerifiesAndStillDoesAfterANewVersion() throws Exception {
        RulebookContent v1 = provinceRulebookFor(slug);
        JsonNode published = body(send(post("/api/municipalities/" + slug + "/rulebooks").with(tokenOf(admin))
                .contentType("application/zip").content(zip(v1)), 201));
        assertThat(published.get("version").asText()).isEqualTo("1405.1");
        assertThat(published.get("sha256").asText()).isEqualTo(v1.sha256());

        String plate = samples.ordinary().plate();
        JsonNode first = body(send(post("/api/assessments").with(tokenOf(citizen)).contentType("application/json")
                .content("{\"municipality\":\"" + slug + "\",\"plate\":\"" + plate + "\",\"intendedUse\":\"RESIDENTIAL\"}"), 201));
        String firstId = first.get("assessmentId").asText();
        assertThat(first.get("rulebookVersion").asText()).isEqualTo("1405.1");
        assertThat(first.get("issuedOn").asText()).isEqualTo(IranTime.today(clock).toString());
        assertThat(first.at("/facts/plate").asText()).isEqualTo(plate);
        assertThat(first.at("/facts/layerVersions").findValuesAsText("layer"))
                .containsExactlyInAnyOrder("parcels", "passages", "zones", "overlays", "price-blocks");
        JsonNode footprint = output(first, "max-footprint-m2");
        assertThat(footprint.get("status").asText()).isEqualTo("DETERMINED");
        assertThat(footprint.at("/explanation/legalSource/resolutionNumber").asText()).isNotBlank();
        assertThat(output(first, "fee-building-area-rials").get("status").asText()).isEqualTo("DETERMINED");

        JsonNode verification = body(send(get("/api/assessments/" + firstId + "/verification").with(tokenOf(clerk)), 200));
        assertThat(verification.get("identical").asBoolean()).isTrue();
        assertThat(verification.get("rulebookContentIntact").asBoolean()).isTrue();
        assertThat(verification.get("outputs").findValuesAsText("identical")).isNotEmpty().containsOnly("true");
        JsonNode factsCheck = body(send(get("/api/assessments/" + firstId + "/facts-check").with(tokenOf(citizen)), 200));
        assertThat(factsCheck.get("identical").asBoolean()).isTrue();
        assertThat(factsCheck.get("differences")).isEmpty();

        // A new version from today with the provincial fee tariff applied at 120 %: fees change, rules do not.
        RulebookContent v2 = asVersion(v1, "1405.2", IranTime.today(clock).toString());
        v2 = withFile(v2, RulebookContent.MANIFEST, v2.manifest().replaceFirst(
                "(\"feeTariffPercent\" : \\{\\s*\"value\" : )\\d+", "$1120"));
        send(post("/api/municipalities/" + slug + "/rulebooks").with(tokenOf(admin)).contentType("application/zip")
                .content(zip(v2)), 201);
        JsonNode second = body(send(post("/api/assessments").with(tokenOf(citizen)).contentType("application/json")
                .content("{\"municipality\":\"" + slug + "\",\"plate\":\"" + plate + "\",\"intendedUse\":\"RESIDENTIAL\"}"), 201));
        assertThat(second.get("rulebookVersion").asText()).isEqualTo("1405.2");
        assertThat(output(second, "max-footprint-m2").get("value")).isEqualTo(footprint.get("value"));
        assertThat(output(second, "fee-building-area-rials").get("value").asLong())
                .isGreaterThan(output(first, "fee-building-area-rials").get("value").asLong());

        JsonNode impact = body(send(get("/api/municipalities/" + slug
                + "/rulebooks/impact?from=1405.1&to=1405.2&use=RESIDENTIAL&limit=50").with(tokenOf(clerk)), 200));
        assertThat(impact.get("totalParcels").asInt()).isEqualTo(300);
        assertThat(impact.get("examined").asInt()).isEqualTo(50);
        assertThat(impact.get("nextOffset").asInt()).isEqualTo(50);
        assertThat(impact.get("changed")).isNotEmpty();
        assertThat(impact.get("changed").findValuesAsText("name")).allMatch(name -> name.contains("fee"));
        send(get("/api/municipalities/" + slug + "/rulebooks/impact?from=1405.1&to=1405.2&use=RESIDENTIAL")
                .with(tokenOf(citizen)), 403);

        JsonNode stillVerified = body(send(get("/api/assessments/" + firstId + "/verification").with(tokenOf(clerk)), 200));
        assertThat(stillVerified.get("identical").asBoolean()).isTrue();
        assertThat(stillVerified.get("rulebookVersion").asText()).isEqualTo("1405.1");

        JsonNode versions = body(send(get("/api/municipalities/" + slug + "/rulebooks"), 200));
        assertThat(versions.findValuesAsText("version")).containsExactly("1405.1", "1405.2");
    }

    @Test
    void givenARulebookWithAGapWhenPublishedOverHttpThenAProblemNamesItAndNothingIsPublished() throws Exception {
        long before = events.total();
        RulebookContent gap = edited(provinceRulebookFor(slug), "zoning.dmn", "ie_envelopeTable_2_3\"><text>[8..10)",
                "ie_envelopeTable_2_3\"><text>[8..9)");
        JsonNode problem = body(send(post("/api/municipalities/" + slug + "/rulebooks").with(tokenOf(admin))
                .contentType("application/zip").content(zip(gap)), 422));
        assertThat(problem.get("code").asText()).isEqualTo("RULEBOOK_GAP_IN_TABLE");
        assertThat(problem.get("decisionId").asText()).isEqualTo("envelopeTable");
        assertThat(problem.get("title_fa").asText()).isNotBlank();
        assertThat(events.total()).isEqualTo(before);
        assertThat(body(send(get("/api/municipalities/" + slug + "/rulebooks"), 200))).isEmpty();

        JsonNode notZip = body(send(post("/api/municipalities/" + slug + "/rulebooks").with(tokenOf(admin))
                .contentType("application/zip").content("not a zip".getBytes()), 422));
        assertThat(notZip.get("code").asText()).isEqualTo("RULEBOOK_CONTENT_INVALID");
    }

    @Test
    void givenARulebookWhenAPlannerTriesADecisionThenItIsEvaluatedAndACitizenMayNot() throws Exception {
        send(post("/api/municipalities/" + slug + "/rulebooks").with(tokenOf(admin)).contentType("application/zip")
                .content(zip(provinceRulebookFor(slug))), 201);
        String evaluation = "{\"decisionId\":\"envelopeTable\",\"inputs\":{\"zone\":\"R121\",\"lotAreaM2\":184,\"passageWidthM\":12}}";
        JsonNode result = body(send(post("/api/municipalities/" + slug + "/rulebooks/1405.1/evaluations").with(tokenOf(clerk))
                .contentType("application/json").content(evaluation), 200));
        assertThat(result.at("/outputs/densityPercent").asText()).isEqualTo("150");
        assertThat(result.at("/outputs/coveragePercent").asText()).isEqualTo("60");
        send(post("/api/municipalities/" + slug + "/rulebooks/1405.1/evaluations").with(tokenOf(citizen))
                .contentType("application/json").content(evaluation), 403);
    }

    @Test
    void givenNoRulebookWhenAParcelIsAssessedThenTheProblemSaysNoneIsInForceAndNothingIsRecorded() throws Exception {
        long before = events.total();
        JsonNode problem = body(send(post("/api/assessments").with(tokenOf(citizen)).contentType("application/json")
                .content("{\"municipality\":\"" + slug + "\",\"plate\":\"" + samples.ordinary().plate()
                        + "\",\"intendedUse\":\"RESIDENTIAL\"}"), 404));
        assertThat(problem.get("code").asText()).isEqualTo("RULEBOOK_NOT_IN_FORCE");
        assertThat(events.total()).isEqualTo(before);
        send(post("/api/assessments").contentType("application/json").content("{}"), 401);
        send(get("/api/assessments/zoning-assessment-" + java.util.UUID.randomUUID()).with(tokenOf(citizen)), 404);
    }

    private static JsonNode output(JsonNode assessment, String name) {
        for (JsonNode output : assessment.at("/outcome/outputs")) {
            if (output.get("name").asText().equals(name)) {
                return output;
            }
        }
        throw new AssertionError("no output " + name + " in " + assessment.at("/outcome/outputs"));
    }

    private String send(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    private JsonNode body(String text) throws Exception {
        return json.readTree(text);
    }
}
