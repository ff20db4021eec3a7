package ir.parvaneh.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The decision history of assessments and permit applications, through the real pooled processor and the real
 * event store on PostgreSQL: what each reader sees, the chain, the tampering check against edited rows of
 * {@code axon.domainevententry}, and the rebuild.
 */
@QuerySideIntegrationTest
class DecisionHistoryTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    DSLContext dsl;
    @Autowired
    ObjectMapper json;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    DecisionHistoryProjector projector;

    HistoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new HistoryFixtures(eventStore);
    }

    static RequestPostProcessor token(String subject, String role, String municipality) {
        return jwt().jwt(j -> {
            j.subject(subject).claim("roles", List.of(role));
            if (municipality != null) {
                j.claim("municipality", municipality);
            }
        });
    }

    static RequestPostProcessor token(Actor actor) {
        return token(actor.subject(), actor.role().name(), actor.municipality());
    }

    static final RequestPostProcessor INSPECTOR = token("inspector-qazvin", "INSPECTOR", "qazvin");
    static final RequestPostProcessor OVERSIGHT = token("oversight-1", "OVERSIGHT", null);
    static final RequestPostProcessor PROVINCE_ADMIN = token("province-admin-1", "PROVINCE_ADMIN", null);
    static final RequestPostProcessor TAKESTAN_CLERK = token("clerk-takestan", "CLERK", "takestan");

    private JsonNode read(String path, RequestPostProcessor as) throws Exception {
        return json.readTree(mvc.perform(get(path).param("reverify", "false").with(as))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private JsonNode awaitEvents(String path, int events) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = mvc.perform(get(path).param("reverify", "false").with(PROVINCE_ADMIN)).andReturn().getResponse();
            return response.getStatus() == 200 ? json.readTree(response.getContentAsString()) : null;
        }, view -> view != null && view.get("events").size() == events);
    }

    @Test
    void givenAnAssessmentThenAnInspectorOfItsMunicipalitySeesTheDecisionWithItsBasisAndHashes() throws Exception {
        String id = fixtures.assessment(HistoryFixtures.CITIZEN);
        awaitEvents("/api/assessments/" + id + "/history", 1);

        JsonNode view = read("/api/assessments/" + id + "/history", INSPECTOR);
        JsonNode issued = view.get("events").get(0);
        assertThat(view.get("kind").asText()).isEqualTo("ASSESSMENT");
        assertThat(view.get("municipality").asText()).isEqualTo("qazvin");
        assertThat(issued.get("type").asText()).isEqualTo("ZoningAssessmentIssued");
        assertThat(issued.at("/actor/subject").asText()).isEqualTo(HistoryFixtures.CITIZEN.subject());
        assertThat(issued.at("/actor/name").asText()).isEqualTo("مریم احمدی");
        assertThat(issued.at("/actor/role").asText()).isEqualTo("CITIZEN");
        assertThat(issued.get("jalaliDate").asText()).matches("14\\d\\d-\\d\\d-\\d\\d");
        assertThat(issued.get("occurredAtTehran").asText()).isNotBlank();
        JsonNode decision = issued.get("decision");
        assertThat(decision.get("rulebookVersion").asText()).isEqualTo(HistoryFixtures.RULEBOOK_VERSION);
        assertThat(decision.get("rulebookSha256").asText()).isEqualTo(HistoryFixtures.RULEBOOK_SHA);
        assertThat(decision.get("layerVersions").findValuesAsText("layer")).containsExactly("parcels", "zones");
        assertThat(decision.at("/inputs/facts/areaM2").asDouble()).isEqualTo(240.5);
        assertThat(decision.at("/inputs/intendedUse").asText()).isEqualTo("RESIDENTIAL");
        assertThat(decision.get("outputs").findValuesAsText("name")).containsExactly("density-percent", "max-floors");
        assertThat(decision.at("/outputs/1/explanation/matchedRows/0").asInt()).isEqualTo(4);
        assertThat(decision.at("/outputs/1/explanation/legalSource/body").asText()).isEqualTo("کمیسیون ماده ۵ استان قزوین");
        assertThat(issued.get("eventHash").asText()).matches("[0-9a-f]{64}");
        assertThat(issued.get("chainHash").asText()).isEqualTo(view.at("/chain/head").asText());
        assertThat(view.at("/chain/headSequence").asLong()).isZero();
        assertThat(issued.has("reverification")).isFalse();

        // The requester reads their own; oversight and the province's administrator read every municipality's.
        read("/api/assessments/" + id + "/history", token(HistoryFixtures.CITIZEN));
        read("/api/assessments/" + id + "/history", OVERSIGHT);
        JsonNode verification = read("/api/assessments/" + id + "/history/verification", INSPECTOR);
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("head").asText()).isEqualTo(view.at("/chain/head").asText());
        assertThat(verification.get("recomputedHead").asText()).isEqualTo(view.at("/chain/head").asText());
        assertThat(verification.get("checkedEvents").asInt()).isEqualTo(1);
    }

    @Test
    void givenAnApplicationThenItsHistoryShowsEveryDecisionInOrderWithActorsJustificationsAndTheChain() throws Exception {
        String assessment = fixtures.assessment(HistoryFixtures.CITIZEN);
        String id = fixtures.application(HistoryFixtures.CITIZEN, assessment);
        awaitEvents("/api/applications/" + id + "/history", 5);

        mvc.perform(get("/api/applications/" + id + "/history").param("reverify", "false").with(INSPECTOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("APPLICATION"))
                .andExpect(jsonPath("$.chain.events").value(5))
                .andExpect(jsonPath("$.chain.headSequence").value(4))
                .andExpect(jsonPath("$.chain.algorithm").value("SHA-256"))
                .andExpect(jsonPath("$.events[*].sequence", contains(0, 1, 2, 3, 4)))
                .andExpect(jsonPath("$.events[*].type", contains("PermitApplicationSubmitted", "ComplianceChecked",
                        "ChangesRequested", "DiscretionaryDecisionProposed", "ApplicationApproved")))
                .andExpect(jsonPath("$.events[*].actor.role", contains("CITIZEN", "CITIZEN", "CLERK", "CLERK", "CLERK")))
                .andExpect(jsonPath("$.events[4].actor.subject").value(HistoryFixtures.CLERK_2.subject()))
                .andExpect(jsonPath("$.events[2].actor.roleFa").value("کارشناس شهرداری"))
                .andExpect(jsonPath("$.events[0].decision.rulebookVersion").value("1405.1"))
                .andExpect(jsonPath("$.events[0].decision.inputs.building.floors", hasSize(5)))
                .andExpect(jsonPath("$.events[1].decision.result").value("FAILED"))
                .andExpect(jsonPath("$.events[1].decision.complianceRules[0].rule").value("floors-within-max-floors"))
                .andExpect(jsonPath("$.events[1].decision.complianceRules[0].permitted").value("3"))
                .andExpect(jsonPath("$.events[1].decision.complianceRules[0].proposed").value("4"))
                .andExpect(jsonPath("$.events[2].decision.citedRules", contains("max-floors")))
                .andExpect(jsonPath("$.events[3].decision.legalBasisCode").value("COMMISSION-5-ART-14"))
                .andExpect(jsonPath("$.events[3].decision.justification").value("مصوبه موردی کمیسیون ماده ۵ برای بافت فرسوده"))
                .andExpect(jsonPath("$.events[3].decision.departures", contains("floors-within-max-floors")))
                .andExpect(jsonPath("$.events[4].payload.secondApproverSubject").value(HistoryFixtures.CLERK_2.subject()));

        JsonNode view = read("/api/applications/" + id + "/history", token(HistoryFixtures.CITIZEN));
        List<String> chain = view.get("events").findValuesAsText("chainHash");
        assertThat(chain).doesNotHaveDuplicates().hasSize(5);
        assertThat(chain.get(4)).isEqualTo(view.at("/chain/head").asText());
        read("/api/applications/" + id + "/history", PROVINCE_ADMIN);
        read("/api/applications/" + id + "/history", token(HistoryFixtures.CLERK));
    }

    @Test
    void givenReadersWithoutAClaimOnTheFileThenTheyAreRefused() throws Exception {
        String assessment = fixtures.assessment(HistoryFixtures.CITIZEN);
        String id = fixtures.application(HistoryFixtures.CITIZEN, assessment);
        awaitEvents("/api/applications/" + id + "/history", 5);

        for (String path : List.of("/api/applications/" + id + "/history", "/api/applications/" + id + "/history/verification")) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
            mvc.perform(get(path).with(TAKESTAN_CLERK)).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN_MUNICIPALITY"));
            mvc.perform(get(path).with(token("inspector-takestan", "INSPECTOR", "takestan")))
                    .andExpect(status().isForbidden());
            // Another citizen (or an engineer) learns nothing, not even that the file exists.
            mvc.perform(get(path).with(token(HistoryFixtures.OTHER_CITIZEN))).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
            mvc.perform(get(path).with(token("engineer-1", "ENGINEER", null))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/assessments/" + assessment + "/history").with(token(HistoryFixtures.OTHER_CITIZEN)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ASSESSMENT_NOT_FOUND"));
        mvc.perform(get("/api/applications/" + "permit-application-" + UUID.randomUUID() + "/history").with(OVERSIGHT))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parvaneh:problem:not-found"));
        mvc.perform(get("/api/applications/not-an-id/history").with(OVERSIGHT))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_IDENTIFIER"));
        // An assessment is not an application.
        mvc.perform(get("/api/applications/" + assessment + "/history").with(OVERSIGHT))
                .andExpect(status().isBadRequest());
    }

    @Test
    void givenAStoredEventIsEditedInTheDatabaseThenTheVerificationNamesExactlyThatEvent() throws Exception {
        String assessment = fixtures.assessment(HistoryFixtures.CITIZEN);
        String id = fixtures.application(HistoryFixtures.CITIZEN, assessment);
        JsonNode view = awaitEvents("/api/applications/" + id + "/history", 5);
        String verification = "/api/applications/" + id + "/history/verification";
        mvc.perform(get(verification).with(INSPECTOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.checkedEvents").value(5))
                .andExpect(jsonPath("$.unrecordedEvents").value(0))
                .andExpect(jsonPath("$.recomputedHead").value(view.at("/chain/head").asText()));

        // Someone with database access softens the justification of the discretionary decision (sequence 3).
        int edited = dsl.execute("""
                UPDATE axon.domainevententry
                   SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'بافت فرسوده', 'بافت تاریخی'), 'UTF8')
                 WHERE aggregateidentifier = ? AND sequencenumber = 3""", id);
        assertThat(edited).isEqualTo(1);

        JsonNode altered = view.get("events").get(3);
        mvc.perform(get(verification).with(OVERSIGHT)).andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.head").value(view.at("/chain/head").asText()))
                .andExpect(jsonPath("$.recomputedHead").doesNotExist())
                .andExpect(jsonPath("$.checkedEvents").value(4))
                .andExpect(jsonPath("$.firstAlteredEvent.sequence").value(3))
                .andExpect(jsonPath("$.firstAlteredEvent.eventIdentifier").value(altered.get("eventIdentifier").asText()))
                .andExpect(jsonPath("$.firstAlteredEvent.type").value("DiscretionaryDecisionProposed"))
                .andExpect(jsonPath("$.firstAlteredEvent.alteration").value("EVENT_CHANGED"))
                .andExpect(jsonPath("$.firstAlteredEvent.expectedHash").value(altered.get("eventHash").asText()))
                .andExpect(jsonPath("$.firstAlteredEvent.actualHash").value(org.hamcrest.Matchers.not(
                        altered.get("eventHash").asText())));

        // The history shows each payload as the event store holds it (it keeps no copy), with the hashes chained
        // when the event was recorded: the edit is visible beside the hash it no longer matches.
        assertThat(altered.at("/payload/justification").asText()).contains("بافت فرسوده");
        mvc.perform(get("/api/applications/" + id + "/history").with(INSPECTOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.events[3].payload.justification").value(
                        org.hamcrest.Matchers.containsString("بافت تاریخی")))
                .andExpect(jsonPath("$.events[3].eventHash").value(altered.get("eventHash").asText()))
                .andExpect(jsonPath("$.events[2].payload").value(org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void givenTheActorInAStoredEventsMetadataIsEditedOrAnEventDeletedThenTheVerificationNamesIt() throws Exception {
        String assessment = fixtures.assessment(HistoryFixtures.CITIZEN);
        String id = fixtures.application(HistoryFixtures.CITIZEN, assessment);
        JsonNode view = awaitEvents("/api/applications/" + id + "/history", 5);

        // The second approval is made to look as if the first clerk gave it.
        dsl.execute("""
                UPDATE axon.domainevententry
                   SET metadata = convert_to(replace(convert_from(metadata, 'UTF8'), ?, ?), 'UTF8')
                 WHERE aggregateidentifier = ? AND sequencenumber = 4""",
                HistoryFixtures.CLERK_2.subject(), HistoryFixtures.CLERK.subject(), id);
        mvc.perform(get("/api/applications/" + id + "/history/verification").with(INSPECTOR))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstAlteredEvent.sequence").value(4))
                .andExpect(jsonPath("$.firstAlteredEvent.eventIdentifier").value(view.at("/events/4/eventIdentifier").asText()))
                .andExpect(jsonPath("$.firstAlteredEvent.type").value("ApplicationApproved"));

        // The assessment's only event disappears from the store.
        JsonNode assessed = awaitEvents("/api/assessments/" + assessment + "/history", 1);
        dsl.execute("DELETE FROM axon.domainevententry WHERE aggregateidentifier = ?", assessment);
        mvc.perform(get("/api/assessments/" + assessment + "/history/verification").with(INSPECTOR))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstAlteredEvent.sequence").value(0))
                .andExpect(jsonPath("$.firstAlteredEvent.eventIdentifier").value(assessed.at("/events/0/eventIdentifier").asText()))
                .andExpect(jsonPath("$.firstAlteredEvent.alteration").value("EVENT_MISSING"))
                .andExpect(jsonPath("$.firstAlteredEvent.actualHash").doesNotExist());
    }

    @Test
    void givenTheRecordedChainIsEditedInTheReadModelThenTheVerificationNamesTheEventWhoseLinkNoLongerFollows() throws Exception {
        String id = fixtures.application(HistoryFixtures.CITIZEN, fixtures.assessment(HistoryFixtures.CITIZEN));
        JsonNode view = awaitEvents("/api/applications/" + id + "/history", 5);
        dsl.execute("UPDATE query.decision_history_event SET chain_hash = repeat('0', 64) WHERE aggregate_id = ? AND sequence = 2", id);
        mvc.perform(get("/api/applications/" + id + "/history/verification").with(INSPECTOR))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstAlteredEvent.sequence").value(2))
                .andExpect(jsonPath("$.firstAlteredEvent.type").value("ChangesRequested"))
                .andExpect(jsonPath("$.firstAlteredEvent.alteration").value("CHAIN_DIFFERS"))
                .andExpect(jsonPath("$.firstAlteredEvent.actualHash").value(view.at("/events/2/eventHash").asText()))
                .andExpect(jsonPath("$.firstAlteredEvent.actualChainHash").value(view.at("/events/2/chainHash").asText()));

        // The head alone, on another application.
        String other = fixtures.application(HistoryFixtures.CITIZEN, fixtures.assessment(HistoryFixtures.CITIZEN));
        JsonNode otherView = awaitEvents("/api/applications/" + other + "/history", 5);
        dsl.execute("UPDATE query.decision_history_chain SET head_hash = repeat('f', 64) WHERE aggregate_id = ?", other);
        mvc.perform(get("/api/applications/" + other + "/history/verification").with(INSPECTOR))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.checkedEvents").value(5))
                .andExpect(jsonPath("$.firstAlteredEvent.sequence").value(4))
                .andExpect(jsonPath("$.firstAlteredEvent.alteration").value("CHAIN_DIFFERS"))
                .andExpect(jsonPath("$.firstAlteredEvent.expectedChainHash").value("f".repeat(64)))
                .andExpect(jsonPath("$.firstAlteredEvent.actualChainHash").value(otherView.at("/chain/head").asText()));
    }

    @Test
    void givenARedeliveredEventThenTheChainIsUnchanged() throws Exception {
        String id = fixtures.assessment(HistoryFixtures.CITIZEN);
        JsonNode before = awaitEvents("/api/assessments/" + id + "/history", 1);
        eventStore.readEvents(id, 0).asStream().forEach(projector::onAssessmentEvent);
        JsonNode after = read("/api/assessments/" + id + "/history", OVERSIGHT);
        assertThat(after.get("chain")).isEqualTo(before.get("chain"));
        assertThat(after.get("events")).hasSize(1);
        mvc.perform(get("/api/assessments/" + id + "/history/verification").with(OVERSIGHT))
                .andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void givenAnEventWhosePredecessorIsNotChainedThenItsHandlerFailsAndNothingIsWritten() throws Exception {
        String id = fixtures.assessment(HistoryFixtures.CITIZEN);
        JsonNode before = awaitEvents("/api/assessments/" + id + "/history", 1);
        DomainEventMessage<?> first = eventStore.readEvents(id, 0).next();
        DomainEventMessage<?> gap = new GenericDomainEventMessage<>(first.getType(), id, 2, first.getPayload(),
                first.getMetaData());

        // The handler itself fails (not the batch's commit), so the dead-letter queue takes this one event.
        assertThatThrownBy(() -> projector.onAssessmentEvent(gap))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chained up to event 0")
                .hasMessageContaining("cannot chain event 2");
        JsonNode after = read("/api/assessments/" + id + "/history", OVERSIGHT);
        assertThat(after.get("chain")).isEqualTo(before.get("chain"));
        assertThat(after.get("events")).hasSize(1);
    }

    @Test
    void givenTheProjectionIsRebuiltThenEveryChainComesOutTheSame() throws Exception {
        String assessment = fixtures.assessment(HistoryFixtures.CITIZEN);
        String id = fixtures.application(HistoryFixtures.OTHER_CITIZEN, assessment);
        JsonNode application = awaitEvents("/api/applications/" + id + "/history", 5);
        JsonNode assessed = awaitEvents("/api/assessments/" + assessment + "/history", 1);

        PooledStreamingEventProcessor processor = processing
                .eventProcessor(DecisionHistoryProjector.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        JsonNode rebuilt = awaitEvents("/api/applications/" + id + "/history", 5);
        assertThat(rebuilt.get("chain")).isEqualTo(application.get("chain"));
        assertThat(hashes(rebuilt)).isEqualTo(hashes(application));
        assertThat(awaitEvents("/api/assessments/" + assessment + "/history", 1).get("chain")).isEqualTo(assessed.get("chain"));
        mvc.perform(get("/api/applications/" + id + "/history/verification").with(OVERSIGHT))
                .andExpect(jsonPath("$.intact").value(true));
    }

    private static List<String> hashes(JsonNode view) {
        List<String> hashes = new ArrayList<>(view.get("events").findValuesAsText("eventHash"));
        hashes.addAll(view.get("events").findValuesAsText("chainHash"));
        return hashes;
    }
}
