package ir.parvaneh.query.history;

import ir.parvaneh.query.jooq.query.tables.records.DecisionHistoryEventRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static ir.parvaneh.query.jooq.query.Tables.DECISION_HISTORY_EVENT;

/**
 * Recomputes an aggregate's chain from the event store's own rows ({@code axon.domainevententry}, read as
 * stored: payload and metadata bytes, no deserialization into this side's classes) and compares it, event by
 * event, with the chain the projection recorded. The first event whose recomputed hash differs from the
 * recorded one is named: a payload, metadata, type, identifier or timestamp edited in place, a row deleted, or
 * a recorded hash edited in the read model.
 * <p>
 * The event store's layout is Axon's JDBC schema, which the command side's migration creates; the query side
 * reads it (its processors already do) and never writes it. Under the {@code axonserver} profile the events live
 * in Axon Server and this check has no rows to read.
 */
@Component
@Transactional(readOnly = true)
class ChainVerifier {

    /** Why the first altered event was named. */
    enum Alteration {
        /** The stored event hashes differently from when it was projected. */
        EVENT_CHANGED,
        /** The projection recorded an event the store no longer holds. */
        EVENT_MISSING,
        /** The stored payload or metadata is no longer JSON at all. */
        EVENT_UNREADABLE,
        /** The event hashes as recorded but the recorded chain hash does not follow from it: the record was edited. */
        CHAIN_DIFFERS
    }

    /**
     * @param expectedHash the event hash recorded when the event was projected
     * @param actualHash   the hash of the event as the store holds it now ({@code null}: missing or unreadable)
     */
    record AlteredEvent(long sequence, String eventIdentifier, String type, Alteration alteration,
                        String expectedHash, String actualHash, String expectedChainHash, String actualChainHash) {
    }

    /**
     * @param head              the recorded chain head (the last recorded event's chain hash)
     * @param headSequence      its event's sequence
     * @param recomputedHead    the head recomputed from the store; equal to {@code head} when intact
     * @param checkedEvents     events compared, up to and including the first altered one
     * @param unrecordedEvents  events the store holds beyond the recorded head (the projection has not yet
     *                          reached them; they are not part of the chain yet)
     */
    record Verification(String aggregateId, boolean intact, String head, long headSequence, String recomputedHead,
                        int checkedEvents, int unrecordedEvents, AlteredEvent firstAlteredEvent) {
    }

    private static final Table<Record> EVENT_STORE = DSL.table(DSL.name("axon", "domainevententry"));
    private static final Field<String> AGGREGATE = DSL.field(DSL.name("aggregateidentifier"), SQLDataType.VARCHAR);
    private static final Field<Long> SEQUENCE = DSL.field(DSL.name("sequencenumber"), SQLDataType.BIGINT);
    private static final Field<String> IDENTIFIER = DSL.field(DSL.name("eventidentifier"), SQLDataType.VARCHAR);
    private static final Field<String> TIMESTAMP = DSL.field(DSL.name("timestamp"), SQLDataType.VARCHAR);
    private static final Field<String> PAYLOAD_TYPE = DSL.field(DSL.name("payloadtype"), SQLDataType.VARCHAR);
    private static final Field<String> PAYLOAD_REVISION = DSL.field(DSL.name("payloadrevision"), SQLDataType.VARCHAR);
    private static final Field<byte[]> PAYLOAD = DSL.field(DSL.name("payload"), SQLDataType.BLOB);
    private static final Field<byte[]> METADATA = DSL.field(DSL.name("metadata"), SQLDataType.BLOB);

    private final DSLContext dsl;

