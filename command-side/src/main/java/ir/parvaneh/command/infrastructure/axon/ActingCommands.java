package ir.parvaneh.command.infrastructure.axon;

import ir.parvaneh.kernel.identity.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * The one way the command side's own code sends a command: always on behalf of an actor, whose
 * identity goes into the command's metadata (and from there into every event it causes).
 */
@Component
public class ActingCommands {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commandGateway;

    ActingCommands(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Sends the command and waits for its result; a refusal is thrown as the handler threw it. */
    public <R> R send(Object command, Actor actor) {
        return commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData()),
                TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
