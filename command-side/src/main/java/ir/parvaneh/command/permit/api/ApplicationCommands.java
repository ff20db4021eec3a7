package ir.parvaneh.command.permit.api;

import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.command.permit.api.PermitApplicationHistory.History;
import ir.parvaneh.command.permit.api.PermitApplicationHistory.Recorded;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationReturnedForCorrection;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ComplianceChecked;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeLineWaived;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitStage;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * How a request on an existing permit application becomes its command, the same for every endpoint: the caller
 * acting in one of the roles the endpoint serves, the request's {@code Idempotency-Key} as the command id (a new
 * one without it, so that a retried request does nothing twice), the command sent through {@link ActingCommands}
 * as the caller, and the answer read back from the event store. The controllers only say which command a request
 * names; the aggregate judges every rule.
 */
@Component
class ApplicationCommands {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String KEY_DESCRIPTION = "The client's id for this request (at most 100 characters): the same "
            + "key again is answered with what the first request recorded, and records nothing new";
    private static final int MAX_KEY_LENGTH = 100;

    /** The command a request names, on the application addressed and with the request's command id. */
    @FunctionalInterface
    interface Command {
        Object on(PermitApplicationId applicationId, String commandId);
    }

    /**
     * What a request recorded: the application's version and stage after it, the result of the compliance check it
     * ran (if any), the rules that failed, the amount due after it (priced, or left by a confirmed waiver), and the
     * events it caused.
     */
    record Receipt(String applicationId, long version, PermitStage stage, String complianceResult,
                   List<ComplianceResult> violatedRules, Long dueRials, List<Recorded> recorded) {

        static Receipt of(History history, String commandId) {
            List<Recorded> caused = history.causedBy(commandId);
            String result = null;
            List<ComplianceResult> violated = List.of();
            Long due = null;
            for (Recorded event : caused) {
                if (event.payload() instanceof ComplianceChecked check) {
                    result = check.result();
                } else if (event.payload() instanceof ApplicationReturnedForCorrection returned) {
                    violated = returned.violatedRules();
                } else if (event.payload() instanceof FeesAssessed fees) {
                    due = fees.dueRials();
                } else if (event.payload() instanceof FeeLineWaived waived) {
                    due = waived.dueRials();
                }
            }
            return new Receipt(history.applicationId(), history.version(), history.stage(), result, violated, due, caused);
        }
    }

    private final ActingCommands commands;
    private final PermitApplicationHistory histories;
    private final CurrentActor currentActor;

    ApplicationCommands(ActingCommands commands, PermitApplicationHistory histories, CurrentActor currentActor) {
        this.commands = commands;
        this.histories = histories;
        this.currentActor = currentActor;
    }

    /** Sends the command as the caller in the first of {@code roles} they hold; answers with what it recorded. */
    Receipt sendAndRead(String id, String key, Command command, Role... roles) {
        String commandId = send(id, key, command, roles);
        return Receipt.of(histories.of(PermitApplicationId.parse(id)), commandId);
    }

    /** Sends the command as the caller in the first of {@code roles} they hold; answers with its command id. */
    String send(String id, String key, Command command, Role... roles) {
        Actor actor = currentActor.actingAs(roles);
        PermitApplicationId applicationId = PermitApplicationId.parse(id);
        String commandId = commandId(key);
        commands.send(command.on(applicationId, commandId), actor);
        return commandId;
    }

    /** The request's command id: its {@code Idempotency-Key} (1 to 100 characters), or a new one without it. */
    static String commandId(String key) {
        if (key == null) {
            return UUID.randomUUID().toString();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "An " + IDEMPOTENCY_KEY + " has 1 to " + MAX_KEY_LENGTH
                    + " characters").with("field", IDEMPOTENCY_KEY);
        }
        return key;
    }
}
