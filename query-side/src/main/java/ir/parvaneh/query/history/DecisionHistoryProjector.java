package ir.parvaneh.query.history;

import ir.parvaneh.kernel.assessment.AssessmentEvent;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.query.infrastructure.axon.ProcessorBatch;
import ir.parvaneh.query.infrastructure.axon.StoredEvents;
import ir.parvaneh.query.infrastructure.jooq.ColumnArrays;
import ir.parvaneh.query.jooq.query.tables.records.DecisionHistoryChainRecord;
import ir.parvaneh.query.jooq.query.tables.records.DecisionHistoryEventRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.Message;
import org.axonframework.serialization.SerializedObject;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ir.parvaneh.query.jooq.query.Tables.DECISION_HISTORY_CHAIN;
import static ir.parvaneh.query.jooq.query.Tables.DECISION_HISTORY_EVENT;

/**
 * Chains every event of each permit application and zoning assessment: the SHA-256 of the event's canonical
 * form ({@link CanonicalEvent}) and the running chain hash, into {@code query.decision_history_event}, and the
 * aggregate's head into {@code query.decision_history_chain}. The payload is hashed as the event store holds
 * it (the message's serialized form), not as this side's classes would write it again, so the verification can
 * recompute the same hash from the stored row.
 * <p>
 * Works per processor batch: the first event of a batch loads, with one query, the heads ({@code head_sequence},
 * {@code head_hash}) of every aggregate the batch's messages belong to; each event is then chained in memory onto
 * its aggregate's latest link (an earlier event of the same batch, or the stored head), and at the batch's
 * prepare-commit, in the transaction that also stores the processor's token, one multi-row insert adds the events
 * and one multi-row upsert moves the heads (only forward). Outside a unit of work an event is written at once.
 * <p>
 * Idempotent: an event at or below its aggregate's head (or already chained in the batch) is skipped. Events of
 * one aggregate arrive in order (the pooled processor keeps an aggregate in one segment); an event that is not
 * the head's successor is a gap and its handler fails, so that event (and, by the dead-letter queue's sequencing,
 * the later events of its aggregate) goes to the dead-letter queue rather than starting a wrong chain; the rest of
 * the batch is written.
 */
@Component
@ProcessingGroup(DecisionHistoryProjector.PROCESSING_GROUP)
class DecisionHistoryProjector {

    static final String PROCESSING_GROUP = "decision-history";
    static final String APPLICATION = "APPLICATION";
    static final String ASSESSMENT = "ASSESSMENT";

    private static final String BATCH = DecisionHistoryProjector.class.getName() + ".batch";
    /** The published field names of the submission and of the issued assessment that name owner and municipality. */
    private static final String MUNICIPALITY_SLUG = "municipalitySlug";
    private static final String APPLICANT_SUBJECT = "applicantSubject";

    private final DSLContext dsl;
    private final StoredEvents storedEvents;

    DecisionHistoryProjector(DSLContext dsl, StoredEvents storedEvents) {
        this.dsl = dsl;
        this.storedEvents = storedEvents;
    }

    /**
     * Every event of a permit application, without deserialising its payload: the chain hashes the payload as
     * stored, and only the first event's owner and municipality are read from it.
     */
    @EventHandler(payloadType = PermitApplicationEvent.class)
    void onApplicationEvent(DomainEventMessage<?> message) {
        chain(APPLICATION, message);
    }

    /** Every event of a zoning assessment; the requester, its owner, is the actor of the first. */
    @EventHandler(payloadType = AssessmentEvent.class)
    void onAssessmentEvent(DomainEventMessage<?> message) {
        chain(ASSESSMENT, message);
    }

    /** A replay starts from empty tables and builds the same chains again. */
    @ResetHandler
    void reset() {
        dsl.truncate(DECISION_HISTORY_EVENT).execute();
        dsl.truncate(DECISION_HISTORY_CHAIN).execute();
    }

    private void chain(String kind, DomainEventMessage<?> message) {
        ProcessorBatch.collect(BATCH, messages -> {
            Batch batch = new Batch();
            batch.preload(messages);
            return batch;
        }, batch -> batch.add(kind, message), this::write);
    }

    /** An aggregate's latest link: its head sequence and chain hash, and the head row to write if it moved. */
    private static final class Link {
        long sequence;
        String hash;
        DecisionHistoryChainRecord row;

        Link(long sequence, String hash) {
            this.sequence = sequence;
            this.hash = hash;
        }
    }

    /** The links of the aggregates a batch touches, and the events it chains, in order. */
    private final class Batch {
        /** Per aggregate that was looked up: its latest link; sequence -1 and no hash if it has no chain yet. */
        final Map<String, Link> links = new HashMap<>();
        final List<DecisionHistoryEventRecord> events = new ArrayList<>();
        final Map<String, DecisionHistoryChainRecord> heads = new LinkedHashMap<>();

        /** Loads the heads of every aggregate among the batch's messages with one query. */
        void preload(List<? extends Message<?>> messages) {
            Set<String> ids = new LinkedHashSet<>();
            for (Message<?> message : messages) {
                if (message instanceof DomainEventMessage<?> domain && chained(domain)) {
                    ids.add(domain.getAggregateIdentifier());
                }
            }
            load(ids);
        }

