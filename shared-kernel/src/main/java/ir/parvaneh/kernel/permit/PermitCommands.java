package ir.parvaneh.kernel.permit;

import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.permit.PermitValues.BuildingEnvelope;
import ir.parvaneh.kernel.permit.PermitValues.Discretion;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/**
 * Commands on a {@code PermitApplication}. Every command carries a {@code commandId} chosen by the client: the
 * same id sent again is a no-op (no new event, no error), so a client may retry after a timeout. Decisions carry
 * the application's version the decider saw ({@code expectedVersion}, the sequence number of its last event):
 * if anything happened since, the decision is refused as a conflict and the decider looks again.
 * The acting user travels in the metadata, as with every command.
 */
public final class PermitCommands {

    private PermitCommands() {
    }

    /**
     * The owner (a citizen) applies for a building permit on a parcel. The command carries the zoning assessment
     * as recorded in the event store: it must be valid today (Asia/Tehran), of the same municipality and parcel,
     * and for the proposal's use. The automatic compliance check runs at once; if it passes, the fees are assessed.
     * An engineer may submit for the owner named by {@code ownerNationalCode} when the owner's active consent covers
     * this parcel and {@code SUBMIT}; the owner is then the applicant.
     *
     * @param ownerNationalCode {@code null} when the owner submits themself
     */
    public record SubmitPermitApplication(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            MunicipalityId municipalityId,
            String municipalitySlug,
            String plate,
            ZoningAssessmentIssued assessment,
            ProposedBuilding building,
            DocumentReference ownershipDocument,
            List<DocumentReference> documents,
            String ownerNationalCode) {

        /** The owner's own submission. */
        public SubmitPermitApplication(PermitApplicationId applicationId, String commandId, MunicipalityId municipalityId,
                                       String municipalitySlug, String plate, ZoningAssessmentIssued assessment,
                                       ProposedBuilding building, DocumentReference ownershipDocument,
                                       List<DocumentReference> documents) {
            this(applicationId, commandId, municipalityId, municipalitySlug, plate, assessment, building,
                    ownershipDocument, documents, null);
        }
    }

    /**
     * The applicant resubmits a corrected proposal (after the check failed, the reviewer asked for changes, or the
     * fees could not be determined), with the same or a newer assessment of the parcel. The check runs again.
     */
    public record ResubmitPermitApplication(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            ZoningAssessmentIssued assessment,
            ProposedBuilding building,
            List<DocumentReference> documents) {
    }

    /**
     * The payment gateway's adapter confirms a payment it verified (a signed callback). Only the platform sends it.
     * The same gateway reference again is a no-op; the amount must be the amount due.
     *
     * @param paidAt the gateway's instant of payment, ISO-8601 UTC
     */
    public record ConfirmPayment(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            String gatewayReference,
            long amountRials,
            String paidAt) {
    }

    /**
     * The assignment policy (the platform; never a person) gives a paid application to a reviewer: a CLERK of the
     * application's municipality, with the day the review is due.
     */
    public record AssignReviewer(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            String reviewerSubject,
            String reviewerName,
            String reviewerRole,
            String reviewerMunicipality,
            String reviewDueOn) {
    }

    /**
     * The assigned reviewer approves. An approval that departs from the automatic result (a rule that could not be
     * checked) needs {@code discretion} and becomes a proposal for a second approver.
     */
    public record ApproveApplication(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            @TargetAggregateVersion Long expectedVersion,
            Discretion discretion) {
    }

    /** The assigned reviewer returns the application to the applicant, citing the rules or outputs at fault. */
    public record RequestChanges(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            @TargetAggregateVersion Long expectedVersion,
            List<String> citedRules,
            String note) {
    }

    /**
     * The assigned reviewer rejects, citing the legal basis. Rejecting an application whose check passed departs
     * from the automatic result: it becomes a proposal for a second approver.
     */
    public record RejectApplication(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            @TargetAggregateVersion Long expectedVersion,
            Discretion discretion) {
    }

    /**
     * A clerk of the municipality proposes to waive one fee line before payment (a discretionary decision).
     *
     * @param floorLevel the line's floor for a fee charged per floor, else {@code null}
     */
    public record ProposeFeeWaiver(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            @TargetAggregateVersion Long expectedVersion,
            String feeType,
            Integer floorLevel,
            Discretion discretion) {
    }

    /** A second staff member of the municipality (not the proposer) confirms the pending discretionary decision. */
    public record ConfirmDiscretionaryDecision(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** A second staff member of the municipality (not the proposer) declines it, with the reason. */
    public record DeclineDiscretionaryDecision(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            @TargetAggregateVersion Long expectedVersion,
            String reason) {
    }

    /**
     * A clerk of the municipality (or the platform) issues the permit of an approved application.
     *
     * @param permitNumber              {@code <municipality-slug>-<Jalali year>-<6 digits>}, e.g. {@code qazvin-1405-000123};
     *                                  allocated unique per municipality by the caller
     * @param conditions                the permit's conditions, in Persian
     * @param supervisingEngineerSubject the supervising engineer (مهندس ناظر) who will report the stages
     * @param supervisingEngineerLicence their licence number; when given, only an engineer acting under it reports
     */
    public record IssuePermit(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            String permitNumber,
            List<String> conditions,
            String supervisingEngineerSubject,
            String supervisingEngineerName,
            String supervisingEngineerLicence) {

        public IssuePermit(PermitApplicationId applicationId, String commandId, String permitNumber, List<String> conditions,
                           String supervisingEngineerSubject, String supervisingEngineerName) {
            this(applicationId, commandId, permitNumber, conditions, supervisingEngineerSubject, supervisingEngineerName, null);
        }
    }

    /** The supervising engineer reports a construction stage with the envelope measured on site. */
    public record ReportConstructionStage(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            ConstructionStage stage,
            BuildingEnvelope measured,
            String note) {
    }

    /** An inspector of the municipality records a site inspection with the envelope measured. */
    public record RecordInspection(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            BuildingEnvelope measured,
            String findings) {
    }

    /** A clerk issues the completion certificate (پایان کار): finishing reported, inspected, no deviation left. */
    public record IssueCompletionCertificate(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            String certificateNumber) {
    }

    /** A clerk refers a building whose last measurement deviates from its permit to the violations commission. */
    public record ReferToViolationsCommission(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            String note) {
    }

    /** The applicant withdraws the application; allowed at any point before the permit is issued. */
    public record WithdrawPermitApplication(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            String reason) {
    }

    /** The applicant objects to a rejection, once, stating the grounds. */
    public record FileObjection(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            String grounds) {
    }

    /**
     * A clerk of the municipality other than the one who rejected decides the objection. Upheld, the rejection is
     * set aside and the application goes back to review (to a reviewer other than the one who rejected);
     * dismissed, the rejection is final.
     */
    public record DecideObjection(
            @TargetAggregateIdentifier PermitApplicationId applicationId,
            String commandId,
            @TargetAggregateVersion Long expectedVersion,
            boolean upheld,
            String reason) {
    }
}
