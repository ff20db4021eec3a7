package ir.parvaneh.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.query.history.HistoryEntries.Entry;
import ir.parvaneh.query.infrastructure.axon.StoredEvents;
import ir.parvaneh.query.jooq.query.tables.records.DecisionHistoryChainRecord;
import org.jooq.DSLContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ir.parvaneh.query.jooq.query.Tables.DECISION_HISTORY_CHAIN;
import static ir.parvaneh.query.jooq.query.Tables.DECISION_HISTORY_EVENT;

/**
 * Reads the decision history tables. Answered directly, not through Axon's query bus like the municipalities:
 * the answer carries each event's stored payload as JSON, which the kernel's plain query records could only type
 * by giving the kernel a JSON library, and the history is served over HTTP alone.
 * <p>
 * The payloads are not in the history's tables: they are read from the event store itself (the aggregate's own
 * stream, one indexed read, the same with the JDBC store and Axon Server), as the serialized bytes it holds. What the
 * history shows is therefore what the store holds now; whether that is still what was chained is what the chain's
 * verification answers.
 */
@Component
class DecisionHistoryReadModel {

    private final DSLContext dsl;
    private final ObjectMapper json;
    private final StoredEvents storedEvents;

    DecisionHistoryReadModel(DSLContext dsl, ObjectMapper json, StoredEvents storedEvents) {
        this.dsl = dsl;
        this.json = json;
        this.storedEvents = storedEvents;
    }

    /** The aggregate's chain, if the caller may read it; else the problem {@link HistoryReaders} decides. */
    DecisionHistoryChainRecord readableChain(String kind, String id, Jwt token) {
        DecisionHistoryChainRecord chain = dsl.selectFrom(DECISION_HISTORY_CHAIN)
                .where(DECISION_HISTORY_CHAIN.AGGREGATE_ID.eq(id).and(DECISION_HISTORY_CHAIN.AGGREGATE_KIND.eq(kind)))
                .fetchOne();
        if (chain == null) {
            throw HistoryReaders.notFound(kind, id);
        }
        HistoryReaders.check(token, chain, HistoryReaders.notFound(kind, id));
        return chain;
    }

    /** The aggregate's chained events, oldest first, each with its payload as the event store holds it. */
    List<Entry> entries(String id) {
        var events = dsl.selectFrom(DECISION_HISTORY_EVENT)
                .where(DECISION_HISTORY_EVENT.AGGREGATE_ID.eq(id))
                .orderBy(DECISION_HISTORY_EVENT.SEQUENCE)
                .fetch();
        Map<Long, byte[]> payloads = new HashMap<>();
        if (!events.isEmpty()) {
            storedEvents.of(id).forEach(message -> payloads.put(message.getSequenceNumber(),
                    storedEvents.payload(message).getData()));
        }
        return events.map(event -> HistoryEntries.entry(event, payloads.get(event.getSequence()), json));
    }
}
