package ir.parvaneh.query.history;

import ir.parvaneh.kernel.assessment.AssessmentEvent;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;

import static ir.parvaneh.query.jooq.query.Tables.DECISION_HISTORY_CHAIN;
import static ir.parvaneh.query.jooq.query.Tables.DECISION_HISTORY_EVENT;

/**
 * Chains every event of each permit application and zoning assessment: the SHA-256 of the event's canonical
 * form ({@link CanonicalEvent}) and the running chain hash, into {@code query.decision_history_event}, and the
 * aggregate's head into {@code query.decision_history_chain}. The payload is hashed as the event store holds
 * it (the message's serialized form), not as this side's classes would write it again, so the verification can
 * recompute the same hash from the stored row.
 * <p>
 * Idempotent: an event already chained (same aggregate and sequence) is skipped. Events of one aggregate
 * arrive in order (the pooled processor keeps an aggregate in one segment); an event whose predecessor is not
 * chained is a gap and fails, to the dead-letter queue, rather than starting a wrong chain.
 */
@Component
@ProcessingGroup(DecisionHistoryProjector.PROCESSING_GROUP)
class DecisionHistoryProjector {

    static final String PROCESSING_GROUP = "decision-history";
    static final String APPLICATION = "APPLICATION";
    static final String ASSESSMENT = "ASSESSMENT";

    private final DSLContext dsl;
    private final Serializer serializer;

    DecisionHistoryProjector(DSLContext dsl, @Qualifier("eventSerializer") Serializer serializer) {
        this.dsl = dsl;
        this.serializer = serializer;
    }

    @EventHandler
    void on(PermitApplicationEvent event, DomainEventMessage<?> message) {
        if (event instanceof PermitApplicationSubmitted submitted) {
            chain(APPLICATION, message, submitted.municipalitySlug(), submitted.applicantSubject());
        } else {
            chain(APPLICATION, message, null, null);
        }
    }

    @EventHandler
    void on(AssessmentEvent event, DomainEventMessage<?> message) {
        if (event instanceof ZoningAssessmentIssued issued) {
            Object requester = message.getMetaData().get(Actor.SUBJECT);
            chain(ASSESSMENT, message, issued.municipalitySlug(), requester == null ? null : requester.toString());
        } else {
            chain(ASSESSMENT, message, null, null);
        }
    }

    /** A replay starts from empty tables and builds the same chains again. */
    @ResetHandler
    void reset() {
        dsl.truncate(DECISION_HISTORY_EVENT).execute();
        dsl.truncate(DECISION_HISTORY_CHAIN).execute();
    }

    private void chain(String kind, DomainEventMessage<?> message, String municipalitySlug, String ownerSubject) {
        String aggregateId = message.getAggregateIdentifier();
        long sequence = message.getSequenceNumber();
        if (dsl.fetchExists(DECISION_HISTORY_EVENT, DECISION_HISTORY_EVENT.AGGREGATE_ID.eq(aggregateId)
                .and(DECISION_HISTORY_EVENT.SEQUENCE.eq(sequence)))) {
            return;
        }
        String previous = null;
        if (sequence > 0) {
            previous = dsl.select(DECISION_HISTORY_EVENT.CHAIN_HASH).from(DECISION_HISTORY_EVENT)
                    .where(DECISION_HISTORY_EVENT.AGGREGATE_ID.eq(aggregateId)
                            .and(DECISION_HISTORY_EVENT.SEQUENCE.eq(sequence - 1)))
                    .fetchOne(DECISION_HISTORY_EVENT.CHAIN_HASH);
            if (previous == null) {
                throw new IllegalStateException("Decision history of " + aggregateId + " has no event " + (sequence - 1)
                        + " to chain event " + sequence + " to");
            }
        }
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        CanonicalEvent canonical = new CanonicalEvent(aggregateId, sequence, message.getIdentifier(),
                message.getTimestamp(), payload.getType().getName(), payload.getType().getRevision(),
                CanonicalJson.of(payload.getData()), CanonicalEvent.actorOf(message.getMetaData()));
        String chainHash = canonical.chain(previous);
        var at = message.getTimestamp().atOffset(ZoneOffset.UTC);

        dsl.insertInto(DECISION_HISTORY_CHAIN)
                .set(DECISION_HISTORY_CHAIN.AGGREGATE_ID, aggregateId)
                .set(DECISION_HISTORY_CHAIN.AGGREGATE_KIND, kind)
                .set(DECISION_HISTORY_CHAIN.MUNICIPALITY_SLUG, municipalitySlug)
                .set(DECISION_HISTORY_CHAIN.OWNER_SUBJECT, ownerSubject)
                .set(DECISION_HISTORY_CHAIN.HEAD_SEQUENCE, sequence)
                .set(DECISION_HISTORY_CHAIN.HEAD_HASH, chainHash)
                .set(DECISION_HISTORY_CHAIN.UPDATED_AT, at)
                .onConflict(DECISION_HISTORY_CHAIN.AGGREGATE_ID).doUpdate()
                .set(DECISION_HISTORY_CHAIN.HEAD_SEQUENCE, sequence)
                .set(DECISION_HISTORY_CHAIN.HEAD_HASH, chainHash)
                .set(DECISION_HISTORY_CHAIN.UPDATED_AT, at)
                .where(DECISION_HISTORY_CHAIN.HEAD_SEQUENCE.lt(sequence))
                .execute();
        dsl.insertInto(DECISION_HISTORY_EVENT)
                .set(DECISION_HISTORY_EVENT.AGGREGATE_ID, aggregateId)
                .set(DECISION_HISTORY_EVENT.SEQUENCE, sequence)
                .set(DECISION_HISTORY_EVENT.EVENT_IDENTIFIER, message.getIdentifier())
                .set(DECISION_HISTORY_EVENT.PAYLOAD_TYPE, canonical.payloadType())
                .set(DECISION_HISTORY_EVENT.PAYLOAD_REVISION, canonical.payloadRevision())
                .set(DECISION_HISTORY_EVENT.OCCURRED_AT, at)
                .set(DECISION_HISTORY_EVENT.ACTOR_SUBJECT, canonical.actor().get(Actor.SUBJECT))
                .set(DECISION_HISTORY_EVENT.ACTOR_NAME, canonical.actor().get(Actor.NAME))
                .set(DECISION_HISTORY_EVENT.ACTOR_ROLE, canonical.actor().get(Actor.ROLE))
                .set(DECISION_HISTORY_EVENT.ACTOR_MUNICIPALITY, canonical.actor().get(Actor.MUNICIPALITY))
                .set(DECISION_HISTORY_EVENT.PAYLOAD, JSONB.valueOf(canonical.payload()))
                .set(DECISION_HISTORY_EVENT.EVENT_HASH, canonical.hash())
                .set(DECISION_HISTORY_EVENT.CHAIN_HASH, chainHash)
                .onConflictDoNothing()
                .execute();
    }
}
