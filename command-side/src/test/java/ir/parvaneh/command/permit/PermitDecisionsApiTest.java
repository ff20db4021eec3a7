package ir.parvaneh.command.permit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.permit.payment.PaymentSignatures;
import ir.parvaneh.command.support.AssessedParcels;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.DemoTown;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.error.Rejection;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitCommands.AssignReviewer;
import ir.parvaneh.kernel.permit.PermitValues.Discretion;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;
import ir.parvaneh.kernel.time.IranTime;
import org.axonframework.commandhandling.CommandExecutionException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The decisions that need a second person, over HTTP with tokens on the real database: a rejection of an application
 * whose check passed waits for another staff member (the proposer cannot confirm it; a refusal sends it back to the
 * reviewer), a fee waiver confirmed by a second staff member lowers what is paid, and the applicant's one objection to
 * a rejection is decided by a clerk who took no part in it. Every refused request is a problem that stores nothing.
 * Payment is confirmed through the signed gateway callback and the reviewer assigned as the platform, as in production.
 */
@CommandSideIntegrationTest
class PermitDecisionsApiTest {

    private static final String API = "/api/permit-applications";
    private static final Discretion BASIS = new Discretion("QAZVIN-DP-1404-117-ART-14",
            "طرح با ضوابط منطبق است اما با طرح تعریض معبر در دست تصویب مغایرت دارد");

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
    PaymentSignatures signatures;
    @Autowired
    Clock clock;

