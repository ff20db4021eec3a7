package ir.parvaneh.query.infrastructure.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/**
 * The embedded event store as Axon's auto-configuration builds it, but polling the store for new events every
 * {@code parvaneh.projections.fetch-delay} (50 ms) instead of every second when the projections have caught up:
 * the query side learns of events the command side commits only by polling, and a second's wait would be most
 * of the projection lag a citizen sees after their own action. The cost is one indexed query per interval.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EventStoreConfiguration {

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
