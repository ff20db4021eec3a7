package ir.parvaneh.command.infrastructure.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The events a command recorded, handed back to the request that sent it, so that the request can answer with them
 * instead of reading them back from the event store (for a permit submission, a second query and the deserialisation
 * of three events). Only a command sent through {@link ActingCommands#sendRecording} is watched: its message id is
 * expected here before it is sent, the event store's dispatch interceptor collects what the command's unit of work
 * stores (at prepare-commit, the messages as they are appended: no other interceptor changes them), and they are handed
 * over only once that unit of work has committed. A command that rolled back, recorded nothing (a repeated
 * idempotent request) or ran elsewhere (Axon Server routing it to another node) hands nothing over, and the caller
 * reads the store as before.
 * <p>
 * Registered on the embedded JDBC event store only ({@code AxonConfiguration}): {@link #storedTimestamp} reproduces
 * how that engine writes and reads a timestamp, so an answer built from these events carries the same instants a
 * read from the store would. Axon Server keeps milliseconds, so there nothing is collected and the store is read.
 */
public class RecordedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String COLLECTED = RecordedEvents.class.getName() + ".collected";
    /** Nothing is collected for a command nobody waits for; the entry of one that is waited for lives until then. */
    private final Map<String, Optional<List<DomainEventMessage<?>>>> expected = new ConcurrentHashMap<>();

    void expect(String commandMessageId) {
        expected.put(commandMessageId, Optional.empty());
    }

    /** What the command stored, once committed; empty if it stored nothing here. Forgets the command. */
    Optional<List<DomainEventMessage<?>>> take(String commandMessageId) {
        Optional<List<DomainEventMessage<?>>> recorded = expected.remove(commandMessageId);
        return recorded == null ? Optional.empty() : recorded;
    }

    /**
     * The instant a read from the JDBC event store returns for an event stamped {@code timestamp}: the engine writes
     * it as text through {@link DateTimeUtils#formatInstant} and parses it back with {@link DateTimeUtils#parseInstant}.
     */
    public static Instant storedTimestamp(Instant timestamp) {
        return DateTimeUtils.parseInstant(DateTimeUtils.formatInstant(timestamp));
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (!expected.isEmpty() && CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().getMessage() instanceof CommandMessage<?> command
                && expected.containsKey(command.getIdentifier())) {
            collect(CurrentUnitOfWork.get(), command.getIdentifier(), messages);
        }
        return (index, message) -> message;
    }

    private void collect(UnitOfWork<?> unitOfWork, String commandMessageId, List<? extends EventMessage<?>> messages) {
        List<DomainEventMessage<?>> collected = unitOfWork.getOrComputeResource(COLLECTED, key -> {
            List<DomainEventMessage<?>> list = new ArrayList<>();
            // Handed over only when what was collected is what the store holds.
            unitOfWork.afterCommit(u -> expected.computeIfPresent(commandMessageId, (id, none) -> Optional.of(List.copyOf(list))));
            return list;
        });
        for (EventMessage<?> message : messages) {
            if (message instanceof DomainEventMessage<?> domainEvent) {
                collected.add(domainEvent);
            }
        }
    }
}
