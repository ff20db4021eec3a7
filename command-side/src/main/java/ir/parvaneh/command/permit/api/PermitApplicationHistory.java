package ir.parvaneh.command.permit.api;

import ir.parvaneh.command.infrastructure.axon.RecordedEvents;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionProposed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationResubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitStage;
import ir.parvaneh.kernel.permit.PermitValues.AssessmentReference;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An application's events as the event store holds them, and the stage they lead to: the minimal read the command
 * API answers with until the query side has read models of permit applications. The stage is folded here from the
 * events alone (the aggregate's state is not reachable from outside it); {@code PermitApplicationApiTest} keeps the
 * two in step for the paths the API drives.
 */
@Component
public class PermitApplicationHistory {

    /** One stored event: its sequence number (what a decider passes as {@code expectedVersion}) and who acted. */
    public record Recorded(long sequence, String type, String recordedAt, String actorSubject, PermitApplicationEvent payload) {
    }

    /** The application's events in order, its version (the last sequence number) and the stage they lead to. */
    public record History(String applicationId, long version, PermitStage stage, List<Recorded> events) {

        public PermitApplicationSubmitted submitted() {
            return (PermitApplicationSubmitted) events.get(0).payload();
        }

        /** The assessment the latest (re)submission rests on. */
        AssessmentReference assessment() {
            AssessmentReference reference = submitted().assessment();
            for (Recorded event : events) {
                if (event.payload() instanceof PermitApplicationResubmitted resubmitted) {
                    reference = resubmitted.assessment();
                }
            }
            return reference;
        }

        /** The events the command with this id caused, in order. */
        List<Recorded> causedBy(String commandId) {
            return events.stream().filter(e -> commandId.equals(e.payload().commandId())).toList();
        }
    }

    private final EventStore eventStore;

    PermitApplicationHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The application's history; {@code NOT_FOUND} if nothing was ever recorded under this id. */
    public History of(PermitApplicationId id) {
        // From sequence 0: every recorded event, never a snapshot in place of the first ones, and no snapshot query.
        List<Recorded> events = eventStore.readEvents(id.toString(), 0).asStream()
                .filter(message -> message.getPayload() instanceof PermitApplicationEvent)
                .map(message -> recorded(message, message.getTimestamp()))
                .toList();
        if (events.isEmpty() || !(events.get(0).payload() instanceof PermitApplicationSubmitted)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No permit application " + id + " was submitted")
                    .with("applicationId", id.toString());
        }
        return history(id, events);
    }

    /**
     * The history of a new application from the events its first command appended, as {@link #of} would read it from
     * the store right after (each event's instant as the store gives it back): empty unless they are the application's
     * whole history, from its submission on.
     */
    public Optional<History> ofNew(PermitApplicationId id, List<DomainEventMessage<?>> appended) {
        List<Recorded> events = appended.stream()
                .filter(message -> id.toString().equals(message.getAggregateIdentifier()))
                .filter(message -> message.getPayload() instanceof PermitApplicationEvent)
                .map(message -> recorded(message, RecordedEvents.storedTimestamp(message.getTimestamp())))
                .toList();
        if (events.isEmpty() || events.get(0).sequence() != 0 || !(events.get(0).payload() instanceof PermitApplicationSubmitted)) {
            return Optional.empty();
        }
        return Optional.of(history(id, events));
    }

    /** The history of these events, which begin with the submission: its version and the stage they lead to. */
    private static History history(PermitApplicationId id, List<Recorded> events) {
        return new History(id.toString(), events.get(events.size() - 1).sequence(), stageAfter(events), events);
    }

    private static Recorded recorded(DomainEventMessage<?> message, Instant timestamp) {
        Object subject = message.getMetaData().get(Actor.SUBJECT);
        return new Recorded(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                timestamp.toString(), subject == null ? null : subject.toString(),
                (PermitApplicationEvent) message.getPayload());
    }

    /**
     * The stage the events lead to, by the lifecycle in docs/permit-lifecycle.md. Events that change no stage
     * (the submission before its check, missed review and issue deadlines, stage reports, inspections, a confirmed
     * decision before its effect) leave it as it was.
     */
    static PermitStage stageAfter(List<Recorded> events) {
        PermitStage stage = null;
        PermitStage beforeDiscretion = null;
        for (Recorded recorded : events) {
            PermitApplicationEvent event = recorded.payload();
            if (event instanceof DiscretionaryDecisionProposed) {
                beforeDiscretion = stage;
            }
            stage = PermitStage.after(stage, beforeDiscretion, event);
        }
        return stage;
    }
}
