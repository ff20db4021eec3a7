package ir.parvaneh.query.infrastructure.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * One aggregate's recorded events, read from the event store (the JDBC store's indexed read by aggregate, or Axon
 * Server's), for the read models that show what an event recorded rather than keep a copy of it: the decision
 * history's payloads, a certificate's facts and outcome. Only reading is offered: the query side never appends.
 */
@Component
public class StoredEvents {

    private final EventStore store;

    public StoredEvents(EventStore store) {
        this.store = store;
    }

    /** The aggregate's events, oldest first; none if it has none. Payloads are deserialised only when asked for. */
    public List<? extends DomainEventMessage<?>> of(String aggregateId) {
        return store.readEvents(aggregateId, 0).asStream().toList();
    }
}
