package ir.parvaneh.command.infrastructure.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import ir.parvaneh.kernel.identity.Actor;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Axon on the JDBC event store (the default, embedded run) and the parts shared with the Axon Server
 * profile: the actor travels from every command into the metadata of every event it causes, and event
 * timestamps come from the injected clock.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * PostgreSQL's unique violation (SQLSTATE 23505) on the event table means a duplicate aggregate or a
     * concurrent append: Axon then raises its concurrency exceptions instead of a generic storage error.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.METADATA_KEYS);
    }

    /** Declared here because declaring any provider replaces Axon's default one. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    ActorRequiredInterceptor actorRequiredInterceptor() {
        return new ActorRequiredInterceptor();
    }

    /**
     * Subscribing processors on the command side keep bookkeeping tables that must commit with their
     * event (the layer register): a failing handler must fail the command, not be logged and skipped.
     */
    @Bean
    ConfigurerModule subscribingHandlersPropagateFailures() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    @Bean
    RecordedEvents recordedEvents() {
        return new RecordedEvents();
    }

    /**
     * Requests may answer with the events their command appended instead of reading them back; only on the JDBC event
     * store, whose timestamps {@link RecordedEvents} reproduces (elsewhere the requests read the store).
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    InitializingBean recordedEventsCollected(EventStore eventStore, RecordedEvents recordedEvents) {
        return () -> eventStore.registerDispatchInterceptor(recordedEvents);
    }

    @Bean
    InitializingBean eventTimestampsFromClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }
}
