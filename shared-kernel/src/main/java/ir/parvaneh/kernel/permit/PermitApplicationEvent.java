package ir.parvaneh.kernel.permit;

import ir.parvaneh.kernel.permit.PermitValues.AssessmentReference;
import ir.parvaneh.kernel.permit.PermitValues.BuildingEnvelope;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.EnvelopeDeviation;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.rulebook.FeeLine;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * What happened to a building-permit application. Events hold plain data; days are ISO dates in Asia/Tehran, money
 * whole Rials. The acting user is in each event's metadata, as everywhere; decisions also carry the decider's
 * subject and role in the payload, because the second-approver and objection rules are judged on them.
 * Published contracts: change one only with a new revision and an upcaster.
 */
public sealed interface PermitApplicationEvent {

    /** The aggregate id, {@code permit-application-<uuid>}. */
    String applicationId();

    /**
     * The client's id of the command that caused the event (a retry with the same id is a no-op); {@code null} for
     * what the platform does on its own when a deadline passes.
     */
    String commandId();

    /**
     * A citizen applied for a building permit.
     *
     * @param submittedOn the day (Asia/Tehran)
     */
    @Revision("1")
    record PermitApplicationSubmitted(
            String applicationId,
            String commandId,
            String municipalityId,
            String municipalitySlug,
            String plate,
            String applicantSubject,
            String applicantName,
            String applicantNationalCode,
            String submittedOn,
            AssessmentReference assessment,
            ProposedBuilding building,
            DocumentReference ownershipDocument,
            List<DocumentReference> documents) implements PermitApplicationEvent {
    }

    /**
     * The applicant resubmitted a corrected proposal.
     *
     * @param round the check round this starts: 2 for the first resubmission
     */
    @Revision("1")
    record PermitApplicationResubmitted(
            String applicationId,
            String commandId,
            int round,
            String resubmittedOn,
            AssessmentReference assessment,
            ProposedBuilding building,
            List<DocumentReference> documents) implements PermitApplicationEvent {
    }

    /**
     * The automatic compliance check compared the proposal with the assessment's outputs, rule by rule.
     *
     * @param result {@code PASSED}, {@code FAILED} (a rule failed) or {@code NEEDS_REVIEW} (none failed, some could
     *               not be checked: approving it is a discretionary decision)
     */
    @Revision("1")
    record ComplianceChecked(
            String applicationId,
            String commandId,
            int round,
            String assessmentId,
            String rulebookVersion,
            String rulebookSha256,
            String result,
            List<ComplianceResult> rules) implements PermitApplicationEvent {
    }

    /**
     * The check failed: the application goes back to the applicant with the violated rules.
     *
     * @param correctBy the last day to resubmit before the application expires as abandoned
     */
    @Revision("1")
    record ApplicationReturnedForCorrection(
            String applicationId,
            String commandId,
            int round,
            List<ComplianceResult> violatedRules,
            String correctBy) implements PermitApplicationEvent {
    }

    /**
     * The fees of the proposal, priced by the assessment's rulebook.
     *
     * @param totalRials       the sum of the lines
     * @param alreadyPaidRials what was paid for an earlier proposal of this application
     * @param dueRials         what remains to pay ({@code 0}: nothing to pay, straight on to review)
     * @param payBy            the last day to pay before the application expires; {@code null} when nothing is due
     */
    @Revision("1")
    record FeesAssessed(
            String applicationId,
            String commandId,
            String rulebookVersion,
            String rulebookSha256,
            List<FeeLine> lines,
            long totalRials,
            long alreadyPaidRials,
            long dueRials,
            String payBy) implements PermitApplicationEvent {
    }

    /**
     * The rulebook could not determine a fee line (e.g. the layers give no regional price P): the application is
     * held, never charged 0 for it, until the applicant resubmits with what is missing.
     *
     * @param reasons   why each undetermined line could not be priced
     * @param correctBy the last day to resubmit before the application expires as abandoned
     */
    @Revision("1")
    record FeeAssessmentHeld(
            String applicationId,
            String commandId,
            String rulebookVersion,
            String rulebookSha256,
            List<FeeLine> lines,
            List<String> reasons,
            String correctBy) implements PermitApplicationEvent {
    }

