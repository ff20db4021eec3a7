package ir.parvaneh.command.permit.write;

import ir.parvaneh.command.consent.lookup.RepresentationConsents;
import ir.parvaneh.command.consent.lookup.RepresentationConsents.ActiveConsent;
import ir.parvaneh.command.rulebook.engine.CompiledRulebook;
import ir.parvaneh.command.rulebook.store.CompiledRulebooks;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.consent.ConsentAct;
import ir.parvaneh.kernel.consent.Representation;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.gis.Plate;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.ConstructionStage;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationExpired;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationReturnedForCorrection;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ChangesRequested;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.CompletionCertificateIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ComplianceChecked;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ConstructionStageReported;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionDeclined;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionProposed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeAssessmentHeld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeLineWaived;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.InspectionRecorded;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.IssueDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionDismissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionFiled;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ObjectionUpheld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PaymentConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationResubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationWithdrawn;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReferredToViolationsCommission;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.kernel.permit.PermitCommands.ApproveApplication;
import ir.parvaneh.kernel.permit.PermitCommands.AssignReviewer;
import ir.parvaneh.kernel.permit.PermitCommands.ConfirmDiscretionaryDecision;
import ir.parvaneh.kernel.permit.PermitCommands.ConfirmPayment;
import ir.parvaneh.kernel.permit.PermitCommands.DecideObjection;
import ir.parvaneh.kernel.permit.PermitCommands.DeclineDiscretionaryDecision;
import ir.parvaneh.kernel.permit.PermitCommands.FileObjection;
import ir.parvaneh.kernel.permit.PermitCommands.IssueCompletionCertificate;
import ir.parvaneh.kernel.permit.PermitCommands.IssuePermit;
import ir.parvaneh.kernel.permit.PermitCommands.ProposeFeeWaiver;
import ir.parvaneh.kernel.permit.PermitCommands.RecordInspection;
import ir.parvaneh.kernel.permit.PermitCommands.ReferToViolationsCommission;
import ir.parvaneh.kernel.permit.PermitCommands.RejectApplication;
import ir.parvaneh.kernel.permit.PermitCommands.ReportConstructionStage;
import ir.parvaneh.kernel.permit.PermitCommands.RequestChanges;
import ir.parvaneh.kernel.permit.PermitCommands.ResubmitPermitApplication;
import ir.parvaneh.kernel.permit.PermitCommands.SubmitPermitApplication;
import ir.parvaneh.kernel.permit.PermitCommands.WithdrawPermitApplication;
import ir.parvaneh.kernel.permit.PermitStage;
import ir.parvaneh.kernel.permit.PermitValues.AssessmentReference;
import ir.parvaneh.kernel.permit.PermitValues.BuildingEnvelope;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceStatus;
import ir.parvaneh.kernel.permit.PermitValues.Discretion;
import ir.parvaneh.kernel.permit.PermitValues.EnvelopeDeviation;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.rulebook.FeeBasis;
import ir.parvaneh.kernel.rulebook.FeeLine;
import ir.parvaneh.kernel.rulebook.FeeOutcome;
import ir.parvaneh.kernel.time.IranTime;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ir.parvaneh.command.permit.write.PermitTerms.CORRECTION_DAYS;
import static ir.parvaneh.command.permit.write.PermitTerms.CORRECTION_DUE;
import static ir.parvaneh.command.permit.write.PermitTerms.ISSUE_DAYS;
import static ir.parvaneh.command.permit.write.PermitTerms.ISSUE_DUE;
import static ir.parvaneh.command.permit.write.PermitTerms.PAYMENT_DAYS;
import static ir.parvaneh.command.permit.write.PermitTerms.PAYMENT_DUE;
import static ir.parvaneh.command.permit.write.PermitTerms.REVIEW_DUE;
import static ir.parvaneh.command.permit.write.PermitTerms.endOf;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A building-permit application (درخواست پروانه ساختمانی), from the citizen's online submission to the completion
 * certificate (پایان کار). Every step is an event; the automatic steps (the compliance check against the zoning
 * assessment, the fees from the assessment's rulebook) run inside the command that causes them, and every human
 * decision names who took it. A command the current stage does not allow is refused with
 * {@code PERMIT_TRANSITION_NOT_ALLOWED} and changes nothing; a command whose {@code commandId} was seen recently is a
 * no-op; waits end in deadlines ({@link PermitTerms}) that record what was missed.
 */
@Aggregate
public class PermitApplication {

    static final String APPROVE = "APPROVE";
    static final String REJECT = "REJECT";
    static final String WAIVE_FEE = "WAIVE_FEE";
    static final String PAYMENT_NOT_RECEIVED = "PAYMENT_NOT_RECEIVED";
    static final String NOT_RESUBMITTED = "NOT_RESUBMITTED";
    private static final Pattern PERMIT_NUMBER = Pattern.compile("(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)-(?<year>1[34][0-9]{2})-[0-9]{6}");

    @AggregateIdentifier
    private String id;
    private String municipalityId;
    private String municipalitySlug;
    private String plate;
    private String applicantSubject;
    private String applicantNationalCode;
    private PermitStage stage;
    private int round;
    private AssessmentReference assessment;
    private ProposedBuilding building;
    private String checkResult;
    private List<ComplianceResult> checkRules = List.of();
    private List<FeeLine> feeLines = List.of();
    private final Set<String> waivedLines = new HashSet<>();
    private long paidRials;
    private long dueRials;
    private String payBy;
    private String correctBy;
    private final Set<String> paymentReferences = new HashSet<>();
    private String reviewerSubject;
    private String reviewDueOn;
    private Pending pending;
    private String rejectedBy;
    private String rejectionConfirmedBy;
    private final Set<String> excludedReviewers = new HashSet<>();
    private boolean objectionDecided;
    private String approvedOn;
    private String issueBy;
    private String permitNumber;
    private BuildingEnvelope envelope;
    private String supervisingEngineer;
    private String supervisingEngineerLicence;
    private ConstructionStage lastStage;
    private boolean inspectedSinceFinishing;
    private BuildingEnvelope lastMeasured;
    private List<EnvelopeDeviation> lastDeviations = List.of();
    private final LinkedHashSet<String> seenCommandIds = new LinkedHashSet<>();

    /** A discretionary decision waiting for its second approver, and the stage to return to if declined. */
    private record Pending(String kind, String proposerSubject, String proposerRole, String legalBasisCode,
                          String justification, String feeType, Integer feeFloorLevel, long waivedRials,
                          PermitStage returnTo) {
    }

    protected PermitApplication() {
        // for Axon
    }

    // ================================================================ submission and the automatic steps

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SubmitPermitApplication command, Actor actor, Clock clock, CompiledRulebooks rulebooks,
                DeadlineManager deadlines, RepresentationConsents consents) {
        requireCommandId(command.commandId());
        if (id != null) {
            if (seenCommandIds.contains(command.commandId())) {
                return;
            }
            throw new DomainException(ErrorCode.PERMIT_APPLICATION_ALREADY_SUBMITTED, command.applicationId()
                    + " was submitted before").with("applicationId", command.applicationId().toString());
        }
        if (actor.role() != Role.CITIZEN && actor.role() != Role.ENGINEER) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "Only the owner, as a citizen, or an engineer with the "
                    + "owner's consent applies for a permit; the actor acts as " + actor.role()).with("role", actor.role().name());
        }
        if (command.municipalityId() == null || SubmissionRules.blank(command.municipalitySlug())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "An application names its municipality")
                    .with("field", "municipalityId");
        }
        // An engineer submits for the owner, who becomes the applicant: on the authority of the owner's consent.
        ActiveConsent consent = null;
        if (actor.role() == Role.ENGINEER) {
            if (SubmissionRules.blank(command.ownerNationalCode())) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "An engineer names the owner they submit for")
                        .with("field", "ownerNationalCode");
            }
            consent = requireConsent(actor, consents, command.ownerNationalCode().strip(), command.municipalitySlug(),
                    Plate.normalize(command.plate()), command.applicationId().toString(), ConsentAct.SUBMIT);
        }
        SubmissionRules.verifyProposal(command.building());
        LocalDate today = IranTime.today(clock);
        AssessmentReference reference = SubmissionRules.verifyAssessment(command.assessment(),
                command.municipalityId().toString(), command.municipalitySlug(), command.plate(), command.building().use(), today);
        SubmissionRules.verifyDocuments(command.ownershipDocument(), command.documents(), true);
        apply(new PermitApplicationSubmitted(command.applicationId().toString(), command.commandId(),
                command.municipalityId().toString(), command.municipalitySlug(), Plate.normalize(command.plate()),
                consent == null ? actor.subject() : consent.ownerSubject(),
                consent == null ? actor.displayName() : consent.ownerName(),
                consent == null ? actor.nationalCode() : consent.ownerNationalCode(), today.toString(), reference,
                command.building(), command.ownershipDocument(), List.copyOf(command.documents())), authority(consent));
        checkAndAssessFees(command.commandId(), command.assessment(), today, rulebooks, deadlines);
    }

    @CommandHandler
    void handle(ResubmitPermitApplication command, Actor actor, Clock clock, CompiledRulebooks rulebooks,
                DeadlineManager deadlines, RepresentationConsents consents) {
        if (repeated(command.commandId())) {
            return;
        }
        ActiveConsent consent = actor.role() == Role.ENGINEER
                ? requireConsent(actor, consents, applicantNationalCode, municipalitySlug, plate, id, ConsentAct.RESUBMIT)
                : null;
        if (consent == null) {
            requireApplicant(actor);
        }
        requireStage("ResubmitPermitApplication", PermitStage.RETURNED_FOR_CORRECTION, PermitStage.FEES_UNDETERMINED);
        SubmissionRules.verifyProposal(command.building());
        LocalDate today = IranTime.today(clock);
        AssessmentReference reference = SubmissionRules.verifyAssessment(command.assessment(), municipalityId,
                municipalitySlug, plate, command.building().use(), today);
        SubmissionRules.verifyDocuments(null, command.documents(), false);
        deadlines.cancelAllWithinScope(CORRECTION_DUE);
        apply(new PermitApplicationResubmitted(id, command.commandId(), round + 1, today.toString(), reference,
                command.building(), List.copyOf(command.documents())), authority(consent));
        checkAndAssessFees(command.commandId(), command.assessment(), today, rulebooks, deadlines);
    }

    /** The compliance check, then the fees if nothing failed; each outcome with its wait. */
    private void checkAndAssessFees(String commandId, ZoningAssessmentIssued issued, LocalDate today,
                                    CompiledRulebooks rulebooks, DeadlineManager deadlines) {
        ComplianceCheck.Report report = ComplianceCheck.of(building, issued.outcome());
        apply(new ComplianceChecked(id, commandId, round, issued.assessmentId(), issued.rulebookVersion(),
                issued.rulebookSha256(), report.result(), report.rules()));
        if (ComplianceStatus.FAILED.equals(report.result())) {
            LocalDate last = today.plusDays(CORRECTION_DAYS);
            apply(new ApplicationReturnedForCorrection(id, commandId, round, report.violated(), last.toString()));
            deadlines.schedule(endOf(last), CORRECTION_DUE, last.toString());
            return;
        }
        CompiledRulebook rulebook = rulebooks.bySha256(issued.rulebookSha256());
        FeeOutcome fees = rulebook.fees(feeBasis(building, issued.facts()));
        if (!fees.complete()) {
            LocalDate last = today.plusDays(CORRECTION_DAYS);
            List<String> reasons = fees.lines().stream().filter(l -> !l.determined())
                    .map(l -> l.type() + (l.floorLevel() == null ? "" : "@" + l.floorLevel()) + ": " + l.reason()).toList();
            apply(new FeeAssessmentHeld(id, commandId, fees.rulebookVersion(), fees.rulebookSha256(), fees.lines(), reasons,
                    last.toString()));
            deadlines.schedule(endOf(last), CORRECTION_DUE, last.toString());
            return;
        }
        long due = Math.max(0, fees.totalRials() - paidRials);
        LocalDate last = today.plusDays(PAYMENT_DAYS);
        apply(new FeesAssessed(id, commandId, fees.rulebookVersion(), fees.rulebookSha256(), fees.lines(), fees.totalRials(),
                paidRials, due, due > 0 ? last.toString() : null));
        if (due > 0) {
            deadlines.schedule(endOf(last), PAYMENT_DUE, last.toString());
        }
    }

    /** The proposal as the rulebook's fees read it, with the parcel's regional price P and main frontage. */
    static FeeBasis feeBasis(ProposedBuilding building, ParcelFacts facts) {
        List<FeeBasis.Floor> floors = building.floors().stream()
                .map(f -> new FeeBasis.Floor(f.level(), f.kind(), f.use(), f.grossAreaM2())).toList();
        return new FeeBasis(building.use(), building.totalFloorAreaM2().doubleValue(), floors, building.parkingSpaces(),
                building.units(), facts == null ? null : facts.mainFrontageLengthM(), building.commercialStoreyHeightM(),
                facts == null ? null : facts.priceRialsPerM2());
    }

    // ================================================================ payment

    @CommandHandler
    void handle(ConfirmPayment command, Actor actor, DeadlineManager deadlines) {
        if (repeated(command.commandId()) || paymentReferences.contains(command.gatewayReference())) {
            return;
        }
        if (actor.role() != Role.SYSTEM) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "Only the payment gateway's adapter confirms payments")
                    .with("role", actor.role().name());
        }
        if (SubmissionRules.blank(command.gatewayReference())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "A payment needs the gateway's reference")
                    .with("field", "gatewayReference");
        }
        if (stage != PermitStage.AWAITING_PAYMENT) {
            throw new DomainException(ErrorCode.PERMIT_PAYMENT_NOT_DUE, "No payment is due while the application is "
                    + stage).with("stage", stage.name());
        }
        requireNoPendingDecision();
        if (command.amountRials() != dueRials) {
            throw new DomainException(ErrorCode.PERMIT_PAYMENT_AMOUNT_MISMATCH, command.amountRials()
                    + " Rials were paid; " + dueRials + " are due").with("dueRials", dueRials);
        }
        deadlines.cancelAllWithinScope(PAYMENT_DUE);
        apply(new PaymentConfirmed(id, command.commandId(), command.gatewayReference(), command.amountRials(),
                command.paidAt()));
    }

    // ================================================================ review

    @CommandHandler
    void handle(AssignReviewer command, Actor actor, Clock clock, DeadlineManager deadlines) {
        if (repeated(command.commandId())) {
            return;
        }
        if (actor.role() != Role.SYSTEM) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "Reviewers are assigned by the assignment policy, "
                    + "never chosen by a person").with("role", actor.role().name());
        }
        requireStage("AssignReviewer", PermitStage.AWAITING_REVIEW);
        if (!Role.CLERK.name().equals(command.reviewerRole()) || !municipalitySlug.equals(command.reviewerMunicipality())) {
            throw new DomainException(ErrorCode.PERMIT_REVIEWER_NOT_ELIGIBLE, "A reviewer is a CLERK of " + municipalitySlug
                    + ", not a " + command.reviewerRole() + " of " + command.reviewerMunicipality())
                    .with("reviewerSubject", String.valueOf(command.reviewerSubject()));
        }
        if (SubmissionRules.blank(command.reviewerSubject()) || command.reviewerSubject().equals(applicantSubject)
                || excludedReviewers.contains(command.reviewerSubject())) {
            throw new DomainException(ErrorCode.PERMIT_REVIEWER_NOT_ELIGIBLE, "The reviewer is the applicant or rejected "
                    + "this application before").with("reviewerSubject", String.valueOf(command.reviewerSubject()));
        }
        LocalDate due = day(command.reviewDueOn(), "reviewDueOn");
        if (due.isBefore(IranTime.today(clock))) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "A review cannot be due in the past")
                    .with("field", "reviewDueOn");
        }
        apply(new ReviewerAssigned(id, command.commandId(), command.reviewerSubject(), command.reviewerName(),
                municipalitySlug, due.toString()));
        deadlines.schedule(endOf(due), REVIEW_DUE, due.toString());
    }

    @CommandHandler
    void handle(ApproveApplication command, Actor actor, Clock clock, DeadlineManager deadlines, ConflictResolver conflicts) {
        if (repeatedDecision(command.commandId(), command.expectedVersion(), conflicts)) {
            return;
        }
        requireStage("ApproveApplication", PermitStage.IN_REVIEW);
        requireAssignedReviewer(actor);
        List<String> departures = checkRules.stream().filter(r -> !r.passed()).map(ComplianceResult::rule).toList();
        deadlines.cancelAllWithinScope(REVIEW_DUE);
        if (departures.isEmpty()) {
            approve(command.commandId(), actor.subject(), actor.role().name(), false, null, null, IranTime.today(clock),
                    deadlines);
            return;
        }
        Discretion discretion = requireDiscretion(command.discretion(), "approving with rules that could not be checked: "
                + departures);
        apply(new DiscretionaryDecisionProposed(id, command.commandId(), APPROVE, actor.subject(), actor.role().name(),
                discretion.legalBasisCode(), discretion.justification(), departures, null, null, 0));
    }

    @CommandHandler
    void handle(RejectApplication command, Actor actor, Clock clock, DeadlineManager deadlines, ConflictResolver conflicts) {
        if (repeatedDecision(command.commandId(), command.expectedVersion(), conflicts)) {
            return;
        }
        requireStage("RejectApplication", PermitStage.IN_REVIEW);
        requireAssignedReviewer(actor);
        Discretion discretion = requireDiscretion(command.discretion(), "a rejection cites its legal basis");
        deadlines.cancelAllWithinScope(REVIEW_DUE);
        if (ComplianceStatus.PASSED.equals(checkResult)) {
            apply(new DiscretionaryDecisionProposed(id, command.commandId(), REJECT, actor.subject(), actor.role().name(),
                    discretion.legalBasisCode(), discretion.justification(),
                    checkRules.stream().map(ComplianceResult::rule).toList(), null, null, 0));
            return;
        }
        apply(new ApplicationRejected(id, command.commandId(), actor.subject(), actor.role().name(), false,
                discretion.legalBasisCode(), discretion.justification(), null, IranTime.today(clock).toString()));
    }

    @CommandHandler
    void handle(RequestChanges command, Actor actor, Clock clock, CompiledRulebooks rulebooks, DeadlineManager deadlines,
                ConflictResolver conflicts) {
        if (repeatedDecision(command.commandId(), command.expectedVersion(), conflicts)) {
            return;
        }
        requireStage("RequestChanges", PermitStage.IN_REVIEW);
        requireAssignedReviewer(actor);
        if (command.citedRules() == null || command.citedRules().isEmpty()) {
            throw new DomainException(ErrorCode.PERMIT_RULE_CITATION_INVALID, "A request for changes cites the rules at fault")
                    .with("field", "citedRules");
        }
        Set<String> known = new HashSet<>(ComplianceCheck.RULES);
        known.addAll(rulebooks.bySha256(assessment.rulebookSha256()).outputNames());
        for (String cited : command.citedRules()) {
            if (!known.contains(cited)) {
                throw new DomainException(ErrorCode.PERMIT_RULE_CITATION_INVALID, "'" + cited + "' is neither a rule of the "
                        + "compliance check nor an output of rulebook " + assessment.rulebookVersion())
                        .with("rule", String.valueOf(cited));
            }
        }
        LocalDate last = IranTime.today(clock).plusDays(CORRECTION_DAYS);
        deadlines.cancelAllWithinScope(REVIEW_DUE);
        apply(new ChangesRequested(id, command.commandId(), actor.subject(), actor.role().name(),
                List.copyOf(command.citedRules()), command.note(), last.toString()));
        deadlines.schedule(endOf(last), CORRECTION_DUE, last.toString());
    }

    // ================================================================ discretionary decisions

    @CommandHandler
    void handle(ProposeFeeWaiver command, Actor actor, ConflictResolver conflicts) {
        if (repeatedDecision(command.commandId(), command.expectedVersion(), conflicts)) {
            return;
        }
        requireStage("ProposeFeeWaiver", PermitStage.AWAITING_PAYMENT);
        requireStaff(actor, ErrorCode.FORBIDDEN_ROLE);
        requireNoPendingDecision();
        Discretion discretion = requireDiscretion(command.discretion(), "a fee waiver is a discretionary decision");
        if (SubmissionRules.blank(command.feeType())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "A fee waiver names the fee line it waives")
                    .with("field", "feeType");
        }
        String key = lineKey(command.feeType(), command.floorLevel());
        FeeLine line = feeLines.stream().filter(l -> lineKey(l.type(), l.floorLevel()).equals(key)).findFirst()
                .filter(l -> !waivedLines.contains(key))
                .orElseThrow(() -> new DomainException(ErrorCode.PERMIT_FEE_LINE_UNKNOWN, "No fee line " + key
                        + " is due on this application").with("feeLine", key));
        apply(new DiscretionaryDecisionProposed(id, command.commandId(), WAIVE_FEE, actor.subject(), actor.role().name(),
                discretion.legalBasisCode(), discretion.justification(), List.of(key), line.type(), line.floorLevel(),
                line.amountRials()));
    }

    @CommandHandler
    void handle(ConfirmDiscretionaryDecision command, Actor actor, Clock clock, DeadlineManager deadlines,
                ConflictResolver conflicts) {
        if (repeatedDecision(command.commandId(), command.expectedVersion(), conflicts)) {
            return;
        }
        Pending decision = requirePending("ConfirmDiscretionaryDecision");
        requireSecondApprover(actor, decision);
        apply(new DiscretionaryDecisionConfirmed(id, command.commandId(), decision.kind(), decision.proposerSubject(),
                actor.subject(), actor.role().name()));
        LocalDate today = IranTime.today(clock);
        switch (decision.kind()) {
            case APPROVE -> approve(command.commandId(), decision.proposerSubject(), decision.proposerRole(), true,
                    decision.legalBasisCode(), actor.subject(), today, deadlines);
            case REJECT -> apply(new ApplicationRejected(id, command.commandId(), decision.proposerSubject(),
                    decision.proposerRole(), true, decision.legalBasisCode(), decision.justification(), actor.subject(),
                    today.toString()));
            default -> {
                long due = dueRials - decision.waivedRials();
                apply(new FeeLineWaived(id, command.commandId(), decision.feeType(), decision.feeFloorLevel(),
                        decision.waivedRials(), due));
                if (due == 0) {
                    deadlines.cancelAllWithinScope(PAYMENT_DUE);
                }
            }
        }
    }

    @CommandHandler
    void handle(DeclineDiscretionaryDecision command, Actor actor, Clock clock, DeadlineManager deadlines,
                ConflictResolver conflicts) {
        if (repeatedDecision(command.commandId(), command.expectedVersion(), conflicts)) {
            return;
        }
        Pending decision = requirePending("DeclineDiscretionaryDecision");
        requireSecondApprover(actor, decision);
        if (SubmissionRules.blank(command.reason())) {
            throw new DomainException(ErrorCode.REASON_REQUIRED, "Declining a discretionary decision states why")
                    .with("field", "reason");
        }
        apply(new DiscretionaryDecisionDeclined(id, command.commandId(), decision.kind(), decision.proposerSubject(),
                actor.subject(), actor.role().name(), command.reason()));
        // Back with the reviewer: the review's own due day still stands if it has not passed.
        if (decision.returnTo() == PermitStage.IN_REVIEW && !LocalDate.parse(reviewDueOn).isBefore(IranTime.today(clock))) {
            deadlines.schedule(endOf(LocalDate.parse(reviewDueOn)), REVIEW_DUE, reviewDueOn);
        }
    }

    private void approve(String commandId, String decider, String deciderRole, boolean discretionary, String legalBasis,
                         String secondApprover, LocalDate today, DeadlineManager deadlines) {
        LocalDate last = today.plusDays(ISSUE_DAYS);
        apply(new ApplicationApproved(id, commandId, decider, deciderRole, discretionary, legalBasis, secondApprover,
                today.toString(), last.toString()));
        deadlines.schedule(endOf(last), ISSUE_DUE, last.toString());
    }

    // ================================================================ permit and construction

    @CommandHandler
    void handle(IssuePermit command, Actor actor, Clock clock, DeadlineManager deadlines) {
        if (repeated(command.commandId())) {
            return;
        }
        requireStage("IssuePermit", PermitStage.APPROVED);
        if (actor.role() != Role.SYSTEM) {
            requireClerk(actor);
        }
        Matcher number = PERMIT_NUMBER.matcher(command.permitNumber() == null ? "" : command.permitNumber());
        if (!number.matches() || !number.group("slug").equals(municipalitySlug)) {
            throw new DomainException(ErrorCode.PERMIT_NUMBER_INVALID, "'" + command.permitNumber() + "' is not a permit "
                    + "number of " + municipalitySlug + " such as " + municipalitySlug + "-1405-000123")
                    .with("permitNumber", String.valueOf(command.permitNumber()));
        }
        if (SubmissionRules.blank(command.supervisingEngineerSubject())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "A permit names its supervising engineer")
                    .with("field", "supervisingEngineerSubject");
        }
        LocalDate today = IranTime.today(clock);
        deadlines.cancelAllWithinScope(ISSUE_DUE);
        apply(new PermitIssued(id, command.commandId(), command.permitNumber(), municipalitySlug, plate, today.toString(),
                today.plusYears(PermitTerms.PERMIT_VALIDITY_YEARS).minusDays(1).toString(),
                command.conditions() == null ? List.of() : List.copyOf(command.conditions()), building.envelope(),
                command.supervisingEngineerSubject(), command.supervisingEngineerName(),
                SubmissionRules.blank(command.supervisingEngineerLicence()) ? null : command.supervisingEngineerLicence().strip()));
    }

    @CommandHandler
    void handle(ReportConstructionStage command, Actor actor, Clock clock) {
        if (repeated(command.commandId())) {
            return;
        }
        requireStage("ReportConstructionStage", PermitStage.ISSUED);
        // Only the engineer named on the permit, in their own name: no owner's consent makes another engineer the
        // supervisor, and when the permit records the licence, the reporter must act under that very licence.
        if (actor.role() != Role.ENGINEER || !actor.subject().equals(supervisingEngineer)
                || supervisingEngineerLicence != null && !supervisingEngineerLicence.equals(actor.licenceNumber())) {
            throw new DomainException(ErrorCode.PERMIT_NOT_SUPERVISING_ENGINEER, actor.subject() + " is not the "
                    + "supervising engineer of permit " + permitNumber);
        }
        ConstructionStage expected = lastStage == null ? ConstructionStage.FOUNDATION
                : lastStage == ConstructionStage.FINISHING ? null : ConstructionStage.values()[lastStage.ordinal() + 1];
        if (command.stage() == null || command.stage() != expected) {
            throw new DomainException(ErrorCode.PERMIT_STAGE_OUT_OF_ORDER, "Reported " + command.stage() + "; next is "
                    + (expected == null ? "none" : expected)).with("expected", expected == null ? "NONE" : expected.name());
        }
        EnvelopeCheck.verifyMeasured(command.measured());
        List<EnvelopeDeviation> deviations = EnvelopeCheck.deviations(envelope, command.measured());
        apply(new ConstructionStageReported(id, command.commandId(), command.stage().name(), actor.subject(),
                IranTime.today(clock).toString(), command.measured(), command.note(), deviations, !deviations.isEmpty()));
    }

    @CommandHandler
    void handle(RecordInspection command, Actor actor, Clock clock) {
        if (repeated(command.commandId())) {
            return;
        }
        requireStage("RecordInspection", PermitStage.ISSUED);
        if (actor.role() != Role.INSPECTOR) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "Only an inspector records inspections")
                    .with("role", actor.role().name());
        }
        requireServes(actor);
        EnvelopeCheck.verifyMeasured(command.measured());
        List<EnvelopeDeviation> deviations = EnvelopeCheck.deviations(envelope, command.measured());
        apply(new InspectionRecorded(id, command.commandId(), actor.subject(), IranTime.today(clock).toString(),
                command.measured(), command.findings(), deviations, !deviations.isEmpty()));
    }

    @CommandHandler
    void handle(IssueCompletionCertificate command, Actor actor, Clock clock) {
        if (repeated(command.commandId())) {
            return;
        }
        requireStage("IssueCompletionCertificate", PermitStage.ISSUED);
        requireClerk(actor);
        if (lastStage != ConstructionStage.FINISHING || !inspectedSinceFinishing) {
            throw new DomainException(ErrorCode.PERMIT_COMPLETION_NOT_READY, "A completion certificate needs the finishing "
                    + "stage reported and an inspection after it");
        }
        if (!lastDeviations.isEmpty()) {
            throw new DomainException(ErrorCode.PERMIT_DEVIATIONS_REMAIN, "The last measurement deviates: " + lastDeviations)
                    .with("deviations", lastDeviations.size());
        }
        if (SubmissionRules.blank(command.certificateNumber())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "A certificate has a number")
                    .with("field", "certificateNumber");
        }
        apply(new CompletionCertificateIssued(id, command.commandId(), command.certificateNumber(), permitNumber,
                IranTime.today(clock).toString(), lastMeasured));
    }

    @CommandHandler
    void handle(ReferToViolationsCommission command, Actor actor, Clock clock) {
        if (repeated(command.commandId())) {
            return;
        }
        requireStage("ReferToViolationsCommission", PermitStage.ISSUED);
        requireClerk(actor);
        if (lastDeviations.isEmpty()) {
            throw new DomainException(ErrorCode.PERMIT_NO_DEVIATIONS, "The last measurement is within the permit");
        }
        apply(new ReferredToViolationsCommission(id, command.commandId(), permitNumber, IranTime.today(clock).toString(),
                lastDeviations, command.note()));
    }

    // ================================================================ withdrawal, objection

    @CommandHandler
    void handle(WithdrawPermitApplication command, Actor actor, Clock clock, DeadlineManager deadlines) {
        if (repeated(command.commandId())) {
            return;
        }
        requireApplicant(actor);
        if (!stage.withdrawable()) {
            throw notAllowed("WithdrawPermitApplication");
        }
        for (String deadline : List.of(PAYMENT_DUE, CORRECTION_DUE, REVIEW_DUE, ISSUE_DUE)) {
            deadlines.cancelAllWithinScope(deadline);
        }
        apply(new PermitApplicationWithdrawn(id, command.commandId(), stage.name(), IranTime.today(clock).toString(),
                command.reason()));
    }

    @CommandHandler
    void handle(FileObjection command, Actor actor, Clock clock) {
        if (repeated(command.commandId())) {
            return;
        }
        requireApplicant(actor);
        if (stage != PermitStage.REJECTED || objectionDecided) {
            throw notAllowed("FileObjection");
        }
        if (SubmissionRules.blank(command.grounds())) {
            throw new DomainException(ErrorCode.REASON_REQUIRED, "An objection states its grounds").with("field", "grounds");
        }
        apply(new ObjectionFiled(id, command.commandId(), IranTime.today(clock).toString(), command.grounds()));
    }

    @CommandHandler
    void handle(DecideObjection command, Actor actor, ConflictResolver conflicts) {
        if (repeatedDecision(command.commandId(), command.expectedVersion(), conflicts)) {
            return;
        }
        requireStage("DecideObjection", PermitStage.OBJECTION_PENDING);
        requireClerk(actor);
        if (actor.subject().equals(rejectedBy) || actor.subject().equals(rejectionConfirmedBy)) {
            throw new DomainException(ErrorCode.PERMIT_OBJECTION_DECIDER_CONFLICTED, actor.subject()
                    + " took part in rejecting this application and cannot decide the objection to it");
        }
        if (SubmissionRules.blank(command.reason())) {
            throw new DomainException(ErrorCode.REASON_REQUIRED, "An objection's decision states why").with("field", "reason");
        }
        if (command.upheld()) {
            apply(new ObjectionUpheld(id, command.commandId(), actor.subject(), actor.role().name(), command.reason()));
        } else {
            apply(new ObjectionDismissed(id, command.commandId(), actor.subject(), actor.role().name(), command.reason()));
        }
    }

    // ================================================================ deadlines

    @DeadlineHandler(deadlineName = PAYMENT_DUE)
    void paymentDue(String lastDay) {
        if (stage == PermitStage.AWAITING_PAYMENT && lastDay.equals(payBy)) {
            apply(new ApplicationExpired(id, null, stage.name(), PAYMENT_NOT_RECEIVED, lastDay));
        }
    }

    @DeadlineHandler(deadlineName = CORRECTION_DUE)
    void correctionDue(String lastDay) {
        if ((stage == PermitStage.RETURNED_FOR_CORRECTION || stage == PermitStage.FEES_UNDETERMINED)
                && lastDay.equals(correctBy)) {
            apply(new ApplicationExpired(id, null, stage.name(), NOT_RESUBMITTED, lastDay));
        }
    }

    @DeadlineHandler(deadlineName = REVIEW_DUE)
    void reviewDue(String lastDay) {
        if (stage == PermitStage.IN_REVIEW && lastDay.equals(reviewDueOn)) {
            apply(new ReviewDeadlineMissed(id, null, reviewerSubject, lastDay));
        }
    }

    @DeadlineHandler(deadlineName = ISSUE_DUE)
    void issueDue(String lastDay) {
        if (stage == PermitStage.APPROVED && lastDay.equals(issueBy)) {
            apply(new IssueDeadlineMissed(id, null, approvedOn, lastDay));
        }
    }

    // ================================================================ rules on the actor, the stage and retries

    private static void requireCommandId(String commandId) {
        if (SubmissionRules.blank(commandId) || commandId.length() > 100) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Every command carries the client's commandId (at most "
                    + "100 characters)").with("field", "commandId");
        }
    }

    /** Whether the client sent this command before (a retry): then the command does nothing. */
    private boolean repeated(String commandId) {
        requireCommandId(commandId);
        return seenCommandIds.contains(commandId);
    }

    /**
     * Decisions are taken on the version the decider saw. Anything that happened since is a conflict, declared before
     * any rule is judged so that the loser of two simultaneous decisions always learns that the application changed
     * (Axon's {@code ConflictingAggregateVersionException}; the HTTP layer maps it to
     * {@code PERMIT_APPLICATION_CHANGED}, 409). A retried decision carries the version its first attempt saw; the
     * events since are its own, so the retry declares no conflict and does nothing.
     */
    private boolean repeatedDecision(String commandId, Long expectedVersion, ConflictResolver conflicts) {
        if (repeated(commandId)) {
            conflicts.detectConflicts(events -> false);
            return true;
        }
        if (expectedVersion == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "A decision carries the application's version the "
                    + "decider saw").with("field", "expectedVersion");
        }
        conflicts.detectConflicts(events -> !events.isEmpty());
        return false;
    }

    /**
     * The owner's active consent that this engineer do {@code act} on this file, looked up in the consents' register
     * (another aggregate's events, which this one cannot see); refused with {@code REPRESENTATION_CONSENT_REQUIRED}
     * when there is none, so that acting for an owner is never possible without, nor after a withdrawal.
     */
    private static ActiveConsent requireConsent(Actor engineer, RepresentationConsents consents, String ownerNationalCode,
                                                String slug, String plate, String applicationId, ConsentAct act) {
        return consents.covering(engineer.subject(), ownerNationalCode, slug, plate, applicationId, act)
                .orElseThrow(() -> new DomainException(ErrorCode.REPRESENTATION_CONSENT_REQUIRED, engineer.subject()
                        + " has no active consent of the owner to " + act + " on " + slug + " " + plate)
                        .with("act", act.name()));
    }

    /** The authority an event was done on, for auditors: the consent, when an engineer acted for the owner. */
    private static MetaData authority(ActiveConsent consent) {
        return consent == null ? MetaData.emptyInstance() : MetaData.with(Representation.CONSENT_ID, consent.consentId());
    }

    private void requireStage(String command, PermitStage... allowed) {
        if (!EnumSet.of(allowed[0], allowed).contains(stage)) {
            throw notAllowed(command);
        }
    }

    private DomainException notAllowed(String command) {
        return new DomainException(ErrorCode.PERMIT_TRANSITION_NOT_ALLOWED, command + " is not allowed while the "
                + "application is " + stage).with("stage", stage.name()).with("command", command);
    }

    private void requireApplicant(Actor actor) {
        if (actor.role() != Role.CITIZEN || !actor.subject().equals(applicantSubject)) {
            throw new DomainException(ErrorCode.PERMIT_NOT_APPLICANT, actor.subject() + " is not the applicant");
        }
    }

    private void requireServes(Actor actor) {
        if (actor.role().scope() != Role.Scope.MUNICIPAL || !actor.actsFor(municipalitySlug)) {
            throw new DomainException(ErrorCode.FORBIDDEN_MUNICIPALITY, "The actor serves '" + actor.municipality()
                    + "', not '" + municipalitySlug + "'");
        }
    }

    private void requireClerk(Actor actor) {
        if (actor.role() != Role.CLERK) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "Only a clerk of " + municipalitySlug + " may do this")
                    .with("role", actor.role().name());
        }
        requireServes(actor);
    }

    /** Staff who may take or confirm a municipality's discretionary decisions: its clerks and administrators. */
    private void requireStaff(Actor actor, ErrorCode code) {
        if (actor.role() != Role.CLERK && actor.role() != Role.MUNICIPAL_ADMIN) {
            throw new DomainException(code, "Only staff of " + municipalitySlug + " may do this")
                    .with("role", actor.role().name());
        }
        if (!actor.actsFor(municipalitySlug)) {
            throw new DomainException(code == ErrorCode.FORBIDDEN_ROLE ? ErrorCode.FORBIDDEN_MUNICIPALITY : code,
                    "The actor serves '" + actor.municipality() + "', not '" + municipalitySlug + "'")
                    .with("municipality", String.valueOf(actor.municipality()));
        }
    }

    private void requireAssignedReviewer(Actor actor) {
        if (actor.role() != Role.CLERK || !actor.actsFor(municipalitySlug) || !actor.subject().equals(reviewerSubject)) {
            throw new DomainException(ErrorCode.PERMIT_NOT_ASSIGNED_REVIEWER, actor.subject() + " is not the reviewer "
                    + "assigned to this application");
        }
    }

    private void requireSecondApprover(Actor actor, Pending decision) {
        requireStaff(actor, ErrorCode.PERMIT_SECOND_APPROVER_NOT_ELIGIBLE);
        if (actor.subject().equals(decision.proposerSubject()) || actor.subject().equals(applicantSubject)) {
            throw new DomainException(ErrorCode.PERMIT_SECOND_APPROVER_NOT_ELIGIBLE, "The second approver must be another "
                    + "person than the one who proposed the decision").with("proposerSubject", decision.proposerSubject());
        }
    }

    private Pending requirePending(String command) {
        if (pending == null) {
            throw notAllowed(command);
        }
        return pending;
    }

    private void requireNoPendingDecision() {
        if (pending != null) {
            throw new DomainException(ErrorCode.PERMIT_DISCRETION_PENDING, "A " + pending.kind() + " decision awaits its "
                    + "second approval").with("kind", pending.kind());
        }
    }

    private static Discretion requireDiscretion(Discretion discretion, String why) {
        if (discretion == null || SubmissionRules.blank(discretion.legalBasisCode())
                || SubmissionRules.blank(discretion.justification())) {
            throw new DomainException(ErrorCode.PERMIT_DISCRETION_REQUIRED, "A coded legal basis and a written "
                    + "justification are required: " + why).with("field", "discretion");
        }
        return discretion;
    }

    private static LocalDate day(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "'" + text + "' is not an ISO date").with("field", field);
        }
    }

    private static String lineKey(String type, Integer floorLevel) {
        return floorLevel == null ? String.valueOf(type) : type + "@" + floorLevel;
    }

    // ================================================================ state

    private void remember(String commandId) {
        if (commandId == null) {
            return;
        }
        seenCommandIds.add(commandId);
        if (seenCommandIds.size() > PermitTerms.REMEMBERED_COMMAND_IDS) {
            Iterator<String> oldest = seenCommandIds.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    @EventSourcingHandler
    void on(PermitApplicationSubmitted event) {
        remember(event.commandId());
        id = event.applicationId();
        municipalityId = event.municipalityId();
        municipalitySlug = event.municipalitySlug();
        plate = event.plate();
        applicantSubject = event.applicantSubject();
        applicantNationalCode = event.applicantNationalCode();
        assessment = event.assessment();
        building = event.building();
        round = 1;
    }

    @EventSourcingHandler
    void on(PermitApplicationResubmitted event) {
        remember(event.commandId());
        round = event.round();
        assessment = event.assessment();
        building = event.building();
        correctBy = null;
    }

    @EventSourcingHandler
    void on(ComplianceChecked event) {
        remember(event.commandId());
        checkResult = event.result();
        checkRules = event.rules();
    }

    @EventSourcingHandler
    void on(ApplicationReturnedForCorrection event) {
        remember(event.commandId());
        stage = PermitStage.RETURNED_FOR_CORRECTION;
        correctBy = event.correctBy();
    }

    @EventSourcingHandler
    void on(FeeAssessmentHeld event) {
        remember(event.commandId());
        stage = PermitStage.FEES_UNDETERMINED;
        correctBy = event.correctBy();
    }

    @EventSourcingHandler
    void on(FeesAssessed event) {
        remember(event.commandId());
        feeLines = event.lines();
        waivedLines.clear();
        dueRials = event.dueRials();
        payBy = event.payBy();
        stage = event.dueRials() > 0 ? PermitStage.AWAITING_PAYMENT : PermitStage.AWAITING_REVIEW;
    }

    @EventSourcingHandler
    void on(PaymentConfirmed event) {
        remember(event.commandId());
        paymentReferences.add(event.gatewayReference());
        paidRials += event.amountRials();
        dueRials = 0;
        payBy = null;
        stage = PermitStage.AWAITING_REVIEW;
    }

    @EventSourcingHandler
    void on(ReviewerAssigned event) {
        remember(event.commandId());
        reviewerSubject = event.reviewerSubject();
        reviewDueOn = event.reviewDueOn();
        stage = PermitStage.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(ReviewDeadlineMissed event) {
        remember(event.commandId());
    }

    @EventSourcingHandler
    void on(ChangesRequested event) {
        remember(event.commandId());
        stage = PermitStage.RETURNED_FOR_CORRECTION;
        correctBy = event.correctBy();
        reviewerSubject = null;
        reviewDueOn = null;
    }

    @EventSourcingHandler
    void on(DiscretionaryDecisionProposed event) {
        remember(event.commandId());
        pending = new Pending(event.kind(), event.proposerSubject(), event.proposerRole(), event.legalBasisCode(),
                event.justification(), event.feeType(), event.feeFloorLevel(), event.waivedRials(), stage);
        if (!WAIVE_FEE.equals(event.kind())) {
            stage = PermitStage.AWAITING_SECOND_APPROVAL;
        }
    }

    @EventSourcingHandler
    void on(DiscretionaryDecisionConfirmed event) {
        remember(event.commandId());
        pending = null;
    }

    @EventSourcingHandler
    void on(DiscretionaryDecisionDeclined event) {
        remember(event.commandId());
        stage = pending.returnTo();
        pending = null;
    }

    @EventSourcingHandler
    void on(FeeLineWaived event) {
        remember(event.commandId());
        waivedLines.add(lineKey(event.feeType(), event.floorLevel()));
        dueRials = event.dueRials();
        if (dueRials == 0) {
            payBy = null;
            stage = PermitStage.AWAITING_REVIEW;
        }
    }

    @EventSourcingHandler
    void on(ApplicationApproved event) {
        remember(event.commandId());
        stage = PermitStage.APPROVED;
        approvedOn = event.approvedOn();
        issueBy = event.issueBy();
    }

    @EventSourcingHandler
    void on(ApplicationRejected event) {
        remember(event.commandId());
        stage = PermitStage.REJECTED;
        rejectedBy = event.deciderSubject();
        rejectionConfirmedBy = event.secondApproverSubject();
    }

    @EventSourcingHandler
    void on(IssueDeadlineMissed event) {
        remember(event.commandId());
    }

    @EventSourcingHandler
    void on(PermitIssued event) {
        remember(event.commandId());
        stage = PermitStage.ISSUED;
        permitNumber = event.permitNumber();
        envelope = event.envelope();
        supervisingEngineer = event.supervisingEngineerSubject();
        supervisingEngineerLicence = event.supervisingEngineerLicence();
    }

    @EventSourcingHandler
    void on(ConstructionStageReported event) {
        remember(event.commandId());
        lastStage = ConstructionStage.valueOf(event.stage());
        inspectedSinceFinishing = false;
        lastMeasured = event.measured();
        lastDeviations = event.deviations();
    }

    @EventSourcingHandler
    void on(InspectionRecorded event) {
        remember(event.commandId());
        inspectedSinceFinishing = lastStage == ConstructionStage.FINISHING;
        lastMeasured = event.measured();
        lastDeviations = event.deviations();
    }

    @EventSourcingHandler
    void on(CompletionCertificateIssued event) {
        remember(event.commandId());
        stage = PermitStage.COMPLETED;
    }

    @EventSourcingHandler
    void on(ReferredToViolationsCommission event) {
        remember(event.commandId());
        stage = PermitStage.REFERRED_TO_COMMISSION;
    }

    @EventSourcingHandler
    void on(PermitApplicationWithdrawn event) {
        remember(event.commandId());
        stage = PermitStage.WITHDRAWN;
        pending = null;
    }

    @EventSourcingHandler
    void on(ObjectionFiled event) {
        remember(event.commandId());
        stage = PermitStage.OBJECTION_PENDING;
    }

    @EventSourcingHandler
    void on(ObjectionUpheld event) {
        remember(event.commandId());
        objectionDecided = true;
        excludedReviewers.add(rejectedBy);
        reviewerSubject = null;
        reviewDueOn = null;
        stage = PermitStage.AWAITING_REVIEW;
    }

    @EventSourcingHandler
    void on(ObjectionDismissed event) {
        remember(event.commandId());
        objectionDecided = true;
        stage = PermitStage.REJECTED;
    }

    @EventSourcingHandler
    void on(ApplicationExpired event) {
        remember(event.commandId());
        stage = PermitStage.EXPIRED;
    }
}