        private void load(Collection<String> ids) {
            if (ids.isEmpty()) {
                return;
            }
            for (String id : ids) {
                links.put(id, new Link(-1, null));
            }
            dsl.select(DECISION_HISTORY_CHAIN.AGGREGATE_ID, DECISION_HISTORY_CHAIN.HEAD_SEQUENCE,
                            DECISION_HISTORY_CHAIN.HEAD_HASH)
                    .from(DECISION_HISTORY_CHAIN)
                    .where(DECISION_HISTORY_CHAIN.AGGREGATE_ID.in(ids))
                    .forEach(r -> links.put(r.value1(), new Link(r.value2(), r.value3())));
        }

        void add(String kind, DomainEventMessage<?> message) {
            String aggregateId = message.getAggregateIdentifier();
            long sequence = message.getSequenceNumber();
            if (!links.containsKey(aggregateId)) {
                load(List.of(aggregateId));
            }
            Link link = links.get(aggregateId);
            if (sequence <= link.sequence) {
                return;
            }
            if (sequence != link.sequence + 1) {
                throw new IllegalStateException("Decision history of " + aggregateId + " is chained up to event "
                        + link.sequence + " (-1: none); cannot chain event " + sequence + " without the events between");
            }
            SerializedObject<byte[]> payload = storedEvents.payload(message);
            CanonicalEvent canonical = new CanonicalEvent(aggregateId, sequence, message.getIdentifier(),
                    message.getTimestamp(), payload.getType().getName(), payload.getType().getRevision(),
                    CanonicalJson.utf8(payload.getData()),
                    CanonicalEvent.storedActor(storedEvents.metaData(message).getData()));
            CanonicalEvent.Hashes hashes = canonical.hashes(link.hash);
            String chainHash = hashes.chain();
            var at = message.getTimestamp().atOffset(ZoneOffset.UTC);

            DecisionHistoryEventRecord event = new DecisionHistoryEventRecord();
            event.setAggregateId(aggregateId);
            event.setSequence(sequence);
            event.setEventIdentifier(message.getIdentifier());
            event.setPayloadType(canonical.payloadType());
            event.setPayloadRevision(canonical.payloadRevision());
            event.setOccurredAt(at);
            event.setActorSubject(canonical.actor().get(Actor.SUBJECT));
            event.setActorName(canonical.actor().get(Actor.NAME));
            event.setActorRole(canonical.actor().get(Actor.ROLE));
            event.setActorMunicipality(canonical.actor().get(Actor.MUNICIPALITY));
            event.setEventHash(hashes.event());
            event.setChainHash(chainHash);
            events.add(event);

            if (link.row == null) {
                link.row = new DecisionHistoryChainRecord();
                link.row.setAggregateId(aggregateId);
                link.row.setAggregateKind(kind);
                if (sequence == 0) {
                    // A new chain's row names the municipality whose staff may read it and the person it belongs
                    // to: from the submission (its applicant), or from the issued assessment (its requester).
                    link.row.setMunicipalitySlug(CanonicalJson.member(payload.getData(), MUNICIPALITY_SLUG));
                    link.row.setOwnerSubject(APPLICATION.equals(kind)
                            ? CanonicalJson.member(payload.getData(), APPLICANT_SUBJECT)
                            : canonical.actor().get(Actor.SUBJECT));
                }
                heads.put(aggregateId, link.row);
            }
            link.row.setHeadSequence(sequence);
            link.row.setHeadHash(chainHash);
            link.row.setUpdatedAt(at);
            link.sequence = sequence;
            link.hash = chainHash;
        }
    }

    private static boolean chained(DomainEventMessage<?> message) {
        Class<?> type = message.getPayloadType();
        return PermitApplicationEvent.class.isAssignableFrom(type) || AssessmentEvent.class.isAssignableFrom(type);
    }

    private void write(Batch batch) {
        if (batch.events.isEmpty()) {
            return;
        }
        ColumnArrays.insert(dsl, DECISION_HISTORY_EVENT, batch.events)
                .onConflictDoNothing()
                .execute();
        // A new chain's row carries the owner and municipality of its first event; an existing row keeps them.
        ColumnArrays.insert(dsl, DECISION_HISTORY_CHAIN, batch.heads.values())
                .onConflict(DECISION_HISTORY_CHAIN.AGGREGATE_ID).doUpdate()
                .set(DECISION_HISTORY_CHAIN.HEAD_SEQUENCE, DSL.excluded(DECISION_HISTORY_CHAIN.HEAD_SEQUENCE))
                .set(DECISION_HISTORY_CHAIN.HEAD_HASH, DSL.excluded(DECISION_HISTORY_CHAIN.HEAD_HASH))
                .set(DECISION_HISTORY_CHAIN.UPDATED_AT, DSL.excluded(DECISION_HISTORY_CHAIN.UPDATED_AT))
                .where(DECISION_HISTORY_CHAIN.HEAD_SEQUENCE.lt(DSL.excluded(DECISION_HISTORY_CHAIN.HEAD_SEQUENCE)))
                .execute();
    }
}
