package ir.parvaneh.query.support;

import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Appends events to the real event store as the command side would (aggregate id, sequence, actor),
 * so that query-side tests exercise the projections through their real processors.
 */
@Component
public class TestEvents {

    public static final Actor PROVINCE_ADMIN =
            new Actor("5b0c3e8e-0d5a-4e55-9d8f-0f9c2b7a1c01", "رضا صادقی", Role.PROVINCE_ADMIN, null, null);

    private final EventStore eventStore;
    private final Map<String, Long> sequences = new HashMap<>();

    public TestEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public synchronized void append(String aggregateType, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 0L, (previous, ignored) -> previous + 1);
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                MetaData.from(PROVINCE_ADMIN.toMetaData())));
    }
}
