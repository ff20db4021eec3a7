package ir.parvaneh.query.infrastructure.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * One aggregate's recorded events, read from the event store (the JDBC store's indexed read by aggregate, or Axon
 * Server's), for the read models that show what an event recorded rather than keep a copy of it: the decision
 * history's payloads, a certificate's facts and outcome; and an event's payload as the store holds it, for the
 * projectors and read models that hash or scan the stored bytes instead of deserialising them. Only reading is
 * offered: the query side never appends.
 */
@Component
public class StoredEvents {

    private final EventStore store;
    private final Serializer serializer;

    public StoredEvents(EventStore store, @Qualifier("eventSerializer") Serializer serializer) {
        this.store = store;
        this.serializer = serializer;
    }

    /** The aggregate's events, oldest first; none if it has none. Payloads are deserialised only when asked for. */
    public List<? extends DomainEventMessage<?>> of(String aggregateId) {
        return store.readEvents(aggregateId, 0).asStream().toList();
    }

    /**
     * The event's payload as the event store holds it: its serialized bytes, type and revision. A message read from
     * the store (by a processor or by {@link #of}) keeps its serialized form, so nothing is deserialised or written
     * again.
     */
    public SerializedObject<byte[]> payload(EventMessage<?> message) {
        return message.serializePayload(serializer, byte[].class);
    }

    /** The event's metadata as the event store holds it, likewise without deserialising it. */
    public SerializedObject<byte[]> metaData(EventMessage<?> message) {
        return message.serializeMetaData(serializer, byte[].class);
    }
}
