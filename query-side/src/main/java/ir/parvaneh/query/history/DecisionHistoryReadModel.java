package ir.parvaneh.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.query.history.HistoryEntries.Entry;
import ir.parvaneh.query.jooq.query.tables.records.DecisionHistoryChainRecord;
import org.jooq.DSLContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.List;

import static ir.parvaneh.query.jooq.query.Tables.DECISION_HISTORY_CHAIN;
import static ir.parvaneh.query.jooq.query.Tables.DECISION_HISTORY_EVENT;

/**
 * Reads the decision history tables. Answered directly, not through Axon's query bus like the municipalities:
 * the answer carries each event's stored payload as JSON, which the kernel's plain query records could only type
 * by giving the kernel a JSON library, and the history is served over HTTP alone.
 */
@Component
class DecisionHistoryReadModel {

    private final DSLContext dsl;
    private final ObjectMapper json;

    DecisionHistoryReadModel(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
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

    /** The aggregate's events, oldest first. */
    List<Entry> entries(String id) {
        return dsl.selectFrom(DECISION_HISTORY_EVENT)
                .where(DECISION_HISTORY_EVENT.AGGREGATE_ID.eq(id))
                .orderBy(DECISION_HISTORY_EVENT.SEQUENCE)
                .fetch(event -> HistoryEntries.entry(event, json));
    }
}
