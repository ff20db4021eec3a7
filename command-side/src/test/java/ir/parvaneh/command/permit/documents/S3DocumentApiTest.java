package ir.parvaneh.command.permit.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.CommandSideApplication;
import ir.parvaneh.command.support.InProcessS3;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitValues.AssessmentReference;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application configured for the S3-compatible store ({@code parvaneh.documents.store=s3}), against a real S3
 * server in this JVM (S3Proxy): uploads over HTTP land in the bucket under their hash, once; refusals leave no object;
 * a cited document downloads whole. The store is chosen at start, so this is an application context of its own,
 * unlike every other integration test's shared one; it is closed after this class, so that its event processors and
 * scheduler do not run beside the shared context's for the rest of the suite.
 */
@SpringBootTest(classes = CommandSideApplication.class,
        properties = {CommandSideApplication.CONFIG_NAME, "parvaneh.documents.store=s3"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class S3DocumentApiTest {

    private static final InProcessS3 S3 = InProcessS3.get();
    private static final String BUCKET = S3.newBucket();
    private static final Actor CITIZEN = new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN, null,
            "0012345679");

    @DynamicPropertySource
    static void theBucket(DynamicPropertyRegistry properties) {
        properties.add("parvaneh.documents.s3.endpoint", () -> S3.endpoint().toString());
        properties.add("parvaneh.documents.s3.region", () -> InProcessS3.REGION);
        properties.add("parvaneh.documents.s3.bucket", () -> BUCKET);
        properties.add("parvaneh.documents.s3.access-key", () -> InProcessS3.ACCESS_KEY);
        properties.add("parvaneh.documents.s3.secret-key", () -> InProcessS3.SECRET_KEY);
        properties.add("parvaneh.documents.s3.path-style", () -> "true");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EventStore eventStore;
    @Autowired
    DocumentStore store;

    @Test
    void aPdfUploadedOverHttpIsAnObjectUnderItsSha256OnceAndCitedItDownloadsWhole() throws Exception {
        assertThat(store).isInstanceOf(S3DocumentStore.class);
        byte[] pdf = ("%PDF-1.7\n% نقشه سازه " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        JsonNode stored = json.readTree(send(upload(pdf, "application/pdf"), 201));
        assertThat(stored.get("sha256").asText()).isEqualTo(sha256);
        assertThat(stored.get("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(S3.object(BUCKET, sha256 + ".pdf").orElseThrow().content()).isEqualTo(pdf);
        send(upload(pdf, "application/pdf"), 201);
        assertThat(S3.objects(BUCKET)).filteredOn(name -> name.startsWith(sha256)).hasSize(1);

        String id = submittedCiting(new DocumentReference("STRUCTURAL_DRAWINGS", "نقشه-سازه.pdf", "application/pdf",
                pdf.length, sha256));
        byte[] downloaded = mvc.perform(get("/api/permit-applications/" + id + "/documents/" + sha256).with(tokenOf(CITIZEN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(pdf);
    }

    @Test
    void whatIsNotAPdfOrIsEmptyOrTooLargeIsRefusedAndLeavesNoObject() throws Exception {
        List<String> before = S3.objects(BUCKET);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        assertThat(code(send(upload(png, "application/pdf"), 415))).isEqualTo("DOCUMENT_NOT_PDF");
        assertThat(code(send(upload(new byte[0], "application/pdf"), 422))).isEqualTo("DOCUMENT_EMPTY");
        byte[] large = new byte[70 * 1024];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.UTF_8), 0, large, 0, 8);
        assertThat(code(send(upload(large, "application/pdf"), 413))).isEqualTo("DOCUMENT_TOO_LARGE");
        send(post("/api/documents").contentType("application/pdf").content("%PDF-1.4".getBytes(StandardCharsets.UTF_8)), 401);

        assertThat(S3.objects(BUCKET)).isEqualTo(before);
    }

    /** A submission recorded as the aggregate records one, citing the document: enough for the download's checks. */
    private String submittedCiting(DocumentReference drawing) {
        String id = PermitApplicationId.random().toString();
        ProposedBuilding house = new ProposedBuilding("RESIDENTIAL", List.of(new ProposedFloor(0, "STOREY", "PARKING", 120),
                new ProposedFloor(1, "STOREY", "RESIDENTIAL", 120)), 120, 1, 1, 7.0, null);
        PermitApplicationSubmitted submitted = new PermitApplicationSubmitted(id, "submit-" + id,
                MunicipalityId.forProvinceSlug("qazvin").toString(), "qazvin", "1234/56", CITIZEN.subject(), CITIZEN.displayName(),
                CITIZEN.nationalCode(), "2026-11-29", new AssessmentReference("zoning-assessment-" + UUID.randomUUID(),
                "2026-11-29", "2027-05-28", "RESIDENTIAL", "1405.1", "0".repeat(64)), house, null, List.of(drawing));
        eventStore.publish(new GenericDomainEventMessage<>("PermitApplication", id, 0, submitted,
                MetaData.from(CITIZEN.toMetaData())));
        return id;
    }

    private MockHttpServletRequestBuilder upload(byte[] content, String type) {
        return post("/api/documents").with(tokenOf(CITIZEN)).contentType(type).content(content);
    }

    private String send(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String code(String problem) throws Exception {
        return json.readTree(problem).get("code").asText();
    }
}
