package ir.parvaneh.command.permit.api;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationExpired;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationReturnedForCorrection;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ChangesRequested;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.CompletionCertificateIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionDeclined;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionProposed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeAssessmentHeld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeLineWaived;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionDismissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionFiled;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionUpheld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PaymentConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationResubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationWithdrawn;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReferredToViolationsCommission;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitStage;
import ir.parvaneh.kernel.permit.PermitValues.AssessmentReference;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * An application's events as the event store holds them, and the stage they lead to: the minimal read the command
 * API answers with until the query side has read models of permit applications. The stage is folded here from the
 * events alone (the aggregate's state is not reachable from outside it); {@code PermitApplicationApiTest} keeps the
 * two in step for the paths the API drives.
 */
@Component
class PermitApplicationHistory {

    /** One stored event: its sequence number (what a decider passes as {@code expectedVersion}) and who acted. */
    record Recorded(long sequence, String type, String recordedAt, String actorSubject, PermitApplicationEvent payload) {
    }

    /** The application's events in order, its version (the last sequence number) and the stage they lead to. */
    record History(String applicationId, long version, PermitStage stage, List<Recorded> events) {

        PermitApplicationSubmitted submitted() {
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
    History of(PermitApplicationId id) {
        // From sequence 0: every recorded event, never a snapshot in place of the first ones, and no snapshot query.
        List<Recorded> events = eventStore.readEvents(id.toString(), 0).asStream()
                .filter(message -> message.getPayload() instanceof PermitApplicationEvent)
                .map(PermitApplicationHistory::recorded)
                .toList();
        if (events.isEmpty() || !(events.get(0).payload() instanceof PermitApplicationSubmitted)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No permit application " + id + " was submitted")
                    .with("applicationId", id.toString());
        }
        return new History(id.toString(), events.get(events.size() - 1).sequence(), stageAfter(events), events);
    }

    private static Recorded recorded(DomainEventMessage<?> message) {
        Object subject = message.getMetaData().get(Actor.SUBJECT);
        return new Recorded(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                message.getTimestamp().toString(), subject == null ? null : subject.toString(),
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
            if (event instanceof ApplicationReturnedForCorrection || event instanceof ChangesRequested) {
                stage = PermitStage.RETURNED_FOR_CORRECTION;
            } else if (event instanceof FeeAssessmentHeld) {
                stage = PermitStage.FEES_UNDETERMINED;
            } else if (event instanceof FeesAssessed fees) {
                stage = fees.dueRials() > 0 ? PermitStage.AWAITING_PAYMENT : PermitStage.AWAITING_REVIEW;
            } else if (event instanceof PaymentConfirmed || event instanceof ObjectionUpheld) {
                stage = PermitStage.AWAITING_REVIEW;
            } else if (event instanceof FeeLineWaived waived) {
                stage = waived.dueRials() > 0 ? PermitStage.AWAITING_PAYMENT : PermitStage.AWAITING_REVIEW;
            } else if (event instanceof ReviewerAssigned) {
                stage = PermitStage.IN_REVIEW;
            } else if (event instanceof DiscretionaryDecisionProposed proposed) {
                beforeDiscretion = stage;
                if (!"WAIVE_FEE".equals(proposed.kind())) {
                    stage = PermitStage.AWAITING_SECOND_APPROVAL;
                }
            } else if (event instanceof DiscretionaryDecisionDeclined) {
                stage = beforeDiscretion;
            } else if (event instanceof ApplicationApproved) {
                stage = PermitStage.APPROVED;
            } else if (event instanceof ApplicationRejected || event instanceof ObjectionDismissed) {
                stage = PermitStage.REJECTED;
            } else if (event instanceof ObjectionFiled) {
                stage = PermitStage.OBJECTION_PENDING;
            } else if (event instanceof PermitIssued) {
                stage = PermitStage.ISSUED;
            } else if (event instanceof CompletionCertificateIssued) {
                stage = PermitStage.COMPLETED;
            } else if (event instanceof ReferredToViolationsCommission) {
                stage = PermitStage.REFERRED_TO_COMMISSION;
            } else if (event instanceof PermitApplicationWithdrawn) {
                stage = PermitStage.WITHDRAWN;
            } else if (event instanceof ApplicationExpired) {
                stage = PermitStage.EXPIRED;
            }
        }
        return stage;
    }
}
