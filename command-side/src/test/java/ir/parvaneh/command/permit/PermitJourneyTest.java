package ir.parvaneh.command.permit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.support.AssessedParcels;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.time.IranTime;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ir.parvaneh.command.jooq.command.Tables.SCHEDULED_TASKS;
import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The building-permit journey end to end over HTTP with tokens, as the people who take part see it: no step needs a
 * visit and no step is taken by hand behind the API. A citizen assesses a parcel, uploads the drawings, submits a
 * proposal that fails the check, corrects it, pays through the gateway, is reviewed by the clerk the policy
 * assigned, gets the permit, and the building is reported, inspected and certified complete (پایان کار). Another
 * application is left unpaid until its payment deadline, kept in PostgreSQL, comes due; a third waits on its
 * reviewer past the review deadline, which is recorded as missed.
 */
@CommandSideIntegrationTest
class PermitJourneyTest {

    private static final String API = "/api/permit-applications";
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    AssessedParcels parcels;
    @Autowired
    StoredEvents events;
    @Autowired
    DSLContext dsl;
    @Autowired
    Clock clock;

    private final Actor citizen = new Actor("5b0c2a4e-1f3d-4c6b-9a8e-7d6c5b4a3f21", "فاطمه حسینی", Role.CITIZEN, null,
            "0012345679");

    @Test
    void aCitizenGoesFromTheAssessmentToTheCompletionCertificateWithoutAnyInPersonStep() throws Exception {
        Town town = townWithAReviewer();
        String slug = town.parcel().town().slug();
        var outcome = town.parcel().assessment().outcome();

        // 1. The citizen reads the parcel's assessment (issued over HTTP by AssessedParcels) and uploads the documents.
        JsonNode verification = send(get("/api/assessments/" + town.parcel().assessment().assessmentId() + "/verification")
                .with(tokenOf(citizen)), 200);
        assertThat(verification.get("identical").asBoolean()).as("the recorded assessment re-runs identically").isTrue();
        DocumentReference deed = upload("OWNERSHIP_DEED", "سند.pdf");
        List<DocumentReference> drawings = List.of(upload("ARCHITECTURAL_DRAWINGS", "نقشه-معماری.pdf"),
                upload("STRUCTURAL_DRAWINGS", "نقشه-سازه.pdf"));

        // 2. One storey too many: the check returns it with the violated rule, nothing to pay.
        JsonNode returned = send(post(API).with(tokenOf(citizen)).contentType("application/json").content(json.writeValueAsString(
                submission(town.parcel().assessment().assessmentId(), LargestHouse.allowedOn(outcome, 1), deed, drawings))), 201);
        String id = returned.get("applicationId").asText();
        assertThat(returned.get("stage").asText()).isEqualTo("RETURNED_FOR_CORRECTION");
        assertThat(returned.get("violatedRules").findValuesAsText("rule")).contains("floors-within-max");

        // 3. Corrected, it passes and is priced.
        ProposedBuilding compliant = LargestHouse.allowedOn(outcome, 0);
        JsonNode priced = send(post(API + "/" + id + "/resubmissions").with(tokenOf(citizen)).contentType("application/json")
                .content(json.writeValueAsString(Map.of("building", compliant, "documents", drawings))), 200);
        assertThat(priced.get("stage").asText()).isEqualTo("AWAITING_PAYMENT");
        long due = priced.get("dueRials").asLong();
        assertThat(due).isPositive();

        // 4. Paid through the (simulated) gateway's signed callback; the policy assigns the desk's reviewer at once.
        send(post("/api/simulated-gateway/payments").with(tokenOf(citizen)).contentType("application/json")
                .content("{\"applicationId\":\"" + id + "\",\"amountRials\":" + due + "}"), 200);
        JsonNode inReview = Awaitility.await().atMost(PATIENCE).until(() -> read(id, citizen),
                application -> application.get("stage").asText().equals("IN_REVIEW"));
        assertThat(lastOfType(inReview, "ReviewerAssigned").get("payload").get("reviewerSubject").asText())
                .isEqualTo(town.reviewer().subject());

        // 5. The reviewer approves on the version they read; a clerk issues the permit with its number.
        send(post(API + "/" + id + "/approval").with(tokenOf(town.reviewer())).contentType("application/json")
                .content("{\"expectedVersion\":" + inReview.get("version").asLong() + "}"), 200);
        Actor engineer = new Actor("engineer-" + slug, "مهندس ناظر", Role.ENGINEER, null, null);
        JsonNode permit = send(post(API + "/" + id + "/permit").with(tokenOf(town.reviewer())).contentType("application/json")
                .content(json.writeValueAsString(Map.of("conditions", List.of("رعایت مقررات ملی ساختمان"),
                        "supervisingEngineerSubject", engineer.subject(), "supervisingEngineerName", engineer.displayName()))), 201);
        assertThat(permit.get("permitNumber").asText()).matches(slug + "-1[34]\\d{2}-\\d{6}");

        // 6. The supervising engineer reports each stage as built, an inspector confirms, the clerk certifies.
        double gross = compliant.totalFloorAreaM2().doubleValue();
        String measured = json.writeValueAsString(Map.of("floors", compliant.floors().size(), "grossFloorAreaM2", gross,
                "footprintM2", compliant.footprintM2(), "heightM", compliant.heightM()));
        for (String stage : List.of("FOUNDATION", "STRUCTURE", "FINISHING")) {
            send(post(API + "/" + id + "/stage-reports").with(tokenOf(engineer)).contentType("application/json")
                    .content("{\"stage\":\"" + stage + "\",\"measured\":" + measured + "}"), 200);
        }
        Actor inspector = new Actor("inspector-" + slug, "حسن کریمی", Role.INSPECTOR, slug, null);
        send(post(API + "/" + id + "/inspections").with(tokenOf(inspector)).contentType("application/json")
                .content("{\"measured\":" + measured + ",\"findings\":\"مطابق پروانه\"}"), 200);
        send(post(API + "/" + id + "/completion-certificate").with(tokenOf(town.reviewer())).contentType("application/json")
                .content("{\"certificateNumber\":\"PK-" + slug + "-1\"}"), 200);

        JsonNode history = read(id, citizen);
        assertThat(history.get("stage").asText()).isEqualTo("COMPLETED");
        assertThat(types(history)).containsExactly("PermitApplicationSubmitted", "ComplianceChecked",
                "ApplicationReturnedForCorrection", "PermitApplicationResubmitted", "ComplianceChecked", "FeesAssessed",
                "PaymentConfirmed", "ReviewerAssigned", "ApplicationApproved", "PermitIssued", "ConstructionStageReported",
                "ConstructionStageReported", "ConstructionStageReported", "InspectionRecorded", "CompletionCertificateIssued");
        assertThat(actors(history)).containsExactly(citizen.subject(), citizen.subject(), citizen.subject(),
                citizen.subject(), citizen.subject(), citizen.subject(), "system:payment-gateway", "system:review-assignment",
                town.reviewer().subject(), town.reviewer().subject(), engineer.subject(), engineer.subject(),
                engineer.subject(), inspector.subject(), town.reviewer().subject());
    }

