package ir.parvaneh.command.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.permit.LargestHouse;
import ir.parvaneh.command.support.AssessedParcels;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitCommands.ApproveApplication;
import ir.parvaneh.kernel.permit.PermitCommands.ConfirmPayment;
import ir.parvaneh.kernel.permit.PermitCommands.SubmitPermitApplication;
import ir.parvaneh.kernel.time.IranTime;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static ir.parvaneh.command.permit.PermitTestData.DEED;
import static ir.parvaneh.command.permit.PermitTestData.DRAWINGS;
import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assignment policy in the running command side, on the real database: paid applications queue in the order
 * they became ready, go to the least-loaded reviewer of the municipality's desk within its limit, wait when every
 * reviewer is full, and move up as reviewers decide; the applicant never reviews their own file; a retired reviewer
 * gets nothing new; and only the municipality's administrator changes the desk.
 */
@CommandSideIntegrationTest
class ReviewAssignmentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ActingCommands commands;
    @Autowired
    AssessedParcels parcels;
    @Autowired
    EventStore eventStore;
    @Autowired
    StoredEvents storedEvents;
    @Autowired
    Clock clock;

    private final Actor citizen = new Actor("c8d1e2f3-0000-4000-8000-00000000a001", "رضا کاظمی", Role.CITIZEN, null,
            "0012345679");

    @Test
    void paidApplicationsGoInArrivalOrderToTheLeastLoadedReviewerAndWaitWhenEveryReviewerIsFull() throws Exception {
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("permit", citizen);
        String slug = parcel.town().slug();
        Actor admin = parcel.town().admin();
        Actor reviewerA = new Actor("reviewer-a", "علی رضایی", Role.CLERK, slug, null);
        Actor reviewerB = new Actor("reviewer-b", "سارا کریمی", Role.CLERK, slug, null);
        send(put(desk(slug) + "/terms").with(tokenOf(admin)).contentType("application/json")
                .content("{\"reviewDays\":5,\"maxOpenReviews\":1}"), 204);
        enrol(slug, admin, reviewerB);
        enrol(slug, admin, reviewerA);
        Awaitility.await().atMost(PATIENCE).until(() -> deskOf(slug, admin).get("reviewers").size() == 2);

        PermitApplicationId first = paid(parcel);
        assertThat(assigneeOf(first)).isEqualTo(reviewerA.subject());
        PermitApplicationId second = paid(parcel);
        assertThat(assigneeOf(second)).as("A holds as many as the desk allows").isEqualTo(reviewerB.subject());
        PermitApplicationId third = paid(parcel);
        PermitApplicationId fourth = paid(parcel);
        Awaitility.await().atMost(PATIENCE).until(() -> waiting(slug, admin).equals(List.of(third.toString(), fourth.toString())));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> assignment(third).isEmpty() && assignment(fourth).isEmpty());

        ReviewerAssigned toA = assignment(first).orElseThrow();
        assertThat(toA.reviewDueOn()).isEqualTo(IranTime.today(clock).plusDays(5).toString());
        assertThat(toA.reviewerName()).isEqualTo(reviewerA.displayName());
        assertThat(storedEvents.of(first.toString())).last()
                .satisfies(e -> assertThat(e.metaData().get(Actor.SUBJECT).asText()).isEqualTo("system:review-assignment"));

        approve(second, reviewerB);
        assertThat(assigneeOf(third)).as("the oldest waiting goes to the reviewer who has room").isEqualTo(reviewerB.subject());
        assertThat(waiting(slug, admin)).containsExactly(fourth.toString());
        approve(first, reviewerA);
        assertThat(assigneeOf(fourth)).isEqualTo(reviewerA.subject());
        Awaitility.await().atMost(PATIENCE).until(() -> waiting(slug, admin).isEmpty());
        JsonNode reviewers = deskOf(slug, admin).get("reviewers");
        assertThat(reviewers.findValuesAsText("subject")).containsExactly("reviewer-a", "reviewer-b");
        assertThat(reviewers.findValues("openReviews")).extracting(JsonNode::asInt).containsExactly(1, 1);
    }

    @Test
    void theApplicantNeverReviewsTheirOwnFileAndARetiredReviewerGetsNothingNew() throws Exception {
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("permit", citizen);
        String slug = parcel.town().slug();
        Actor admin = parcel.town().admin();
        // A clerk of the town who applies for a permit of their own, as a citizen, under the same identity.
        Actor applicantAsClerk = new Actor(citizen.subject(), citizen.displayName(), Role.CLERK, slug, null);
        Actor colleague = new Actor("reviewer-z", "مهدی نوری", Role.CLERK, slug, null);
        enrol(slug, admin, applicantAsClerk);
        enrol(slug, admin, colleague);
        Awaitility.await().atMost(PATIENCE).until(() -> deskOf(slug, admin).get("reviewers").size() == 2);

        PermitApplicationId own = paid(parcel);
        assertThat(assigneeOf(own)).isEqualTo(colleague.subject());

        send(delete(desk(slug) + "/reviewers/" + colleague.subject()).param("reason", "انتقال").with(tokenOf(admin)), 204);
        Awaitility.await().atMost(PATIENCE).until(() -> deskOf(slug, admin).get("reviewers").size() == 1);
        PermitApplicationId next = paid(parcel);
        Awaitility.await().atMost(PATIENCE).until(() -> waiting(slug, admin).equals(List.of(next.toString())));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> assignment(next).isEmpty());

        Actor newcomer = new Actor("reviewer-y", "نرگس امینی", Role.CLERK, slug, null);
        enrol(slug, admin, newcomer);
        assertThat(assigneeOf(next)).as("an enrolment takes the oldest waiting").isEqualTo(newcomer.subject());
        assertThat(assignment(own).orElseThrow().reviewerSubject()).as("a retired reviewer keeps what they hold")
                .isEqualTo(colleague.subject());
    }

    @Test
    void onlyTheMunicipalitysAdministratorChangesTheDeskAndEveryRefusalRecordsNothing() throws Exception {
        AssessedParcels.Assessed parcel = parcels.whereHousingComplies("permit", citizen);
        String slug = parcel.town().slug();
        Actor admin = parcel.town().admin();
        Actor clerk = new Actor("reviewer-a", "علی رضایی", Role.CLERK, slug, null);
        Actor otherAdmin = new Actor("admin.elsewhere", "مدیر دیگر", Role.MUNICIPAL_ADMIN, "elsewhere", null);
        long before = storedEvents.total();

        assertThat(problem(send(put(desk(slug) + "/reviewers/x").with(tokenOf(clerk)).contentType("application/json")
                .content("{\"name\":\"x\"}"), 403))).isEqualTo("FORBIDDEN_ROLE");
        assertThat(problem(send(put(desk(slug) + "/reviewers/x").with(tokenOf(otherAdmin)).contentType("application/json")
                .content("{\"name\":\"x\"}"), 403))).isEqualTo("FORBIDDEN_MUNICIPALITY");
        assertThat(problem(send(put(desk(slug) + "/reviewers/x").with(tokenOf(admin)).contentType("application/json")
                .content("{}"), 400))).isEqualTo("VALIDATION_FAILED");
        assertThat(problem(send(delete(desk(slug) + "/reviewers/nobody").with(tokenOf(admin)), 404)))
                .isEqualTo("REVIEWER_NOT_ENROLLED");
        JsonNode days = json.readTree(send(put(desk(slug) + "/terms").with(tokenOf(admin)).contentType("application/json")
                .content("{\"reviewDays\":0,\"maxOpenReviews\":5}"), 400));
        assertThat(days.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(days.get("field").asText()).isEqualTo("reviewDays");
        assertThat(problem(send(put(desk(slug) + "/terms").with(tokenOf(admin)).contentType("application/json")
                .content("{\"reviewDays\":5}"), 400))).isEqualTo("VALIDATION_FAILED");
        assertThat(problem(send(put(desk("no-such-town") + "/terms").with(tokenOf(admin)).contentType("application/json")
                .content("{\"reviewDays\":5,\"maxOpenReviews\":5}"), 404))).isEqualTo("MUNICIPALITY_NOT_FOUND");
        assertThat(problem(send(get(desk(slug)).with(tokenOf(citizen)), 403))).isEqualTo("FORBIDDEN_ROLE");
        assertThat(problem(send(get(desk(slug)).with(tokenOf(otherAdmin)), 403))).isEqualTo("FORBIDDEN_MUNICIPALITY");
        assertThat(storedEvents.total()).isEqualTo(before);

        JsonNode fresh = deskOf(slug, clerk);
        assertThat(fresh.get("reviewDays").asInt()).isEqualTo(7);
        assertThat(fresh.get("maxOpenReviews").asInt()).isEqualTo(25);
        assertThat(fresh.get("reviewers")).isEmpty();
    }

    // ================================================================ helpers

    private static String desk(String slug) {
        return "/api/municipalities/" + slug + "/review-desk";
    }

    private void enrol(String slug, Actor admin, Actor reviewer) throws Exception {
        send(put(desk(slug) + "/reviewers/" + reviewer.subject()).with(tokenOf(admin)).contentType("application/json")
                .content(json.writeValueAsString(java.util.Map.of("name", reviewer.displayName()))), 204);
    }

    /** A new application on the parcel, submitted by the citizen and paid through the gateway's adapter. */
    private PermitApplicationId paid(AssessedParcels.Assessed parcel) {
        PermitApplicationId id = PermitApplicationId.random();
        commands.send(new SubmitPermitApplication(id, "submit", parcel.town().id(), parcel.town().slug(), parcel.plate(),
                parcel.assessment(), LargestHouse.allowedOn(parcel.assessment().outcome(), 0), DEED, DRAWINGS), citizen);
        FeesAssessed fees = events(id).stream().filter(FeesAssessed.class::isInstance).map(FeesAssessed.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("not priced: " + events(id)));
        commands.send(new ConfirmPayment(id, "pay", "REF-" + id, fees.dueRials(), "2026-11-29T08:00:00Z"),
                Actor.system("payment-gateway"));
        return id;
    }

    private void approve(PermitApplicationId id, Actor reviewer) {
        long version = eventStore.readEvents(id.toString()).asStream().mapToLong(DomainEventMessage::getSequenceNumber)
                .max().orElseThrow();
        commands.send(new ApproveApplication(id, "approve", version, null), reviewer);
    }

    private String assigneeOf(PermitApplicationId id) {
        return Awaitility.await().atMost(PATIENCE).until(() -> assignment(id), Optional::isPresent).orElseThrow()
                .reviewerSubject();
    }

    private Optional<ReviewerAssigned> assignment(PermitApplicationId id) {
        return events(id).stream().filter(ReviewerAssigned.class::isInstance).map(ReviewerAssigned.class::cast)
                .reduce((a, b) -> b);
    }

    private List<PermitApplicationEvent> events(PermitApplicationId id) {
        return eventStore.readEvents(id.toString()).asStream().map(m -> (PermitApplicationEvent) m.getPayload()).toList();
    }

    private JsonNode deskOf(String slug, Actor reader) throws Exception {
        return json.readTree(send(get(desk(slug)).with(tokenOf(reader)), 200));
    }

    private List<String> waiting(String slug, Actor reader) throws Exception {
        List<String> ids = new ArrayList<>();
        deskOf(slug, reader).get("waiting").forEach(w -> ids.add(w.get("applicationId").asText()));
        return ids;
    }

    private String send(RequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    private String problem(String body) throws Exception {
        return json.readTree(body).get("code").asText();
    }
}