    /** The gateway confirmed a payment of the amount due. */
    @Revision("1")
    record PaymentConfirmed(
            String applicationId,
            String commandId,
            String gatewayReference,
            long amountRials,
            String paidAt) implements PermitApplicationEvent {
    }

    /** The assignment policy gave the application to a reviewer, due on the given day. */
    @Revision("1")
    record ReviewerAssigned(
            String applicationId,
            String commandId,
            String reviewerSubject,
            String reviewerName,
            String municipalitySlug,
            String reviewDueOn) implements PermitApplicationEvent {
    }

    /** The review was not decided by its due day. The application stays with the reviewer; oversight sees it. */
    @Revision("1")
    record ReviewDeadlineMissed(
            String applicationId,
            String commandId,
            String reviewerSubject,
            String reviewDueOn) implements PermitApplicationEvent {
    }

    /**
     * The reviewer returned the application to the applicant, citing rules or outputs.
     *
     * @param correctBy the last day to resubmit before the application expires as abandoned
     */
    @Revision("1")
    record ChangesRequested(
            String applicationId,
            String commandId,
            String reviewerSubject,
            String reviewerRole,
            List<String> citedRules,
            String note,
            String correctBy) implements PermitApplicationEvent {
    }

    /**
     * A decision departing from the automatic result was proposed and waits for a second approver.
     *
     * @param kind           {@code APPROVE}, {@code REJECT} or {@code WAIVE_FEE}
     * @param departures     what it departs from: the rules not passed (approving), the rules passed (rejecting),
     *                       or the fee line ({@code type} or {@code type@floor})
     * @param waivedRials    for a fee waiver, the line's amount; else {@code 0}
     */
    @Revision("1")
    record DiscretionaryDecisionProposed(
            String applicationId,
            String commandId,
            String kind,
            String proposerSubject,
            String proposerRole,
            String legalBasisCode,
            String justification,
            List<String> departures,
            String feeType,
            Integer feeFloorLevel,
            long waivedRials) implements PermitApplicationEvent {
    }

    /** A second staff member confirmed the pending discretionary decision; its effect follows as its own event. */
    @Revision("1")
    record DiscretionaryDecisionConfirmed(
            String applicationId,
            String commandId,
            String kind,
            String proposerSubject,
            String approverSubject,
            String approverRole) implements PermitApplicationEvent {
    }

    /** A second staff member declined it; the application returns to where it was. */
    @Revision("1")
    record DiscretionaryDecisionDeclined(
            String applicationId,
            String commandId,
            String kind,
            String proposerSubject,
            String declinerSubject,
            String declinerRole,
            String reason) implements PermitApplicationEvent {
    }

    /** A fee line was waived by a confirmed discretionary decision; what remains due is restated. */
    @Revision("1")
    record FeeLineWaived(
            String applicationId,
            String commandId,
            String feeType,
            Integer floorLevel,
            long waivedRials,
            long dueRials) implements PermitApplicationEvent {
    }

    /**
     * The application was approved: the file is complete.
     *
     * @param discretionary          whether it departed from the automatic result (then a second approver confirmed it)
     * @param secondApproverSubject  the confirming staff member, or {@code null}
     * @param issueBy                the last day to issue the permit (the 15-day legal limit)
     */
    @Revision("1")
    record ApplicationApproved(
            String applicationId,
            String commandId,
            String deciderSubject,
            String deciderRole,
            boolean discretionary,
            String legalBasisCode,
            String secondApproverSubject,
            String approvedOn,
            String issueBy) implements PermitApplicationEvent {
    }

    /**
     * The application was rejected, on the cited legal basis.
     *
     * @param discretionary whether it departed from the automatic result (the check had passed)
     */
    @Revision("1")
    record ApplicationRejected(
            String applicationId,
            String commandId,
            String deciderSubject,
            String deciderRole,
            boolean discretionary,
            String legalBasisCode,
            String justification,
            String secondApproverSubject,
            String rejectedOn) implements PermitApplicationEvent {
    }

    /** The permit was not issued within the legal limit after the file was complete; oversight sees it. */
    @Revision("1")
    record IssueDeadlineMissed(
            String applicationId,
            String commandId,
            String approvedOn,
            String issueBy) implements PermitApplicationEvent {
    }

