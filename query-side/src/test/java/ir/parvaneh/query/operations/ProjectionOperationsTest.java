package ir.parvaneh.query.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRegistered;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRenamed;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.query.support.DeadLetterProbe;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import ir.parvaneh.query.support.TestEvents;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;
import static ir.parvaneh.query.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Operating the projections: a rebuilt projection equals the live one (and what no event justifies is gone), an
 * event a projection cannot handle is parked in the real dead-letter queue with its cause, visible, and handled in
 * order once retried; only the province's administrator acts.
 */
@QuerySideIntegrationTest
class ProjectionOperationsTest {

    private static final String API = "/api/operations/projections";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Actor ADMIN = TestEvents.PROVINCE_ADMIN;
    private static final Actor OVERSIGHT = new Actor("oversight-1", "دفتر نظارت", Role.OVERSIGHT, null, null);
    private static final Actor CITIZEN = new Actor("c-1", "شهروند", Role.CITIZEN, null, "0012345679");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    TestEvents events;
    @Autowired
    DSLContext dsl;
    @Autowired
    DeadLetterProbe probe;

    @Test
    void aRebuiltProjectionEqualsTheLiveOneAndKeepsNothingNoEventJustifies() throws Exception {
        String first = register("rebuild-a", "آبیک");
        String second = register("rebuild-b", "بوئین‌زهرا");
        events.append("Municipality", second, new MunicipalityRenamed(second, "بوئین‌زهرا", "rebuild-b", "بوئین زهرا", "Buin Zahra"));
        await().atMost(PATIENCE).until(() -> "بوئین زهرا".equals(dsl.select(MUNICIPALITY.NAME_FA).from(MUNICIPALITY)
                .where(MUNICIPALITY.ID.eq(second)).fetchOne(MUNICIPALITY.NAME_FA)));
        List<Record> live = snapshot();
        assertThat(live).extracting(r -> r.get(MUNICIPALITY.ID)).contains(first, second);
        String ghost = MunicipalityId.random().toString();
        dsl.execute("INSERT INTO query.municipality SELECT (jsonb_populate_record(NULL::query.municipality, "
                + "to_jsonb(m) || jsonb_build_object('id', ?, 'slug', ?))).* FROM query.municipality m WHERE m.id = ?",
                ghost, "ghost-" + UUID.randomUUID().toString().substring(0, 8), first);

        assertThat(code(send(post(API + "/municipalities/rebuild").with(tokenOf(OVERSIGHT)), 403))).isEqualTo("FORBIDDEN_ROLE");
        assertThat(code(send(post(API + "/no-such-projection/rebuild").with(tokenOf(ADMIN)), 404))).isEqualTo("NOT_FOUND");
        JsonNode rebuilding = send(post(API + "/municipalities/rebuild").with(tokenOf(ADMIN)), 202);
        assertThat(rebuilding.get("name").asText()).isEqualTo("municipalities");

        // Equal to the live table, which the ghost row was not part of: the reset cleared it and the replay refilled it.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(snapshot()).isEqualTo(live));
        assertThat(send(get(API + "/municipalities").with(tokenOf(OVERSIGHT)), 200).get("running").asBoolean()).isTrue();
    }

    @Test
    void anEventTheProjectionCannotHandleIsParkedWithItsCauseAndItsSequenceIsHandledInOrderWhenRetried() throws Exception {
        String aggregate = "probe-" + UUID.randomUUID();
        String label = aggregate + "/1";
        probe.failFromNowOn(true);
        events.append("Probe", aggregate, new DeadLetterProbe.Probed(label));
        await().atMost(PATIENCE).until(() -> parkedOf(aggregate).size() == 1);
        // The next event of the same sequence waits behind the parked one, even though it could be handled.
        probe.failFromNowOn(false);
        events.append("Probe", aggregate, new DeadLetterProbe.Probed(aggregate + "/2"));
        await().atMost(PATIENCE).until(() -> parkedOf(aggregate).size() == 2);
        assertThat(probe.handled()).doesNotContain(label, aggregate + "/2");

        List<JsonNode> parked = parkedOf(aggregate);
        JsonNode failed = parked.get(0);
        assertThat(failed.get("causeMessage").asText()).isEqualTo("probe told to fail on " + label);
        assertThat(parked.get(1).get("sequenceNumber").asLong()).isEqualTo(failed.get("sequenceNumber").asLong() + 1);
        assertThat(failed.get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failed.get("payloadType").asText()).isEqualTo(DeadLetterProbe.Probed.class.getName());
        assertThat(send(get(API + "/" + DeadLetterProbe.GROUP).with(tokenOf(ADMIN)), 200).get("deadLetters").asLong())
                .isGreaterThanOrEqualTo(2);

        assertThat(code(send(post(API + "/" + DeadLetterProbe.GROUP + "/dead-letters/retry").with(tokenOf(OVERSIGHT)), 403)))
                .isEqualTo("FORBIDDEN_ROLE");
        assertThat(code(send(get(API).with(tokenOf(CITIZEN)), 403))).isEqualTo("FORBIDDEN_ROLE");
        JsonNode retried = send(post(API + "/" + DeadLetterProbe.GROUP + "/dead-letters/retry").with(tokenOf(ADMIN)), 200);
        assertThat(retried.get("sequencesProcessed").asInt()).isPositive();
        assertThat(probe.handled()).containsSubsequence(label, aggregate + "/2");
        assertThat(parkedOf(aggregate)).isEmpty();
    }

    private String register(String prefix, String nameFa) {
        String id = MunicipalityId.random().toString();
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        events.append("Municipality", id, new MunicipalityRegistered(id, slug, nameFa, prefix, 36.2, 50.0, "PILOT"));
        await().atMost(PATIENCE).until(() -> dsl.fetchExists(MUNICIPALITY, MUNICIPALITY.ID.eq(id)));
        return id;
    }

    private List<Record> snapshot() {
        return dsl.selectFrom(MUNICIPALITY).orderBy(MUNICIPALITY.ID).fetch().stream().map(r -> (Record) r).toList();
    }

    /** The dead letters of one aggregate's sequence, in order, as an operator sees them. */
    private List<JsonNode> parkedOf(String aggregate) throws Exception {
        List<JsonNode> letters = new ArrayList<>();
        for (JsonNode letter : send(get(API + "/" + DeadLetterProbe.GROUP + "/dead-letters?limit=1000")
                .with(tokenOf(OVERSIGHT)), 200)) {
            if (aggregate.equals(letter.get("aggregateIdentifier").asText())) {
                letters.add(letter);
            }
        }
        return letters;
    }

    private JsonNode send(MockHttpServletRequestBuilder request, int expected) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("%s answered %s", request.buildRequest(null).getRequestURI(), body)
                .isEqualTo(expected);
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }

    private static String code(JsonNode problem) {
        return problem.get("code").asText();
    }
}
