package ir.parvaneh.command.permit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.support.AssessedParcels;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.DemoTown;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ir.parvaneh.command.permit.PermitTestData.ARCHITECTURE;
import static ir.parvaneh.command.permit.PermitTestData.DEED;
import static ir.parvaneh.command.permit.PermitTestData.DRAWINGS;
import static ir.parvaneh.command.permit.PermitTestData.STRUCTURE;
import static ir.parvaneh.command.support.DocumentUploads.pdfFor;
import static ir.parvaneh.command.support.DocumentUploads.uploaded;
import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The documents an application cites, over HTTP on the real database: a (re)submission citing a document that was
 * never uploaded is refused, naming the reference, and records nothing; a cited document is downloaded by those who
 * may read the application and by nobody else, and what the application does not cite is not found through it.
 */
@CommandSideIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationDocumentsApiTest {

    private static final String API = "/api/permit-applications";

    @Autowired
    MockMvc mvc;
    @Autowired
    AssessedParcels parcels;
    @Autowired
    ObjectMapper json;
    @Autowired
    StoredEvents events;

    private final Actor citizen = new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN, null,
            "0012345679");
    private DemoTown.Town town;
    private ZoningAssessmentIssued assessment;
    private ProposedBuilding compliant;

    @BeforeAll
    void aParcelAssessedForHousingWhereTheLargestBuildingAllowedComplies() throws Exception {
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("pdoc", citizen);
        town = parcel.town();
        assessment = parcel.assessment();
        compliant = parcel.compliant();
    }

    @Test
    void givenADocumentNeverUploadedWhenASubmissionOrResubmissionCitesItThenItIsRefusedNamingItAndNothingIsStored()
            throws Exception {
        DocumentReference deed = uploaded(mvc, DEED);
        DocumentReference architecture = uploaded(mvc, ARCHITECTURE);
        DocumentReference neverUploaded = new DocumentReference(STRUCTURE.kind(), STRUCTURE.fileName(),
                STRUCTURE.mediaType(), 3_177_420, "ab".repeat(32));
        long before = events.total();

        JsonNode missingDrawing = send(submit(submission(deed, List.of(architecture, neverUploaded))), 422);
        assertThat(missingDrawing.get("code").asText()).isEqualTo("DOCUMENT_NOT_FOUND");
        assertThat(missingDrawing.get("field").asText()).isEqualTo("documents[1].sha256");
        assertThat(missingDrawing.get("sha256").asText()).isEqualTo(neverUploaded.sha256());
        assertThat(missingDrawing.get("title_en").asText()).isEqualTo("The cited document was never uploaded; upload it first");
        assertThat(missingDrawing.get("title_fa").asText()).isNotBlank();
        DocumentReference deedNeverUploaded = new DocumentReference(DEED.kind(), DEED.fileName(), DEED.mediaType(),
                DEED.sizeBytes(), "cd".repeat(32));
        assertThat(send(submit(submission(deedNeverUploaded, uploaded(mvc, DRAWINGS))), 422).get("field").asText())
                .isEqualTo("ownershipDocument.sha256");
        assertThat(events.total()).as("no event for a refused submission").isEqualTo(before);

        String id = send(submit(submission(deed, uploaded(mvc, DRAWINGS))), 201).get("applicationId").asText();
        long submitted = events.total();
        JsonNode resubmitted = send(post(API + "/" + id + "/resubmissions").with(tokenOf(citizen))
                .contentType("application/json").content(json.writeValueAsString(Map.of("building", compliant,
                        "documents", List.of(neverUploaded, architecture)))), 422);
        assertThat(resubmitted.get("code").asText()).isEqualTo("DOCUMENT_NOT_FOUND");
        assertThat(resubmitted.get("field").asText()).isEqualTo("documents[0].sha256");
        assertThat(events.total()).as("no event for a refused resubmission").isEqualTo(submitted);
    }

    @Test
    void givenASubmittedApplicationWhenItsDocumentsAreDownloadedThenOnlyItsReadersGetOnlyWhatItCites() throws Exception {
        DocumentReference deed = uploaded(mvc, DEED);
        List<DocumentReference> drawings = uploaded(mvc, DRAWINGS);
        String id = send(submit(submission(deed, drawings)), 201).get("applicationId").asText();
        String slug = town.slug();

        MockHttpServletResponse byApplicant = download(id, deed.sha256(), citizen, 200);
        assertThat(byApplicant.getContentAsByteArray()).isEqualTo(pdfFor(DEED));
        assertThat(byApplicant.getContentType()).isEqualTo("application/pdf");
        assertThat(byApplicant.getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode(DEED.fileName(), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        for (Actor reader : List.of(new Actor("clerk." + slug, "علی رضایی", Role.CLERK, slug, null),
                new Actor("admin." + slug, "محمد جعفری", Role.MUNICIPAL_ADMIN, slug, null),
                new Actor("inspector." + slug, "حسن کریمی", Role.INSPECTOR, slug, null),
                new Actor("oversight.1", "ناظر استانداری", Role.OVERSIGHT, null, null),
                new Actor("province.1", "مدیر سامانه استان", Role.PROVINCE_ADMIN, null, null))) {
            assertThat(download(id, drawings.get(1).sha256(), reader, 200).getContentAsByteArray())
                    .as(reader.role().name()).isEqualTo(pdfFor(STRUCTURE));
        }

        Actor neighbour = new Actor("3b5d7f9a-1c2e-4f6a-8b0d-2e4f6a8c0e11", "حمید نوری", Role.CITIZEN, null, "1234567891");
        assertThat(problem(download(id, deed.sha256(), neighbour, 403))).isEqualTo("PERMIT_NOT_APPLICANT");
        assertThat(problem(download(id, deed.sha256(), new Actor("clerk.another-town", "علی رضایی", Role.CLERK,
                "another-town", null), 403))).isEqualTo("FORBIDDEN_MUNICIPALITY");
        assertThat(problem(download(id, deed.sha256(), new Actor("inspector.another-town", "حسن کریمی", Role.INSPECTOR,
                "another-town", null), 403))).isEqualTo("FORBIDDEN_MUNICIPALITY");
        assertThat(problem(download(id, deed.sha256(), new Actor("engineer.1", "مهندس ناظر", Role.ENGINEER, null, null),
                403))).isEqualTo("FORBIDDEN_ROLE");
        mvc.perform(get(API + "/" + id + "/documents/" + deed.sha256())).andExpect(status().isUnauthorized());

        DocumentReference storedButNotCited = uploaded(mvc, new DocumentReference("ARCHITECTURAL_DRAWINGS",
                "نقشه-همسایه.pdf", "application/pdf", 1, "another applicant's drawing"));
        assertThat(problem(download(id, storedButNotCited.sha256(), citizen, 404))).isEqualTo("NOT_FOUND");
        assertThat(problem(download(id, storedButNotCited.sha256(), new Actor("province.1", "مدیر سامانه استان",
                Role.PROVINCE_ADMIN, null, null), 404))).isEqualTo("NOT_FOUND");
        assertThat(problem(download(PermitApplicationId.random().toString(), deed.sha256(), citizen, 404)))
                .isEqualTo("NOT_FOUND");
        assertThat(problem(download("not-an-application", deed.sha256(), citizen, 400))).isEqualTo("INVALID_IDENTIFIER");
    }

    @Test
    void givenACorrectionWithRevisedDrawingsWhenDownloadedThenTheRevisedAndTheEarlierAreBothThere() throws Exception {
        DocumentReference deed = uploaded(mvc, DEED);
        List<DocumentReference> drawings = uploaded(mvc, DRAWINGS);
        Map<String, Object> tooTall = submission(deed, drawings);
        tooTall.put("building", LargestHouse.allowedOn(assessment.outcome(), 1));
        JsonNode returned = send(submit(tooTall), 201);
        assertThat(returned.get("stage").asText()).isEqualTo("RETURNED_FOR_CORRECTION");
        String id = returned.get("applicationId").asText();
        DocumentReference revised = uploaded(mvc, new DocumentReference("ARCHITECTURAL_DRAWINGS", "نقشه-معماری-اصلاحی.pdf",
                "application/pdf", 1, "revised for " + id));

        send(post(API + "/" + id + "/resubmissions").with(tokenOf(citizen)).contentType("application/json")
                .content(json.writeValueAsString(Map.of("building", compliant, "documents", List.of(revised,
                        drawings.get(1))))), 200);

        assertThat(download(id, revised.sha256(), citizen, 200).getContentAsByteArray()).isNotEmpty();
        assertThat(download(id, drawings.get(0).sha256(), citizen, 200).getContentAsByteArray())
                .as("the drawing the correction replaced stays on record").isEqualTo(pdfFor(ARCHITECTURE));
    }

    private Map<String, Object> submission(DocumentReference ownership, List<DocumentReference> documents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessmentId", assessment.assessmentId());
        body.put("building", compliant);
        body.put("ownershipDocument", ownership);
        body.put("documents", documents);
        return body;
    }

    private MockHttpServletRequestBuilder submit(Map<String, Object> body) throws Exception {
        return post(API).with(tokenOf(citizen)).contentType("application/json").content(json.writeValueAsString(body));
    }

    private MockHttpServletResponse download(String id, String sha256, Actor actor, int expectedStatus) throws Exception {
        return mvc.perform(get(API + "/" + id + "/documents/" + sha256).with(tokenOf(actor)))
                .andExpect(status().is(expectedStatus)).andReturn().getResponse();
    }

    private String problem(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("code").asText();
    }

    private JsonNode send(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }
}