    ChainVerifier(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * @param head         the head the chain row records, read just before
     * @param headSequence its sequence
     */
    Verification verify(String aggregateId, String head, long headSequence) {
        List<DecisionHistoryEventRecord> recorded = dsl.selectFrom(DECISION_HISTORY_EVENT)
                .where(DECISION_HISTORY_EVENT.AGGREGATE_ID.eq(aggregateId))
                .orderBy(DECISION_HISTORY_EVENT.SEQUENCE)
                .fetch();
        Map<Long, Record> stored = new HashMap<>();
        dsl.select(SEQUENCE, IDENTIFIER, TIMESTAMP, PAYLOAD_TYPE, PAYLOAD_REVISION, PAYLOAD, METADATA)
                .from(EVENT_STORE)
                .where(AGGREGATE.eq(aggregateId))
                .forEach(row -> stored.put(row.get(SEQUENCE), row));

        String chain = null;
        int checked = 0;
        AlteredEvent altered = null;
        long expectedSequence = 0;
        for (DecisionHistoryEventRecord event : recorded) {
            checked++;
            if (event.getSequence() != expectedSequence) {
                // A recorded event is missing from the read model itself: the record was tampered with.
                altered = new AlteredEvent(expectedSequence, null, null, Alteration.CHAIN_DIFFERS, null, null, null, null);
                break;
            }
            expectedSequence++;
            Record row = stored.get(event.getSequence());
            if (row == null) {
                altered = altered(event, Alteration.EVENT_MISSING, null, null);
                break;
            }
            CanonicalEvent canonical;
            try {
                canonical = canonical(aggregateId, row);
            } catch (RuntimeException unreadable) {
                altered = altered(event, Alteration.EVENT_UNREADABLE, null, null);
                break;
            }
            CanonicalEvent.Hashes hashes = canonical.hashes(chain);
            String hash = hashes.event();
            String next = hashes.chain();
            if (!hash.equals(event.getEventHash())) {
                altered = altered(event, Alteration.EVENT_CHANGED, hash, next);
                break;
            }
            if (!next.equals(event.getChainHash())) {
                altered = altered(event, Alteration.CHAIN_DIFFERS, hash, next);
                break;
            }
            chain = next;
        }
        DecisionHistoryEventRecord last = recorded.isEmpty() ? null : recorded.get(recorded.size() - 1);
        long lastSequence = last == null ? -1 : last.getSequence();
        if (altered == null) {
            // The head row was read a moment before the events: it may lag behind them, but must be one of the links.
            if (headSequence > lastSequence) {
                altered = new AlteredEvent(headSequence, null, null, Alteration.CHAIN_DIFFERS, null, null, head, null);
            } else {
                for (DecisionHistoryEventRecord event : recorded) {
                    if (event.getSequence() == headSequence && !event.getChainHash().equals(head)) {
                        altered = new AlteredEvent(event.getSequence(), event.getEventIdentifier(),
                                HistoryEntries.simpleType(event.getPayloadType()), Alteration.CHAIN_DIFFERS,
                                event.getEventHash(), event.getEventHash(), head, event.getChainHash());
                    }
                }
            }
        }
        int unrecorded = (int) stored.keySet().stream().filter(s -> s > lastSequence).count();
        return new Verification(aggregateId, altered == null, last == null ? head : last.getChainHash(),
                last == null ? headSequence : lastSequence, altered == null ? chain : null, checked, unrecorded, altered);
    }

    private static AlteredEvent altered(DecisionHistoryEventRecord event, Alteration alteration, String actualHash,
                                        String actualChainHash) {
        return new AlteredEvent(event.getSequence(), event.getEventIdentifier(), HistoryEntries.simpleType(event.getPayloadType()),
                alteration, event.getEventHash(), actualHash, event.getChainHash(), actualChainHash);
    }

    private CanonicalEvent canonical(String aggregateId, Record row) {
        byte[] metadata = row.get(METADATA);
        SortedMap<String, String> actor = metadata == null ? new TreeMap<>() : CanonicalEvent.storedActor(metadata);
        return new CanonicalEvent(aggregateId, row.get(SEQUENCE), row.get(IDENTIFIER), Instant.parse(row.get(TIMESTAMP)),
                row.get(PAYLOAD_TYPE), row.get(PAYLOAD_REVISION), CanonicalJson.utf8(row.get(PAYLOAD)), actor);
    }
}
