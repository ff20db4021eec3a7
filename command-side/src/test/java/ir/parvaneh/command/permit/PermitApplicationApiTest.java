package ir.parvaneh.command.permit;

import ir.parvaneh.command.permit.payment.PaymentSignatures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.support.AssessedParcels;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.DemoTown;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitCommands.AssignReviewer;
import ir.parvaneh.kernel.permit.PermitCommands.ConfirmPayment;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;
import ir.parvaneh.kernel.time.IranTime;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.permit.PermitCommands.SubmitPermitApplication;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ir.parvaneh.command.permit.PermitHttp.problem;
import static ir.parvaneh.command.permit.PermitHttp.types;
import static ir.parvaneh.command.permit.PermitTestData.DEED;
import static ir.parvaneh.command.permit.PermitTestData.DRAWINGS;
import static ir.parvaneh.command.support.DocumentUploads.uploaded;
import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The permit application's command API over HTTP with tokens, on the real database: a citizen submits on an
 * assessment issued over HTTP, fails the check, corrects, is priced, and withdraws; a retried request with the same
 * Idempotency-Key records nothing new; the reviewer's decision on a stale version is a conflict; and every bad
 * input is a problem document that stores no event. Payment and assignment have no endpoint yet: the test sends
 * their commands as the platform.
 */
@CommandSideIntegrationTest
class PermitApplicationApiTest {

    private static final String API = "/api/permit-applications";

    @Autowired
    PaymentSignatures signatures;
    @Autowired
    MockMvc mvc;
    @Autowired
    AssessedParcels parcels;
    @Autowired
    ObjectMapper json;
    @Autowired
    StoredEvents events;
    @Autowired
    ActingCommands commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    Clock clock;