    @Test
    void missedDeadlinesComeDueFromTheDatabaseAndAreRecorded() throws Exception {
        Town town = townWithAReviewer();
        var assessment = town.parcel().assessment();
        DocumentReference deed = upload("OWNERSHIP_DEED", "سند.pdf");
        List<DocumentReference> drawings = List.of(upload("ARCHITECTURAL_DRAWINGS", "نقشه-معماری.pdf"),
                upload("STRUCTURAL_DRAWINGS", "نقشه-سازه.pdf"));
        ProposedBuilding compliant = LargestHouse.allowedOn(assessment.outcome(), 0);

        // Left unpaid: the payment deadline the submission stored is made due now, as if thirty days had passed.
        JsonNode unpaid = send(post(API).with(tokenOf(citizen)).contentType("application/json").content(json.writeValueAsString(
                submission(assessment.assessmentId(), compliant, deed, drawings))), 201);
        String lapsed = unpaid.get("applicationId").asText();
        bringForward(lapsed, "permit-payment-due");
        JsonNode expired = Awaitility.await().atMost(PATIENCE).until(() -> read(lapsed, citizen),
                application -> application.get("stage").asText().equals("EXPIRED"));
        JsonNode expiry = lastOfType(expired, "ApplicationExpired").get("payload");
        assertThat(expiry.get("reason").asText()).isEqualTo("PAYMENT_NOT_RECEIVED");
        assertThat(expiry.get("dueOn").asText()).isEqualTo(IranTime.today(clock).plusDays(30).toString());
        assertThat(problemOf(send(post("/api/simulated-gateway/payments").with(tokenOf(citizen)).contentType("application/json")
                .content("{\"applicationId\":\"" + lapsed + "\",\"amountRials\":" + unpaid.get("dueRials").asLong() + "}"), 409)))
                .isEqualTo("PERMIT_PAYMENT_NOT_DUE");

        // Paid and assigned, but the reviewer lets the review deadline pass: the miss is recorded, the file stays theirs.
        JsonNode paid = send(post(API).with(tokenOf(citizen)).contentType("application/json").content(json.writeValueAsString(
                submission(assessment.assessmentId(), compliant, deed, drawings))), 201);
        String waiting = paid.get("applicationId").asText();
        send(post("/api/simulated-gateway/payments").with(tokenOf(citizen)).contentType("application/json")
                .content("{\"applicationId\":\"" + waiting + "\",\"amountRials\":" + paid.get("dueRials").asLong() + "}"), 200);
        Awaitility.await().atMost(PATIENCE).until(() -> read(waiting, citizen).get("stage").asText().equals("IN_REVIEW"));
        bringForward(waiting, "permit-review-due");
        JsonNode missed = Awaitility.await().atMost(PATIENCE).until(() -> read(waiting, town.reviewer()),
                application -> types(application).contains("ReviewDeadlineMissed"));
        assertThat(missed.get("stage").asText()).isEqualTo("IN_REVIEW");
        assertThat(lastOfType(missed, "ReviewDeadlineMissed").get("payload").get("reviewerSubject").asText())
                .isEqualTo(town.reviewer().subject());
    }

