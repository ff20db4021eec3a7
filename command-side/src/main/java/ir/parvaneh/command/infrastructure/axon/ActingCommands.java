package ir.parvaneh.command.infrastructure.axon;

import ir.parvaneh.kernel.identity.Actor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one way the command side's own code sends a command: always on behalf of an actor, whose
 * identity goes into the command's metadata (and from there into every event it causes).
 */
@Component
public class ActingCommands {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commandGateway;
    private final RecordedEvents recordedEvents;

    ActingCommands(CommandGateway commandGateway, RecordedEvents recordedEvents) {
        this.commandGateway = commandGateway;
        this.recordedEvents = recordedEvents;
    }

    /** Sends the command and waits for its result; a refusal is thrown as the handler threw it. */
    public <R> R send(Object command, Actor actor) {
        return send(command, actor, Map.of());
    }

    /**
     * Sends the command with metadata beyond the actor's (e.g. the consent an engineer acts on, when the platform
     * acts for them), which correlation copies into the events it causes as far as a provider names the keys.
     */
    public <R> R send(Object command, Actor actor, Map<String, String> metaData) {
        return commandGateway.sendAndWait(message(command, actor, metaData), TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Sends the command and waits for it; answers with the events it appended, in order, once they are committed.
     * Empty when it appended none or they were not seen here (see {@link RecordedEvents}): the caller then reads
     * the store.
     */
    public Optional<List<DomainEventMessage<?>>> sendRecording(Object command, Actor actor) {
        CommandMessage<?> message = message(command, actor, Map.of());
        recordedEvents.expect(message.getIdentifier());
        try {
            commandGateway.sendAndWait(message, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException refused) {
            recordedEvents.take(message.getIdentifier());
            throw refused;
        }
        return recordedEvents.take(message.getIdentifier());
    }

    private static CommandMessage<?> message(Object command, Actor actor, Map<String, String> metaData) {
        Map<String, Object> all = new HashMap<>(metaData);
        all.putAll(actor.toMetaData());
        return GenericCommandMessage.asCommandMessage(command).andMetaData(all);
    }
}