    private final Actor citizen = new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN, null,
            "0012345679");
    private final Actor neighbour = new Actor("3b5d7f9a-1c2e-4f6a-8b0d-2e4f6a8c0e11", "حمید نوری", Role.CITIZEN, null,
            "1234567891");
    private PermitHttp http;
    private DemoTown.Town town;
    private ZoningAssessmentIssued assessment;
    private ProposedBuilding compliant;
    private Actor reviewer;
    private Actor secondClerk;
    private Actor admin;
    private Actor otherTownClerk;

    @BeforeEach
    void aParcelAssessedForHousingWhereTheLargestBuildingAllowedComplies() throws Exception {
        http = new PermitHttp(mvc, json);
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("pdec", citizen);
        town = parcel.town();
        assessment = parcel.assessment();
        compliant = parcel.compliant();
        reviewer = new Actor("clerk." + town.slug(), "علی رضایی", Role.CLERK, town.slug(), null);
        secondClerk = new Actor("clerk2." + town.slug(), "فاطمه حسینی", Role.CLERK, town.slug(), null);
        admin = town.admin();
        otherTownClerk = new Actor("clerk.another-town", "سعید کاظمی", Role.CLERK, "another-town", null);
    }

    @Test
    void givenAPassingApplicationWhenItsReviewerRejectsItThenAnotherStaffMemberConfirmsOrSendsItBack() throws Exception {
        String id = inReview(compliant);

        JsonNode proposed = send(decide(id, "rejection", reviewer, "{\"expectedVersion\":" + version(id)
                + ",\"discretion\":" + json.writeValueAsString(BASIS) + "}"), 200);
        assertThat(proposed.get("stage").asText()).isEqualTo("AWAITING_SECOND_APPROVAL");
        assertThat(types(proposed.get("recorded"))).containsExactly("DiscretionaryDecisionProposed");
        assertThat(proposed.at("/recorded/0/payload/kind").asText()).isEqualTo("REJECT");
        assertThat(proposed.at("/recorded/0/payload/legalBasisCode").asText()).isEqualTo(BASIS.legalBasisCode());

        long before = events.total();
        JsonNode ownConfirmation = send(decide(id, "discretionary-decision/confirmation", reviewer,
                "{\"expectedVersion\":" + version(id) + "}"), 403);
        assertThat(problem(ownConfirmation)).isEqualTo("PERMIT_SECOND_APPROVER_NOT_ELIGIBLE");
        assertThat(ownConfirmation.get("proposerSubject").asText()).isEqualTo(reviewer.subject());
        assertThat(problem(send(decide(id, "discretionary-decision/refusal", reviewer,
                "{\"expectedVersion\":" + version(id) + ",\"reason\":\"خودم منصرف شدم\"}"), 403)))
                .isEqualTo("PERMIT_SECOND_APPROVER_NOT_ELIGIBLE");
        assertThat(problem(send(decide(id, "discretionary-decision/confirmation", admin,
                "{\"expectedVersion\":" + (version(id) - 1) + "}"), 409))).isEqualTo("PERMIT_APPLICATION_CHANGED");
        assertThat(events.total()).isEqualTo(before);

        JsonNode declined = send(decide(id, "discretionary-decision/refusal", admin, "{\"expectedVersion\":" + version(id)
                + ",\"reason\":\"طرح تعریض معبر هنوز تصویب نشده و مبنای رد نیست\"}"), 200);
        assertThat(declined.get("stage").asText()).isEqualTo("IN_REVIEW");
        assertThat(types(declined.get("recorded"))).containsExactly("DiscretionaryDecisionDeclined");
        assertThat(declined.at("/recorded/0/actorSubject").asText()).isEqualTo(admin.subject());

        send(decide(id, "rejection", reviewer, "{\"expectedVersion\":" + version(id) + ",\"discretion\":"
                + json.writeValueAsString(BASIS) + "}"), 200);
        JsonNode confirmed = send(decide(id, "discretionary-decision/confirmation", secondClerk,
                "{\"expectedVersion\":" + version(id) + "}").header("Idempotency-Key", "confirm-" + id), 200);
        assertThat(confirmed.get("stage").asText()).isEqualTo("REJECTED");
        assertThat(types(confirmed.get("recorded"))).containsExactly("DiscretionaryDecisionConfirmed", "ApplicationRejected");
        JsonNode rejection = confirmed.at("/recorded/1/payload");
        assertThat(rejection.get("discretionary").asBoolean()).isTrue();
        assertThat(rejection.get("deciderSubject").asText()).isEqualTo(reviewer.subject());
        assertThat(rejection.get("secondApproverSubject").asText()).isEqualTo(secondClerk.subject());

        long afterConfirmation = events.total();
        JsonNode retried = send(decide(id, "discretionary-decision/confirmation", secondClerk,
                "{\"expectedVersion\":" + (version(id) - 2) + "}").header("Idempotency-Key", "confirm-" + id), 200);
        assertThat(retried.get("recorded")).isEqualTo(confirmed.get("recorded"));
        assertThat(events.total()).isEqualTo(afterConfirmation);
        assertThat(send(get(API + "/" + id).with(tokenOf(citizen)), 200).get("stage").asText()).isEqualTo("REJECTED");
    }

    @Test
    void givenAFeeWaiverProposedByOneClerkWhenAnotherConfirmsItThenLessIsDueAndTheNewAmountIsPaid() throws Exception {
        // A shop in the basement is charged a fee line of its own (per floor) beside the building-area fee; below
        // ground it changes no limit the check applies, whatever the zone allows above.
        List<ProposedFloor> floors = new ArrayList<>(compliant.floors());
        floors.add(0, new ProposedFloor(-1, "STOREY", "COMMERCIAL", compliant.footprintM2()));
        ProposedBuilding withShop = new ProposedBuilding(compliant.use(), floors, compliant.footprintM2(), compliant.units(),
                compliant.parkingSpaces(), compliant.heightM(), 4.5);
        JsonNode submitted = send(submit(withShop), 201);
        String id = submitted.get("applicationId").asText();
        assertThat(submitted.get("stage").asText()).isEqualTo("AWAITING_PAYMENT");
        long due = submitted.get("dueRials").asLong();
        JsonNode commercial = commercialLine(submitted);
        long commercialRials = commercial.get("amountRials").asLong();
        assertThat(commercialRials).isPositive().isLessThan(due);

        JsonNode proposed = send(waive(id, reviewer, commercialWaiver(version(id))), 200);
        assertThat(proposed.get("stage").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(types(proposed.get("recorded"))).containsExactly("DiscretionaryDecisionProposed");
        assertThat(proposed.at("/recorded/0/payload/kind").asText()).isEqualTo("WAIVE_FEE");
        assertThat(proposed.at("/recorded/0/payload/waivedRials").asLong()).isEqualTo(commercialRials);

        long before = events.total();
        String reference = "IRK-1405-" + town.slug();
        String paidAt = "2026-11-29T07:12:00Z";
        assertThat(problem(send(callback(id, reference, due, paidAt), 409)))
                .as("no payment is taken while the waiver waits").isEqualTo("PERMIT_DISCRETION_PENDING");
        assertThat(problem(send(decide(id, "discretionary-decision/confirmation", reviewer,
                "{\"expectedVersion\":" + version(id) + "}"), 403))).isEqualTo("PERMIT_SECOND_APPROVER_NOT_ELIGIBLE");
        assertThat(problem(send(waive(id, secondClerk, commercialWaiver(version(id))), 409)))
                .as("one waiver at a time").isEqualTo("PERMIT_DISCRETION_PENDING");
        assertThat(events.total()).isEqualTo(before);

        JsonNode confirmed = send(decide(id, "discretionary-decision/confirmation", admin,
                "{\"expectedVersion\":" + version(id) + "}"), 200);
        assertThat(types(confirmed.get("recorded"))).containsExactly("DiscretionaryDecisionConfirmed", "FeeLineWaived");
        assertThat(confirmed.get("stage").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(confirmed.get("dueRials").asLong()).isEqualTo(due - commercialRials);

        long lowered = confirmed.get("dueRials").asLong();
        assertThat(problem(send(callback(id, reference, due, paidAt), 422))).isEqualTo("PERMIT_PAYMENT_AMOUNT_MISMATCH");
        send(callback(id, reference, lowered, paidAt), 200);
        JsonNode paid = send(get(API + "/" + id).with(tokenOf(citizen)), 200);
        assertThat(paid.get("stage").asText()).isEqualTo("AWAITING_REVIEW");
        assertThat(paid.at("/events/" + version(id) + "/payload/amountRials").asLong()).isEqualTo(lowered);
    }

    @Test
    void givenARejectedApplicationWhenTheApplicantObjectsThenAClerkWhoTookNoPartUpholdsItOrDismissesItForGood()
            throws Exception {
        String upheldId = rejected(compliant);
        long before = events.total();
        assertThat(problem(send(object(upheldId, neighbour, "{\"grounds\":\"ملک من است\"}"), 403)))
                .isEqualTo("PERMIT_NOT_APPLICANT");
        JsonNode objected = send(object(upheldId, citizen,
                "{\"grounds\":\"طرح تعریض معبر هنوز تصویب نشده و ملاک رد نیست\"}"), 200);
        assertThat(objected.get("stage").asText()).isEqualTo("OBJECTION_PENDING");
        assertThat(types(objected.get("recorded"))).containsExactly("ObjectionFiled");
        assertThat(events.total()).isEqualTo(before + 1);

        String upheld = "{\"expectedVersion\":" + version(upheldId) + ",\"upheld\":true,\"reason\":\"دلیل رد مستند نیست\"}";
        assertThat(problem(send(decide(upheldId, "objection/decision", reviewer, upheld), 403)))
                .as("the rejecting clerk").isEqualTo("PERMIT_OBJECTION_DECIDER_CONFLICTED");
        assertThat(problem(send(decide(upheldId, "objection/decision", secondClerk, upheld), 403)))
                .as("the rejection's second approver").isEqualTo("PERMIT_OBJECTION_DECIDER_CONFLICTED");
        assertThat(events.total()).isEqualTo(before + 1);
        JsonNode decided = send(decide(upheldId, "objection/decision", thirdClerk(), upheld), 200);
        assertThat(decided.get("stage").asText()).isEqualTo("AWAITING_REVIEW");
        assertThat(types(decided.get("recorded"))).containsExactly("ObjectionUpheld");
        // Back to review, but not with the clerk who rejected it.
        PermitApplicationId applicationId = PermitApplicationId.parse(upheldId);
        assertThatThrownBy(() -> commands.send(new AssignReviewer(applicationId, "assign-again", reviewer.subject(),
                reviewer.displayName(), "CLERK", town.slug(), IranTime.today(clock).plusDays(10).toString()),
                Actor.system("review-assignment")))
                .isInstanceOfSatisfying(CommandExecutionException.class, e -> assertThat(e.<Rejection>getDetails())
                        .map(Rejection::errorCode).hasValue(ErrorCode.PERMIT_REVIEWER_NOT_ELIGIBLE));

        String dismissedId = rejected(compliant);
        send(object(dismissedId, citizen, "{\"grounds\":\"طرح تعریض معبر هنوز تصویب نشده است\"}"), 200);
        JsonNode dismissed = send(decide(dismissedId, "objection/decision", thirdClerk(), "{\"expectedVersion\":"
                + version(dismissedId) + ",\"upheld\":false,\"reason\":\"طرح تعریض در شورای شهر تصویب شده است\"}"), 200);
        assertThat(dismissed.get("stage").asText()).isEqualTo("REJECTED");
        assertThat(types(dismissed.get("recorded"))).containsExactly("ObjectionDismissed");
        long afterDismissal = events.total();
        JsonNode again = send(object(dismissedId, citizen, "{\"grounds\":\"دوباره اعتراض دارم\"}"), 409);
        assertThat(problem(again)).isEqualTo("PERMIT_TRANSITION_NOT_ALLOWED");
        assertThat(again.get("command").asText()).isEqualTo("FileObjection");
        assertThat(events.total()).isEqualTo(afterDismissal);
    }

    @Test
    void givenBadInputToEachDecisionWhenSentThenItIsAProblemAndNothingIsStored() throws Exception {
        JsonNode submitted = send(submit(compliant), 201);
        String awaitingPayment = submitted.get("applicationId").asText();
        String feeType = firstFeeLine(submitted);
        String rejectedId = rejected(compliant);
        String pending = inReview(compliant);
        send(decide(pending, "rejection", reviewer, "{\"expectedVersion\":" + version(pending) + ",\"discretion\":"
                + json.writeValueAsString(BASIS) + "}"), 200);
        String basis = json.writeValueAsString(BASIS);
        long before = events.total();

        // Fee waivers: a clerk or administrator of the municipality, on a version, naming the line and the basis.
        long v = version(awaitingPayment);
        assertField(send(waive(awaitingPayment, reviewer, "{\"feeType\":\"" + feeType + "\",\"discretion\":" + basis + "}"),
                400), "VALIDATION_FAILED", "expectedVersion");
        assertField(send(waive(awaitingPayment, reviewer, "{\"expectedVersion\":" + v + ",\"discretion\":" + basis + "}"), 400),
                "VALIDATION_FAILED", "feeType");
        assertField(send(waive(awaitingPayment, reviewer, "{\"expectedVersion\":" + v + ",\"feeType\":\"" + feeType + "\"}"),
                422), "PERMIT_DISCRETION_REQUIRED", "discretion");
        assertThat(send(waive(awaitingPayment, reviewer, "{\"expectedVersion\":" + v + ",\"feeType\":\"fee-parking-rials\","
                + "\"discretion\":" + basis + "}"), 422).get("feeLine").asText()).isEqualTo("fee-parking-rials");
        String waiver = "{\"expectedVersion\":" + v + ",\"feeType\":\"" + feeType + "\",\"discretion\":" + basis + "}";
        assertThat(problem(send(waive(awaitingPayment, citizen, waiver), 403))).isEqualTo("FORBIDDEN_ROLE");
        assertThat(problem(send(waive(awaitingPayment, otherTownClerk, waiver), 403))).isEqualTo("FORBIDDEN_MUNICIPALITY");
        assertThat(problem(send(waive(rejectedId, reviewer, waiver.replace("\"expectedVersion\":" + v,
                "\"expectedVersion\":" + version(rejectedId))), 409))).isEqualTo("PERMIT_TRANSITION_NOT_ALLOWED");
        assertThat(problem(send(post(API + "/" + awaitingPayment + "/fee-waivers").with(tokenOf(reviewer))
                .contentType("application/json").content("{\"expectedVersion\":\"latest\"}"), 400)))
                .isEqualTo("MALFORMED_REQUEST");

        // The second approval: another staff member of the municipality, on a version; a refusal says why.
        long p = version(pending);
        assertField(send(decide(pending, "discretionary-decision/confirmation", admin, "{}"), 400),
                "VALIDATION_FAILED", "expectedVersion");
        assertField(send(decide(pending, "discretionary-decision/refusal", admin, "{\"expectedVersion\":" + p + "}"), 400),
                "REASON_REQUIRED", "reason");
        assertThat(problem(send(decide(pending, "discretionary-decision/confirmation", citizen,
                "{\"expectedVersion\":" + p + "}"), 403))).isEqualTo("FORBIDDEN_ROLE");
        assertThat(problem(send(decide(pending, "discretionary-decision/confirmation", otherTownClerk,
                "{\"expectedVersion\":" + p + "}"), 403))).isEqualTo("PERMIT_SECOND_APPROVER_NOT_ELIGIBLE");
        assertThat(problem(send(decide(pending, "discretionary-decision/refusal", otherTownClerk,
                "{\"expectedVersion\":" + p + ",\"reason\":\"نه\"}"), 403))).isEqualTo("PERMIT_SECOND_APPROVER_NOT_ELIGIBLE");
        assertThat(problem(send(decide(awaitingPayment, "discretionary-decision/confirmation", admin,
                "{\"expectedVersion\":" + v + "}"), 409))).as("nothing pending").isEqualTo("PERMIT_TRANSITION_NOT_ALLOWED");

        // Objections: the applicant, with grounds, against a rejection only.
        assertField(send(object(rejectedId, citizen, "{}"), 400), "REASON_REQUIRED", "grounds");
        assertThat(problem(send(object(rejectedId, reviewer, "{\"grounds\":\"اعتراض\"}"), 403))).isEqualTo("FORBIDDEN_ROLE");
        assertThat(problem(send(object(pending, citizen, "{\"grounds\":\"اعتراض\"}"), 409)))
                .isEqualTo("PERMIT_TRANSITION_NOT_ALLOWED");

        // Deciding an objection: a clerk of the municipality, on a version, saying whether it is upheld and why.
        send(object(rejectedId, citizen, "{\"grounds\":\"طرح تعریض معبر هنوز تصویب نشده است\"}"), 200);
        long afterObjection = events.total();
        long r = version(rejectedId);
        assertField(send(decide(rejectedId, "objection/decision", thirdClerk(),
                "{\"upheld\":true,\"reason\":\"مستند نیست\"}"), 400), "VALIDATION_FAILED", "expectedVersion");
        assertField(send(decide(rejectedId, "objection/decision", thirdClerk(),
                "{\"expectedVersion\":" + r + ",\"reason\":\"مستند نیست\"}"), 400), "VALIDATION_FAILED", "upheld");
        assertField(send(decide(rejectedId, "objection/decision", thirdClerk(),
                "{\"expectedVersion\":" + r + ",\"upheld\":false}"), 400), "REASON_REQUIRED", "reason");
        String decision = "{\"expectedVersion\":" + r + ",\"upheld\":true,\"reason\":\"مستند نیست\"}";
        assertThat(problem(send(decide(rejectedId, "objection/decision", admin, decision), 403))).isEqualTo("FORBIDDEN_ROLE");
        assertThat(problem(send(decide(rejectedId, "objection/decision", citizen, decision), 403))).isEqualTo("FORBIDDEN_ROLE");
        assertThat(problem(send(decide(rejectedId, "objection/decision", otherTownClerk, decision), 403)))
                .isEqualTo("FORBIDDEN_MUNICIPALITY");
        assertThat(problem(send(decide(rejectedId, "objection/decision", thirdClerk(), decision.replace(
                "\"expectedVersion\":" + r, "\"expectedVersion\":" + (r - 1))), 409))).isEqualTo("PERMIT_APPLICATION_CHANGED");
        String unknown = PermitApplicationId.random().toString();
        assertThat(problem(send(object(unknown, citizen, "{\"grounds\":\"اعتراض\"}"), 404))).isEqualTo("NOT_FOUND");
        assertThat(events.total()).isEqualTo(afterObjection);
        assertThat(afterObjection).isEqualTo(before + 1);
    }

    @Test
    void givenTheOpenApiDocumentThenEachDecisionEndpointIsDescribedWithItsIdempotencyKey() throws Exception {
        JsonNode paths = send(get("/v3/api-docs"), 200).get("paths");
        for (String path : List.of("fee-waivers", "discretionary-decision/confirmation", "discretionary-decision/refusal",
                "objection", "objection/decision")) {
            JsonNode operation = paths.at("/" + (API + "/{id}/" + path).replace("~", "~0").replace("/", "~1") + "/post");
            assertThat(operation.get("summary").asText()).as(path).isNotBlank();
            assertThat(operation.get("parameters").findValuesAsText("name")).as(path).contains("Idempotency-Key");
        }
    }

    // ---------------------------------------------------------------- the application's way to a decision

    /** A compliant application submitted, paid through the signed callback and assigned to the reviewer. */
    private String inReview(ProposedBuilding building) throws Exception {
        JsonNode submitted = send(submit(building), 201);
        String id = submitted.get("applicationId").asText();
        long due = submitted.get("dueRials").asLong();
        String reference = "IRK-" + id;
        String paidAt = "2026-11-29T07:12:00Z";
        send(callback(id, reference, due, paidAt), 200);
        commands.send(new AssignReviewer(PermitApplicationId.parse(id), "assign-" + id, reviewer.subject(),
                reviewer.displayName(), "CLERK", town.slug(), IranTime.today(clock).plusDays(10).toString()),
                Actor.system("review-assignment"));
        assertThat(send(get(API + "/" + id).with(tokenOf(reviewer)), 200).get("stage").asText()).isEqualTo("IN_REVIEW");
        return id;
    }

    /** Rejected though its check passed: proposed by the reviewer, confirmed by the second clerk. */
    private String rejected(ProposedBuilding building) throws Exception {
        String id = inReview(building);
        send(decide(id, "rejection", reviewer, "{\"expectedVersion\":" + version(id) + ",\"discretion\":"
                + json.writeValueAsString(BASIS) + "}"), 200);
        JsonNode confirmed = send(decide(id, "discretionary-decision/confirmation", secondClerk,
                "{\"expectedVersion\":" + version(id) + "}"), 200);
        assertThat(confirmed.get("stage").asText()).isEqualTo("REJECTED");
        return id;
    }

    private String commercialWaiver(long version) throws Exception {
        return "{\"expectedVersion\":" + version + ",\"feeType\":\"fee-commercial-rials\",\"floorLevel\":-1,"
                + "\"discretion\":" + json.writeValueAsString(BASIS) + "}";
    }

    private long version(String id) throws Exception {
        return send(get(API + "/" + id).with(tokenOf(citizen)), 200).get("version").asLong();
    }

    private Actor thirdClerk() {
        return new Actor("clerk3." + town.slug(), "رضا امینی", Role.CLERK, town.slug(), null);
    }

    private static JsonNode commercialLine(JsonNode receipt) {
        for (JsonNode event : receipt.get("recorded")) {
            if ("FeesAssessed".equals(event.get("type").asText())) {
                for (JsonNode line : event.at("/payload/lines")) {
                    if ("fee-commercial-rials".equals(line.get("type").asText())) {
                        return line;
                    }
                }
            }
        }
        throw new AssertionError("No commercial fee line was assessed: " + receipt);
    }

    /** The type of the first fee line the submission was charged. */
    private static String firstFeeLine(JsonNode receipt) {
        for (JsonNode event : receipt.get("recorded")) {
            if ("FeesAssessed".equals(event.get("type").asText())) {
                return event.at("/payload/lines/0/type").asText();
            }
        }
        throw new AssertionError("No fees were assessed: " + receipt);
    }

    // ---------------------------------------------------------------- requests

    private MockHttpServletRequestBuilder submit(ProposedBuilding building) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessmentId", assessment.assessmentId());
        body.put("building", building);
        body.put("ownershipDocument", uploaded(mvc, DEED));
        body.put("documents", uploaded(mvc, DRAWINGS));
        return post(API).with(tokenOf(citizen)).contentType("application/json").content(json.writeValueAsString(body));
    }

    private MockHttpServletRequestBuilder decide(String id, String decision, Actor actor, String body) {
        return post(API + "/" + id + "/" + decision).with(tokenOf(actor)).contentType("application/json").content(body);
    }

    private MockHttpServletRequestBuilder waive(String id, Actor actor, String body) {
        return decide(id, "fee-waivers", actor, body);
    }

    private MockHttpServletRequestBuilder object(String id, Actor actor, String body) {
        return decide(id, "objection", actor, body);
    }

    private MockHttpServletRequestBuilder callback(String id, String reference, long amount, String paidAt) throws Exception {
        return post("/api/payments/callbacks").contentType("application/json").content(json.writeValueAsString(
                Map.of("applicationId", id, "reference", reference, "amountRials", amount, "paidAt", paidAt,
                        "signature", signatures.sign(id, reference, amount, paidAt))));
    }

    private JsonNode send(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return http.send(request, expectedStatus);
    }

    private static void assertField(JsonNode problem, String code, String field) {
        assertThat(problem(problem)).isEqualTo(code);
        assertThat(problem.get("field").asText()).as(code).isEqualTo(field);
    }
}
