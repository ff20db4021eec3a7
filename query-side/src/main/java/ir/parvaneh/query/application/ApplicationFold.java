package ir.parvaneh.query.application;

import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationExpired;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationReturnedForCorrection;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ChangesRequested;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.CompletionCertificateIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionConfirmed;
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
import ir.parvaneh.kernel.permit.PermitStage;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.Reasons;
import ir.parvaneh.query.jooq.query.tables.records.PermitApplicationRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Folds one event into an application's row. The stage rules are those of the command side's
 * {@code PermitApplicationHistory.stageAfter} (docs/permit-lifecycle.md): events that change no stage leave it, and a
 * declined discretionary decision returns to the stage it was proposed in. {@code ApplicationFoldTest} pins the
 * paths the command side's API tests do not drive.
 */
final class ApplicationFold {

    private ApplicationFold() {
    }

    /**
     * A new row for a submission.
     */
    static PermitApplicationRecord submitted(PermitApplicationSubmitted event, long sequence, Instant at) {
        PermitApplicationRecord row = new PermitApplicationRecord();
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        row.setId(event.applicationId());
        row.setMunicipalityId(event.municipalityId());
        row.setMunicipalitySlug(event.municipalitySlug());
        row.setPlate(event.plate());
        row.setApplicantSubject(event.applicantSubject());
        row.setApplicantName(event.applicantName());
        row.setObjectionFiled(false);
        row.setRound(1);
        row.setSubmittedAt(when);
        row.setLastChangedAt(when);
        row.setEnteredStageAt(when);
        row.setFeesPaidRials(0L);
        row.setNextStep(ApplicantStep.WAIT_FOR_CHECK.name());
        row.setLastSequence(sequence);
        return row;
    }

    /**
     * Applies a later event to the row.
     *
     * @param reasonsJson how the reasons of a return, hold or rejection are stored
     */
    static void apply(PermitApplicationRecord row, PermitApplicationEvent event, long sequence, Instant at,
                      Function<Reasons, org.jooq.JSONB> reasonsJson) {
        PermitStage before = stage(row);
        PermitStage stage = PermitStage.after(before, row.getStageBeforeDiscretion() == null ? null
                : PermitStage.valueOf(row.getStageBeforeDiscretion()), event);
        boolean restartsStage = false;
        if (event instanceof PermitApplicationResubmitted resubmitted) {
            row.setRound(resubmitted.round());
            row.setReasons(null);
        } else if (event instanceof ApplicationReturnedForCorrection returned) {
            restartsStage = true;
            row.setCorrectBy(day(returned.correctBy()));
            row.setReasons(reasonsJson.apply(new Reasons("ApplicationReturnedForCorrection", returned.violatedRules(),
                    List.of(), List.of(), null, null)));
        } else if (event instanceof ChangesRequested changes) {
            restartsStage = true;
            row.setCorrectBy(day(changes.correctBy()));
            row.setReasons(reasonsJson.apply(new Reasons("ChangesRequested", List.of(), changes.citedRules(),
                    changes.note() == null ? List.of() : List.of(changes.note()), null, null)));
        } else if (event instanceof FeeAssessmentHeld held) {
            restartsStage = true;
            row.setCorrectBy(day(held.correctBy()));
            row.setReasons(reasonsJson.apply(new Reasons("FeeAssessmentHeld", List.of(), List.of(), held.reasons(),
                    null, null)));
        } else if (event instanceof FeesAssessed fees) {
            row.setFeesTotalRials(fees.totalRials());
            row.setFeesPaidRials(fees.alreadyPaidRials());
            row.setFeesDueRials(fees.dueRials());
            row.setPayBy(fees.dueRials() > 0 ? day(fees.payBy()) : null);
            row.setCorrectBy(null);
        } else if (event instanceof PaymentConfirmed paid) {
            row.setFeesPaidRials(row.getFeesPaidRials() + paid.amountRials());
            row.setFeesDueRials(0L);
            row.setPayBy(null);
        } else if (event instanceof ObjectionUpheld) {
            row.setReasons(null);
        } else if (event instanceof FeeLineWaived waived) {
            row.setFeesDueRials(waived.dueRials());
            if (waived.dueRials() == 0) {
                row.setPayBy(null);
            }
            row.setPendingDiscretion(null);
        } else if (event instanceof ReviewerAssigned assigned) {
            row.setAssigneeSubject(assigned.reviewerSubject());
            row.setAssigneeName(assigned.reviewerName());
            row.setReviewDueOn(day(assigned.reviewDueOn()));
        } else if (event instanceof DiscretionaryDecisionProposed proposed) {
            row.setStageBeforeDiscretion(row.getStage());
            row.setPendingDiscretion(proposed.kind());
            if (!"WAIVE_FEE".equals(proposed.kind())) {
            }
        } else if (event instanceof DiscretionaryDecisionDeclined) {
            row.setPendingDiscretion(null);
        } else if (event instanceof DiscretionaryDecisionConfirmed) {
            row.setPendingDiscretion(null);
        } else if (event instanceof ApplicationApproved approved) {
            row.setIssueBy(day(approved.issueBy()));
            row.setPendingDiscretion(null);
        } else if (event instanceof ApplicationRejected rejected) {
            row.setPendingDiscretion(null);
            row.setReasons(reasonsJson.apply(new Reasons("ApplicationRejected", List.of(), List.of(),
                    List.of(), rejected.legalBasisCode(), rejected.justification())));
        } else if (event instanceof ObjectionDismissed) {
        } else if (event instanceof ObjectionFiled) {
            row.setObjectionFiled(true);
        } else if (event instanceof PermitIssued issued) {
            row.setPermitNumber(issued.permitNumber());
        } else if (event instanceof CompletionCertificateIssued) {
        } else if (event instanceof ReferredToViolationsCommission) {
        } else if (event instanceof PermitApplicationWithdrawn) {
        } else if (event instanceof ApplicationExpired) {
        }
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        if (stage != before || restartsStage) {
            row.setEnteredStageAt(when);
        }
        row.setStage(stage == null ? null : stage.name());
        row.setNextStep(ApplicantStep.of(stage, row.getPendingDiscretion(), Boolean.TRUE.equals(row.getObjectionFiled()))
                .name());
        row.setLastChangedAt(when);
        row.setLastSequence(sequence);
    }

    static PermitStage stage(PermitApplicationRecord row) {
        return row.getStage() == null ? null : PermitStage.valueOf(row.getStage());
    }

    private static LocalDate day(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