    private final Actor citizen = new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN, null,
            "0012345679");
    private PermitHttp http;
    private DemoTown.Town town;
    private ZoningAssessmentIssued assessment;
    private ProposedBuilding compliant;

    @BeforeEach
    void aParcelAssessedForHousingWhereTheLargestBuildingAllowedComplies() throws Exception {
        http = new PermitHttp(mvc, json);
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("papi", citizen);
        town = parcel.town();
        assessment = parcel.assessment();
        compliant = parcel.compliant();
    }

    @Test
    void givenAFailingProposalWhenSubmittedThenItIsReturnedWithTheViolatedRulesAndTheCorrectionIsPricedAndWithdrawn()
            throws Exception {
        JsonNode returned = send(submit(submission(assessment.assessmentId(), LargestHouse.allowedOn(assessment.outcome(), 1)))
                .header("Idempotency-Key", "submit-" + town.slug()), 201);
        String id = returned.get("applicationId").asText();
        assertThat(returned.get("stage").asText()).isEqualTo("RETURNED_FOR_CORRECTION");
        assertThat(returned.get("complianceResult").asText()).isEqualTo("FAILED");
        assertThat(returned.get("violatedRules").findValuesAsText("rule")).contains("floors-within-max");
        assertThat(types(returned.get("recorded"))).containsExactly("PermitApplicationSubmitted",
                "ComplianceChecked", "ApplicationReturnedForCorrection");
        assertThat(returned.get("version").asLong()).isEqualTo(2);

        long before = events.total();
        JsonNode retried = send(submit(submission(assessment.assessmentId(), LargestHouse.allowedOn(assessment.outcome(), 1)))
                .header("Idempotency-Key", "submit-" + town.slug()), 201);
        assertThat(retried.get("applicationId").asText()).isEqualTo(id);
        assertThat(retried.get("recorded")).isEqualTo(returned.get("recorded"));
        assertThat(events.total()).isEqualTo(before);

        JsonNode corrected = send(post(API + "/" + id + "/resubmissions").with(tokenOf(citizen))
                .header("Idempotency-Key", "resubmit-1").contentType("application/json")
                .content(json.writeValueAsString(Map.of("building", compliant, "documents", uploaded(mvc, DRAWINGS)))), 200);
        assertThat(corrected.get("stage").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(corrected.get("complianceResult").asText()).isEqualTo("PASSED");
        assertThat(corrected.get("violatedRules")).isEmpty();
        assertThat(corrected.get("dueRials").asLong()).isPositive();
        assertThat(types(corrected.get("recorded"))).containsExactly("PermitApplicationResubmitted",
                "ComplianceChecked", "FeesAssessed");

        send(post(API + "/" + id + "/resubmissions").with(tokenOf(citizen)).header("Idempotency-Key", "resubmit-1")
                .contentType("application/json")
                .content(json.writeValueAsString(Map.of("building", compliant, "documents", uploaded(mvc, DRAWINGS)))), 200);
        assertThat(events.total()).isEqualTo(before + 3);

        JsonNode history = send(get(API + "/" + id).with(tokenOf(citizen)), 200);
        assertThat(history.get("stage").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(history.get("version").asLong()).isEqualTo(5);
        assertThat(history.get("events").findValuesAsText("sequence")).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(history.get("events").get(0).get("actorSubject").asText()).isEqualTo(citizen.subject());
        Actor neighbour = new Actor("3b5d7f9a-1c2e-4f6a-8b0d-2e4f6a8c0e11", "حمید نوری", Role.CITIZEN, null, "1234567891");
        assertThat(problem(send(get(API + "/" + id).with(tokenOf(neighbour)), 403))).isEqualTo("PERMIT_NOT_APPLICANT");
        assertThat(problem(send(get(API + "/" + id).with(tokenOf(clerkOf("another-town"))), 403)))
                .isEqualTo("FORBIDDEN_MUNICIPALITY");
        send(get(API + "/" + id).with(tokenOf(clerkOf(town.slug()))), 200);

        assertThat(problem(send(post(API + "/" + id + "/withdrawal").with(tokenOf(neighbour))
                .contentType("application/json").content("{}"), 403))).isEqualTo("PERMIT_NOT_APPLICANT");
        JsonNode withdrawn = send(post(API + "/" + id + "/withdrawal").with(tokenOf(citizen))
                .contentType("application/json").content("{\"reason\":\"تغییر برنامه ساخت\"}"), 200);
        assertThat(withdrawn.get("stage").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.at("/recorded/0/payload/stage").asText()).isEqualTo("AWAITING_PAYMENT");

        long afterWithdrawal = events.total();
        JsonNode again = send(post(API + "/" + id + "/withdrawal").with(tokenOf(citizen))
                .contentType("application/json").content("{}"), 409);
        assertThat(problem(again)).isEqualTo("PERMIT_TRANSITION_NOT_ALLOWED");
        assertThat(again.get("stage").asText()).isEqualTo("WITHDRAWN");
        assertThat(events.total()).isEqualTo(afterWithdrawal);
    }

    @Test
    void givenAnApplicationInReviewWhenTheReviewerDecidesOnAStaleVersionThenItConflictsAndOnTheLatestItIsApproved()
            throws Exception {
        JsonNode submitted = send(submit(submission(assessment.assessmentId(), compliant)), 201);
        String id = submitted.get("applicationId").asText();
        assertThat(submitted.get("stage").asText()).isEqualTo("AWAITING_PAYMENT");
        PermitApplicationId applicationId = PermitApplicationId.parse(id);
        commands.send(new ConfirmPayment(applicationId, "pay-1", "IRK-1405-" + town.slug(), submitted.get("dueRials").asLong(),
                "2026-11-29T07:12:00Z"), Actor.system("payment-gateway"));
        Actor reviewer = clerkOf(town.slug());
        commands.send(new AssignReviewer(applicationId, "assign-1", reviewer.subject(), reviewer.displayName(), "CLERK",
                town.slug(), IranTime.today(clock).plusDays(10).toString()), Actor.system("review-assignment"));
        JsonNode inReview = send(get(API + "/" + id).with(tokenOf(reviewer)), 200);
        assertThat(inReview.get("stage").asText()).isEqualTo("IN_REVIEW");
        long version = inReview.get("version").asLong();

        long before = events.total();
        JsonNode stale = send(decide(id, "approval", reviewer, "{\"expectedVersion\":" + (version - 1) + "}"), 409);
        assertThat(problem(stale)).isEqualTo("PERMIT_APPLICATION_CHANGED");
        assertThat(stale.get("title_fa").asText()).isNotBlank();
        assertThat(stale.get("title_en").asText()).isEqualTo("The application changed since you read it; look again");
        assertThat(problem(send(decide(id, "approval", reviewer, "{}"), 400))).isEqualTo("VALIDATION_FAILED");
        assertThat(problem(send(decide(id, "approval", clerkOf("another-town"), "{\"expectedVersion\":" + version + "}"),
                403))).isEqualTo("PERMIT_NOT_ASSIGNED_REVIEWER");
        assertThat(problem(send(decide(id, "approval", citizen, "{\"expectedVersion\":" + version + "}"), 403)))
                .isEqualTo("FORBIDDEN_ROLE");
        assertThat(problem(send(decide(id, "changes-requested", reviewer, "{\"expectedVersion\":" + version
                + ",\"citedRules\":[\"no-such-rule\"]}"), 422))).isEqualTo("PERMIT_RULE_CITATION_INVALID");
        assertThat(problem(send(decide(id, "rejection", reviewer, "{\"expectedVersion\":" + version + "}"), 422)))
                .isEqualTo("PERMIT_DISCRETION_REQUIRED");
        assertThat(events.total()).isEqualTo(before);

        JsonNode approved = send(decide(id, "approval", reviewer, "{\"expectedVersion\":" + version + "}")
                .header("Idempotency-Key", "approve-" + id), 200);
        assertThat(approved.get("stage").asText()).isEqualTo("APPROVED");
        assertThat(types(approved.get("recorded"))).containsExactly("ApplicationApproved");
        send(decide(id, "approval", reviewer, "{\"expectedVersion\":" + version + "}")
                .header("Idempotency-Key", "approve-" + id), 200);
        assertThat(events.total()).isEqualTo(before + 1);

        String permit = "{\"conditions\":[\"رعایت مقررات ملی ساختمان\"],\"supervisingEngineerSubject\":\"engineer.1\","
                + "\"supervisingEngineerName\":\"مهندس ناظر\"}";
        assertThat(problem(send(post(API + "/" + id + "/permit").with(tokenOf(clerkOf("another-town")))
                .contentType("application/json").content(permit), 403))).isNotBlank();
        assertThat(problem(send(post(API + "/" + id + "/permit").with(tokenOf(citizen))
                .contentType("application/json").content(permit), 403))).isEqualTo("FORBIDDEN_ROLE");
        JsonNode issued = send(post(API + "/" + id + "/permit").with(tokenOf(reviewer))
                .contentType("application/json").content(permit), 201);
        assertThat(issued.get("permitNumber").asText()).matches(town.slug() + "-1[34]\\d{2}-000001");
        assertThat(send(post(API + "/" + id + "/permit").with(tokenOf(reviewer))
                .contentType("application/json").content(permit), 201).get("permitNumber")).isEqualTo(issued.get("permitNumber"));
        assertThat(events.total()).isEqualTo(before + 2);

        // Construction: the supervising engineer reports each stage as built to the permit, an inspector confirms,
        // and the clerk issues the completion certificate (پایان کار).
        Actor engineer = new Actor("engineer.1", "مهندس ناظر", Role.ENGINEER, null, null);
        Actor inspector = new Actor("inspector." + town.slug(), "حسن کریمی", Role.INSPECTOR, town.slug(), null);
        // Measured as approved: the envelope's exact sum, not a sum of doubles that can land a hair above it.
        String measured = json.writeValueAsString(compliant.envelope());
        assertThat(problem(send(post(API + "/" + id + "/stage-reports").with(tokenOf(citizen)).contentType("application/json")
                .content("{\"stage\":\"FOUNDATION\",\"measured\":" + measured + "}"), 403))).isEqualTo("FORBIDDEN_ROLE");
        for (String stage : List.of("FOUNDATION", "STRUCTURE", "FINISHING")) {
            send(post(API + "/" + id + "/stage-reports").with(tokenOf(engineer)).contentType("application/json")
                    .content("{\"stage\":\"" + stage + "\",\"measured\":" + measured + "}"), 200);
        }
        send(post(API + "/" + id + "/inspections").with(tokenOf(inspector)).contentType("application/json")
                .content("{\"measured\":" + measured + ",\"findings\":\"مطابق پروانه\"}"), 200);
        send(post(API + "/" + id + "/completion-certificate").with(tokenOf(reviewer)).contentType("application/json")
                .content("{\"certificateNumber\":\"PK-" + town.slug() + "-1\"}"), 200);
        assertThat(send(get(API + "/" + id).with(tokenOf(citizen)), 200).get("stage").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void givenAnApplicationAwaitingPaymentWhenTheGatewayCallsBackThenOnlyASignedCallbackForTheAmountDueConfirmsIt()
            throws Exception {
        JsonNode submitted = send(submit(submission(assessment.assessmentId(), compliant)), 201);
        String id = submitted.get("applicationId").asText();
        long due = submitted.get("dueRials").asLong();
        String paidAt = "2026-11-29T07:12:00Z";
        String reference = "IRK-1405-" + town.slug();
        long before = events.total();

        assertThat(problem(send(callback(id, reference, due, paidAt, "00".repeat(32)), 401))).isEqualTo("PAYMENT_SIGNATURE_INVALID");
        assertThat(problem(send(callback(id, reference, due - 1000, paidAt, signatures.sign(id, reference, due, paidAt)), 401)))
                .as("a signature for another amount").isEqualTo("PAYMENT_SIGNATURE_INVALID");
        assertThat(problem(send(callback(id, reference, due, paidAt, "not hex"), 401))).isEqualTo("PAYMENT_SIGNATURE_INVALID");
        assertThat(problem(send(callback(id, reference, due - 1000, paidAt, signatures.sign(id, reference, due - 1000, paidAt)), 422)))
                .as("signed, but not the amount due").isEqualTo("PERMIT_PAYMENT_AMOUNT_MISMATCH");
        assertThat(events.total()).isEqualTo(before);

        send(callback(id, reference, due, paidAt, signatures.sign(id, reference, due, paidAt)), 200);
        send(callback(id, reference, due, paidAt, signatures.sign(id, reference, due, paidAt)), 200);
        assertThat(events.total()).as("the same callback twice confirms once").isEqualTo(before + 1);
        assertThat(send(get(API + "/" + id).with(tokenOf(citizen)), 200).get("stage").asText()).isEqualTo("AWAITING_REVIEW");
    }

    @Test
    void givenAnApplicationAwaitingPaymentWhenTheCitizenPaysThroughTheSimulatedGatewayThenItGoesToReview() throws Exception {
        JsonNode submitted = send(submit(submission(assessment.assessmentId(), compliant)), 201);
        String id = submitted.get("applicationId").asText();
        long due = submitted.get("dueRials").asLong();
        String wrongAmount = "{\"applicationId\":\"" + id + "\",\"amountRials\":" + (due + 1000) + "}";
        assertThat(problem(send(post("/api/simulated-gateway/payments").with(tokenOf(citizen))
                .contentType("application/json").content(wrongAmount), 422))).isEqualTo("PERMIT_PAYMENT_AMOUNT_MISMATCH");

        send(post("/api/simulated-gateway/payments").with(tokenOf(citizen)).contentType("application/json")
                .content("{\"applicationId\":\"" + id + "\",\"amountRials\":" + due + "}"), 200);

        assertThat(send(get(API + "/" + id).with(tokenOf(citizen)), 200).get("stage").asText()).isEqualTo("AWAITING_REVIEW");
    }

    private MockHttpServletRequestBuilder callback(String id, String reference, long amount, String paidAt, String signature)
            throws Exception {
        return post("/api/payments/callbacks").contentType("application/json").content(json.writeValueAsString(
                Map.of("applicationId", id, "reference", reference, "amountRials", amount, "paidAt", paidAt,
                        "signature", signature)));
    }

    /**
     * A new submission is answered with the events its command appended, not read back (issue 5): the answer must be
     * what a read of the store gives, field for field, down to each event's instant.
     */
    @Test
    void givenAPassingSubmissionWhenAnsweredThenItsRecordedEventsAreWhatTheStoreHolds() throws Exception {
        JsonNode submitted = send(submit(submission(assessment.assessmentId(), compliant)), 201);
        assertThat(submitted.get("stage").asText()).isEqualTo("AWAITING_PAYMENT");

        JsonNode stored = send(get(API + "/" + submitted.get("applicationId").asText()).with(tokenOf(citizen)), 200);
        assertThat(submitted.get("recorded")).isEqualTo(stored.get("events"));
        assertThat(submitted.get("version")).isEqualTo(stored.get("version"));
        assertThat(submitted.get("stage")).isEqualTo(stored.get("stage"));

        // The events reach the request through the command's committed unit of work; a repeat appends none.
        SubmitPermitApplication direct = new SubmitPermitApplication(PermitApplicationId.random(), "direct-submission",
                MunicipalityId.parse(assessment.municipalityId()), assessment.municipalitySlug(), assessment.plate(),
                assessment, compliant, uploaded(mvc, DEED), uploaded(mvc, DRAWINGS));
        assertThat(commands.sendRecording(direct, citizen).orElseThrow())
                .extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(commands.sendRecording(direct, citizen)).isEmpty();
    }

    @Test
    void givenBadInputWhenSubmittedThenEachIsAProblemAndNothingIsStored() throws Exception {
        String expiredId = anExpiredCopyOf(assessment);
        long before = events.total();

        JsonNode noAssessment = send(submit(submission(null, compliant)), 400);
        assertThat(problem(noAssessment)).isEqualTo("VALIDATION_FAILED");
        assertThat(noAssessment.get("field").asText()).isEqualTo("assessmentId");
        assertThat(problem(send(submit(submission(ZoningAssessmentId.random().toString(), compliant)), 404)))
                .isEqualTo("ASSESSMENT_NOT_FOUND");
        assertThat(problem(send(submit(submission("not-an-assessment", compliant)), 400))).isEqualTo("INVALID_IDENTIFIER");
        JsonNode expired = send(submit(submission(expiredId, compliant)), 422);
        assertThat(problem(expired)).isEqualTo("PERMIT_ASSESSMENT_EXPIRED");
        assertThat(expired.get("validUntil").asText()).isEqualTo(IranTime.today(clock).minusDays(1).toString());

        JsonNode noBuilding = send(submit(submission(assessment.assessmentId(), null)), 422);
        assertThat(problem(noBuilding)).isEqualTo("PERMIT_PROPOSAL_INVALID");
        assertThat(noBuilding.get("field").asText()).isEqualTo("building");
        ProposedBuilding negativeFootprint = new ProposedBuilding(compliant.use(), compliant.floors(), -120, compliant.units(),
                compliant.parkingSpaces(), compliant.heightM(), null);
        assertThat(send(submit(submission(assessment.assessmentId(), negativeFootprint)), 422).get("field").asText())
                .isEqualTo("building.footprintM2");
        List<ProposedFloor> negativeFloor = new ArrayList<>(compliant.floors());
        negativeFloor.set(0, new ProposedFloor(0, "STOREY", "RESIDENTIAL", -92));
        ProposedBuilding negativeArea = new ProposedBuilding(compliant.use(), negativeFloor, compliant.footprintM2(),
                compliant.units(), compliant.parkingSpaces(), compliant.heightM(), null);
        assertThat(send(submit(submission(assessment.assessmentId(), negativeArea)), 422).get("field").asText())
                .isEqualTo("building.floors[0].grossAreaM2");
        Map<String, Object> noDeed = submission(assessment.assessmentId(), compliant);
        noDeed.remove("ownershipDocument");
        assertThat(problem(send(post(API).with(tokenOf(citizen)).contentType("application/json")
                .content(json.writeValueAsString(noDeed)), 422))).isEqualTo("PERMIT_DOCUMENT_INVALID");
        assertThat(problem(send(post(API).with(tokenOf(citizen)).contentType("application/json")
                .content("{\"building\":{\"footprintM2\":\"large\"}}"), 400))).isEqualTo("MALFORMED_REQUEST");
        assertThat(problem(send(submit(submission(assessment.assessmentId(), compliant))
                .header("Idempotency-Key", "k".repeat(101)), 400))).isEqualTo("VALIDATION_FAILED");

        assertThat(problem(send(post(API).with(tokenOf(clerkOf(town.slug()))).contentType("application/json")
                .content(json.writeValueAsString(submission(assessment.assessmentId(), compliant))), 403)))
                .isEqualTo("FORBIDDEN_ROLE");
        send(post(API).contentType("application/json")
                .content(json.writeValueAsString(submission(assessment.assessmentId(), compliant))), 401);
        String unknown = PermitApplicationId.random().toString();
        assertThat(problem(send(post(API + "/" + unknown + "/withdrawal").with(tokenOf(citizen))
                .contentType("application/json").content("{}"), 404))).isEqualTo("NOT_FOUND");
        assertThat(problem(send(get(API + "/" + unknown).with(tokenOf(citizen)), 404))).isEqualTo("NOT_FOUND");
        assertThat(events.total()).isEqualTo(before);
    }

    /** The same assessment recorded again under a new id, as if issued long ago: its last valid day was yesterday. */
    private String anExpiredCopyOf(ZoningAssessmentIssued issued) {
        String id = ZoningAssessmentId.random().toString();
        String yesterday = IranTime.today(clock).minusDays(1).toString();
        ZoningAssessmentIssued expired = new ZoningAssessmentIssued(id, issued.municipalityId(), issued.municipalitySlug(),
                issued.plate(), issued.intendedUse(), issued.asOf(), issued.issuedOn(), yesterday, issued.rulebookVersion(),
                issued.rulebookSha256(), issued.facts(), issued.outcome());
        eventStore.publish(new GenericDomainEventMessage<>("ZoningAssessment", id, 0, expired,
                MetaData.from(citizen.toMetaData())));
        return id;
    }

    private Map<String, Object> submission(String assessmentId, ProposedBuilding building) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessmentId", assessmentId);
        body.put("building", building);
        body.put("ownershipDocument", uploaded(mvc, DEED));
        body.put("documents", uploaded(mvc, DRAWINGS));
        return body;
    }

    private MockHttpServletRequestBuilder submit(Map<String, Object> body) throws Exception {
        return post(API).with(tokenOf(citizen)).contentType("application/json").content(json.writeValueAsString(body));
    }

    private MockHttpServletRequestBuilder decide(String id, String decision, Actor actor, String body) {
        return post(API + "/" + id + "/" + decision).with(tokenOf(actor)).contentType("application/json").content(body);
    }

    private static Actor clerkOf(String slug) {
        return new Actor("clerk." + slug, "علی رضایی", Role.CLERK, slug, null);
    }

    private JsonNode send(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return http.send(request, expectedStatus);
    }
}