    // ================================================================ the town, documents, deadlines

    private record Town(AssessedParcels.Assessed parcel, Actor reviewer) {
    }

    /** A town of its own whose administrator has put one clerk on the review desk. */
    private Town townWithAReviewer() throws Exception {
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("permit", citizen);
        String slug = parcel.town().slug();
        Actor reviewer = new Actor("reviewer-" + slug, "علی رضایی", Role.CLERK, slug, null);
        send(put("/api/municipalities/" + slug + "/review-desk/reviewers/" + reviewer.subject())
                .with(tokenOf(parcel.town().admin())).contentType("application/json").content("{\"name\":\"علی رضایی\"}"), 204);
        Awaitility.await().atMost(PATIENCE).until(() -> send(get("/api/municipalities/" + slug + "/review-desk")
                .with(tokenOf(reviewer)), 200).get("reviewers").size() == 1);
        return new Town(parcel, reviewer);
    }

    private DocumentReference upload(String kind, String fileName) throws Exception {
        byte[] pdf = ("%PDF-1.7\n% " + kind + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        JsonNode stored = send(post("/api/documents").with(tokenOf(citizen)).contentType("application/pdf").content(pdf), 201);
        return new DocumentReference(kind, fileName, stored.get("mediaType").asText(), stored.get("sizeBytes").asLong(),
                stored.get("sha256").asText());
    }

    /**
     * Time passing, for one deadline: the application's stored deadline of that name (a db-scheduler row written by
     * Axon's DbSchedulerDeadlineManager) is made due now, and db-scheduler runs it as it would on the day.
     */
    private void bringForward(String applicationId, String deadline) {
        int moved = dsl.update(SCHEDULED_TASKS)
                .set(SCHEDULED_TASKS.EXECUTION_TIME, DSL.currentOffsetDateTime())
                .where(DSL.condition("position({0}::bytea in {1}) > 0", DSL.val(applicationId), SCHEDULED_TASKS.TASK_DATA))
                .and(DSL.condition("position({0}::bytea in {1}) > 0", DSL.val(deadline), SCHEDULED_TASKS.TASK_DATA))
                .execute();
        assertThat(moved).as("stored deadlines %s of %s", deadline, applicationId).isEqualTo(1);
    }

    // ================================================================ requests

    private static Map<String, Object> submission(String assessmentId, ProposedBuilding building, DocumentReference deed,
                                                  List<DocumentReference> documents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessmentId", assessmentId);
        body.put("building", building);
        body.put("ownershipDocument", deed);
        body.put("documents", documents);
        return body;
    }

    private JsonNode read(String id, Actor reader) throws Exception {
        return send(get(API + "/" + id).with(tokenOf(reader)), 200);
    }

    private JsonNode send(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("%s answered %s", request.buildRequest(null).getRequestURI(), body)
                .isEqualTo(expectedStatus);
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }

    private static String problemOf(JsonNode problem) {
        return problem.get("code").asText();
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.get("events").forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    private static List<String> actors(JsonNode history) {
        List<String> actors = new ArrayList<>();
        history.get("events").forEach(event -> actors.add(event.get("actorSubject").asText()));
        return actors;
    }

    private static JsonNode lastOfType(JsonNode history, String type) {
        JsonNode last = null;
        for (JsonNode event : history.get("events")) {
            if (event.get("type").asText().equals(type)) {
                last = event;
            }
        }
        assertThat(last).as("a %s event in %s", type, types(history)).isNotNull();
        return last;
    }
}
