package ir.parvaneh.command.infrastructure.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import ir.parvaneh.kernel.identity.Actor;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
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

    /**
     * Axon's JDBC parts (the event store, the tokens, the dead letters) take the connection of the Spring transaction
     * they run in, and give it back to that transaction, which returns it to the pool once. Every unit of work here
     * runs in a Spring transaction (the command bus, the processors and the deadline manager start one), so that
     * connection is the unit of work's. Axon's default provider wraps this one in a unit-of-work wrapper that closed
     * the connection a second time at the unit of work's clean-up, after the transaction had returned it; by then
     * the pool could have lent it to another thread, and HikariCP's close of a closed connection still clears the
     * statement list it shares with that thread's. Under load one request in 30,000 failed in HikariCP's
     * {@code FastList} that way ({@code ConnectionOwnershipTest}).
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * The JDBC event store as Axon's Spring Boot configuration builds it (the same serializers, upcasters, snapshot
     * filter, connection provider, transaction manager and schema), without the snapshot query before every aggregate
     * load: there are no snapshots ({@link SnapshotlessJdbcEventStorageEngine}).
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager) {
        return new SnapshotlessJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema()));
    }

    /**
     * Events are stored in the canonical member order of the decision history's hash chain (docs/decision-history.md):
     * every object's members sorted by name, maps by key, nothing between the tokens (Jackson writes none). The
     * history then hashes a stored payload as it stands, after one pass that checks it is canonical, instead of
     * taking it apart and writing it again: that was a third of the history projection's work per event (issue 6).
     * Only the order of members changes; reading is the same, and so is every hash (the chain is over the canonical
     * form, whatever order an event was stored in). Otherwise the serializer is Axon's default one, on the
     * application's object mapper as Spring Boot configures it.
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Jackson2ObjectMapperBuilder objectMapperBuilder, RevisionResolver revisionResolver,
                               ApplicationContext context) {
        ObjectMapper canonicalOrder = objectMapperBuilder
                .featuresToEnable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .featuresToDisable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .build();
        return JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(context.getClassLoader()))
                .objectMapper(canonicalOrder)
                .build();
    }

    /** Every aggregate's commands find their target through this (Axon's configuration looks the bean up by type). */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new AnnotatedCommandTargets();
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
