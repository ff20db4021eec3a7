package ir.parvaneh.command.infrastructure.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.stream.Stream;

/**
 * Axon's JDBC event storage engine for a store that holds no snapshots, which is the command side's: no aggregate
 * declares a snapshot trigger ({@code NoSnapshotsTest}). Axon's event store still asks the storage engine
 * for a snapshot before every aggregate load, so each command cost a query of the empty snapshot table, a round trip
 * and an index scan, before the read of the aggregate's events (issue 5: one of a permit submission's six
 * statements). This engine answers that there is none without asking.
 * <p>
 * Storing a snapshot is refused, so that configuring snapshots later fails at the first one instead of writing
 * snapshots nobody reads: whoever adds a snapshot trigger goes back to Axon's own engine.
 */
final class SnapshotlessJdbcEventStorageEngine extends JdbcEventStorageEngine {

    SnapshotlessJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("This event store takes no snapshots (SnapshotlessJdbcEventStorageEngine); "
                + "an aggregate that needs them needs Axon's JdbcEventStorageEngine instead");
    }
}