    /**
     * The building permit (پروانه ساختمانی) was issued.
     *
     * @param validUntil the last day construction may start under it
     * @param envelope   the approved envelope, against which every stage report and inspection is measured
     */
    @Revision("2")
    record PermitIssued(
            String applicationId,
            String commandId,
            String permitNumber,
            String municipalitySlug,
            String plate,
            String issuedOn,
            String validUntil,
            List<String> conditions,
            BuildingEnvelope envelope,
            String supervisingEngineerSubject,
            String supervisingEngineerName,
            String supervisingEngineerLicence) implements PermitApplicationEvent {

        /**
         * Revision 1 had no licence: such an event reads with {@code supervisingEngineerLicence} null (Jackson leaves a
         * missing property null), which is what an upcaster would write, so none is needed.
         */
        public PermitIssued(String applicationId, String commandId, String permitNumber, String municipalitySlug,
                            String plate, String issuedOn, String validUntil, List<String> conditions,
                            BuildingEnvelope envelope, String supervisingEngineerSubject, String supervisingEngineerName) {
            this(applicationId, commandId, permitNumber, municipalitySlug, plate, issuedOn, validUntil, conditions, envelope,
                    supervisingEngineerSubject, supervisingEngineerName, null);
        }
    }

    /**
     * The supervising engineer reported a construction stage.
     *
     * @param deviations where the measured envelope exceeds the approved one
     * @param flagged    whether it deviates: flagged at once, for the municipality and oversight
     */
    @Revision("1")
    record ConstructionStageReported(
            String applicationId,
            String commandId,
            String stage,
            String engineerSubject,
            String reportedOn,
            BuildingEnvelope measured,
            String note,
            List<EnvelopeDeviation> deviations,
            boolean flagged) implements PermitApplicationEvent {
    }

    /** An inspector recorded a site inspection. */
    @Revision("1")
    record InspectionRecorded(
            String applicationId,
            String commandId,
            String inspectorSubject,
            String inspectedOn,
            BuildingEnvelope measured,
            String findings,
            List<EnvelopeDeviation> deviations,
            boolean flagged) implements PermitApplicationEvent {
    }

    /** The completion certificate (پایان کار) was issued. */
    @Revision("1")
    record CompletionCertificateIssued(
            String applicationId,
            String commandId,
            String certificateNumber,
            String permitNumber,
            String issuedOn,
            BuildingEnvelope asBuilt) implements PermitApplicationEvent {
    }

    /** The building was referred to the violations commission (کمیسیون ماده ۱۰۰) for the deviations that remain. */
    @Revision("1")
    record ReferredToViolationsCommission(
            String applicationId,
            String commandId,
            String permitNumber,
            String referredOn,
            List<EnvelopeDeviation> deviations,
            String note) implements PermitApplicationEvent {
    }

    /** The applicant withdrew the application before issue. */
    @Revision("1")
    record PermitApplicationWithdrawn(
            String applicationId,
            String commandId,
            String stage,
            String withdrawnOn,
            String reason) implements PermitApplicationEvent {
    }

    /** The applicant objected to the rejection. */
    @Revision("1")
    record ObjectionFiled(
            String applicationId,
            String commandId,
            String filedOn,
            String grounds) implements PermitApplicationEvent {
    }

    /** The objection was upheld by a clerk other than the one who rejected: back to review. */
    @Revision("1")
    record ObjectionUpheld(
            String applicationId,
            String commandId,
            String deciderSubject,
            String deciderRole,
            String reason) implements PermitApplicationEvent {
    }

    /** The objection was dismissed: the rejection is final. */
    @Revision("1")
    record ObjectionDismissed(
            String applicationId,
            String commandId,
            String deciderSubject,
            String deciderRole,
            String reason) implements PermitApplicationEvent {
    }

    /**
     * The application expired because its applicant did not act in time.
     *
     * @param reason {@code PAYMENT_NOT_RECEIVED} or {@code NOT_RESUBMITTED}
     * @param dueOn  the last day that was allowed
     */
    @Revision("1")
    record ApplicationExpired(
            String applicationId,
            String commandId,
            String stage,
            String reason,
            String dueOn) implements PermitApplicationEvent {
    }
}
