package ir.parvaneh.query.infrastructure.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/**
 * The JDBC event store as Axon's auto-configuration builds it (the same storage engine, serializers, upcasters and
 * schema), except that the embedded event store polls the table for new events every
 * {@code parvaneh.projections.fetch-delay-ms} (50 ms) instead of every second once the projections have caught up.
 * The query side learns of the events the command side commits only by polling, so that second would be most of
 * the lag a citizen sees after their own action; the cost is one indexed query per interval. A processor that
 * replays the store reads it {@code parvaneh.projections.fetch-batch-size} (1,000) events per query rather than
 * Axon's default 100, a tenth of the round trips for the same rows. (Declaring the event
 * store means declaring its storage engine, schema and exception resolver too: Axon builds them only when no event
 * store is declared.)
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EventStoreConfiguration {

    @Bean
    EventSchema eventSchema() {
        return new EventSchema();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer, Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          @Value("${parvaneh.projections.fetch-batch-size:1000}") int fetchBatchSize) {
        return JdbcEventStorageEngine.builder()
                .batchSize(fetchBatchSize)
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /** The processors' source: this event store, whose streams tell the coordinators when events arrive. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    PromptEventSource promptEventSource(EmbeddedEventStore eventStore) {
        return new PromptEventSource(eventStore);
    }

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  @Value("${parvaneh.projections.fetch-delay-ms:50}") long fetchDelayMs) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelayMs)
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }
}
