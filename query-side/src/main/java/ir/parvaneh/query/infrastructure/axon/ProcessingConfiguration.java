package ir.parvaneh.query.infrastructure.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.TokenStoreProperties;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The query side's processors as one of several instances: the token store names this instance
 * ({@code parvaneh.node-id}; by default the JVM's name plus a random suffix, so that two instances in one JVM, or
 * a restarted one, never pass for each other), and every pooled processor takes its share of segments from
 * {@link ProcessingNodes}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    @Bean
    ProcessingNodes processingNodes(DSLContext dsl, @Value("${parvaneh.node-id:}") String nodeId,
                                    @Value("${parvaneh.projections.heartbeat:5s}") Duration heartbeat) {
        String id = nodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8)
                : nodeId;
        return new ProcessingNodes(dsl, id, heartbeat);
    }

    /**
     * Axon's JDBC parts (the event store's reads, the tokens, the dead letters) take the connection of the Spring
     * transaction they run in and give it back to that transaction, which returns it to the pool once; every unit of
     * work here (a processor's batch, a query) runs in one. Axon's default provider wrapped this one in a
     * unit-of-work wrapper that closed the connection again at the unit of work's clean-up, after the transaction had
     * returned it, when the pool may already have lent it to another thread: HikariCP's close of a closed connection
     * still clears the statement list it shares with that thread's ({@code ConnectionOwnershipTest}; the command
     * side's configuration tells what that did under load).
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * As Axon's auto-configuration builds it (the default table names, found in the query schema by the search
     * path), but owned by this instance's node id.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenStoreProperties properties,
                          ProcessingNodes nodes) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(nodes.nodeId())
                .build();
    }

    /**
     * Every pooled processor, whatever its other settings, asks for its share before claiming, looks again for room
     * in full work-package queues after {@code parvaneh.projections.coordinator-recheck} (10 ms) rather than Axon's
     * 100 ms ({@link CoordinatorExecutor}), and (with the embedded JDBC event store) reads the store through
     * {@link PromptEventSource}, so that it looks as soon as events arrive.
     */
    @Bean
    ConfigurerModule pooledProcessors(ProcessingNodes nodes, ObjectProvider<PromptEventSource> promptSource,
                                      @Value("${parvaneh.projections.coordinator-recheck:10ms}") Duration recheck) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> {
                    builder.maxSegmentProvider(nodes);
                    builder.coordinatorExecutor(name -> {
                        CoordinatorExecutor executor = new CoordinatorExecutor(name, recheck);
                        configuration.onShutdown(executor::shutdown);
                        return executor;
                    });
                    PromptEventSource source = promptSource.getIfAvailable();
                    if (source != null) {
                        builder.messageSource(source);
                    }
                    return builder;
                });
    }

    /**
     * No correlation data. Axon copies correlation data from the message being handled into every message created
     * while handling it; its default provider reads the handled message's metadata to do so. The query side's
     * handlers send nothing that anyone correlates (they write rows; a subscription update carries only the new
     * version), yet every event's metadata was deserialised just to correlate the result Axon wraps around each
     * handler invocation, which it then discards: a seventh of the permit-applications projection's rebuild, whose
     * handlers do not read metadata at all. Declaring a provider replaces Axon's default one.
     */
    @Bean
    CorrelationDataProvider noCorrelationData() {
        return message -> Map.of();
    }

    /** The heartbeat: first at start (before the processors claim), then every {@code parvaneh.projections.heartbeat}. */
    @Bean
    SmartLifecycle processingNodeHeartbeat(ProcessingNodes nodes) {
        return new SmartLifecycle() {
            private ScheduledExecutorService timer;

            @Override
            public void start() {
                nodes.beat();
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "processing-node-heartbeat");
                    thread.setDaemon(true);
                    return thread;
                });
                long every = nodes.heartbeat().toMillis();
                timer.scheduleAtFixedRate(nodes::beat, every, every, TimeUnit.MILLISECONDS);
            }

            @Override
            public void stop() {
                timer.shutdownNow();
                timer = null;
                nodes.leave();
            }

            @Override
            public boolean isRunning() {
                return timer != null;
            }

            /** Before Axon's processors start (they start in a later phase) and after they stop. */
            @Override
            public int getPhase() {
                return Integer.MIN_VALUE + 1000;
            }
        };
    }
}
