package ir.parvaneh.command.infrastructure.axon;

import ir.parvaneh.command.support.CommandSideIntegrationTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.spring.stereotype.Aggregate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import static ir.parvaneh.command.jooq.axon.Tables.SNAPSHOTEVENTENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command side's event store takes no snapshots, and so does not look for one before loading an aggregate: what
 * makes {@link SnapshotlessJdbcEventStorageEngine} correct, and the engine's own behaviour.
 */
@CommandSideIntegrationTest
class NoSnapshotsTest {

    @Autowired
    EventStorageEngine engine;
    @Autowired
    ApplicationContext context;
    @Autowired
    DSLContext dsl;

    @Test
    void noAggregateDeclaresASnapshotTriggerAndNoneIsConfigured() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Aggregate.class));
        Set<BeanDefinition> aggregates = scanner.findCandidateComponents("ir.parvaneh.command");

        assertThat(aggregates).hasSizeGreaterThan(5);
        for (BeanDefinition aggregate : aggregates) {
            Aggregate declared = Class.forName(aggregate.getBeanClassName()).getAnnotation(Aggregate.class);
            assertThat(declared.snapshotTriggerDefinition()).as(aggregate.getBeanClassName()).isEmpty();
        }
        assertThat(context.getBeanNamesForType(SnapshotTriggerDefinition.class)).isEmpty();
    }

    @Test
    void theStoreIsTheSnapshotlessEngineWhichNeitherReadsNorStoresSnapshots() {
        assertThat(engine).isInstanceOf(SnapshotlessJdbcEventStorageEngine.class);
        String aggregateId = UUID.randomUUID().toString();
        // A snapshot row put there behind the engine's back is not read: the engine does not look.
        dsl.insertInto(SNAPSHOTEVENTENTRY)
                .set(SNAPSHOTEVENTENTRY.AGGREGATEIDENTIFIER, aggregateId)
                .set(SNAPSHOTEVENTENTRY.SEQUENCENUMBER, 3L)
                .set(SNAPSHOTEVENTENTRY.TYPE, "PermitApplication")
                .set(SNAPSHOTEVENTENTRY.EVENTIDENTIFIER, UUID.randomUUID().toString())
                .set(SNAPSHOTEVENTENTRY.PAYLOAD, "{}".getBytes(StandardCharsets.UTF_8))
                .set(SNAPSHOTEVENTENTRY.PAYLOADTYPE, String.class.getName())
                .set(SNAPSHOTEVENTENTRY.TIMESTAMP, "2026-11-30T00:00:00Z")
                .execute();
        try {
            assertThat(engine.readSnapshot(aggregateId)).isEmpty();

            assertThatThrownBy(() -> engine.storeSnapshot(new GenericDomainEventMessage<>("PermitApplication",
                    aggregateId, 4L, "state")))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("takes no snapshots");
            assertThat(dsl.fetchCount(SNAPSHOTEVENTENTRY, SNAPSHOTEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId))).isEqualTo(1);
        } finally {
            dsl.deleteFrom(SNAPSHOTEVENTENTRY).where(SNAPSHOTEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId)).execute();
        }
    }
}
