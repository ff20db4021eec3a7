package ir.parvaneh.command.permit.api;

import ir.parvaneh.command.assessment.write.AssessmentRecords;
import ir.parvaneh.command.consent.lookup.RepresentationConsents;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.command.permit.documents.CitedDocuments;
import ir.parvaneh.command.permit.api.ApplicationCommands.Receipt;
import ir.parvaneh.command.permit.api.PermitApplicationHistory.History;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.consent.ConsentAct;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitIssued;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitCommands.ApproveApplication;
import ir.parvaneh.kernel.permit.PermitCommands.RejectApplication;
import ir.parvaneh.kernel.permit.PermitCommands.RequestChanges;
import ir.parvaneh.kernel.permit.PermitCommands.ResubmitPermitApplication;
import ir.parvaneh.kernel.permit.PermitCommands.SubmitPermitApplication;
import ir.parvaneh.kernel.permit.PermitCommands.WithdrawPermitApplication;
import ir.parvaneh.kernel.permit.PermitValues.Discretion;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static ir.parvaneh.command.permit.api.ApplicationCommands.IDEMPOTENCY_KEY;
import static ir.parvaneh.command.permit.api.ApplicationCommands.KEY_DESCRIPTION;

/**
 * The building-permit application's command API: the citizen submits, corrects and withdraws; the assigned reviewer
 * decides on the version they read. Each request sends one of the aggregate's commands as the caller, with the
 * caller's {@code Idempotency-Key} as the command id when given, so a retried request does nothing twice; each
 * answers with what the command recorded: a new submission with the events its command appended, the others read
 * back from the event store. The aggregate judges every rule; this layer only gathers the recorded assessment and
 * the caller's identity.
 */
@RestController
@RequestMapping("/api/permit-applications")
@Tag(name = "Permit applications", description = "Building-permit applications: submission, correction, withdrawal and review decisions")
@SecurityRequirement(name = "bearer")
class PermitApplicationController {

    /**
     * A submission: the recorded assessment of the parcel, the proposed building and the uploaded documents'
     * references; an engineer names the owner they submit for ({@code ownerNationalCode}), whose consent must cover it.
     */
    record Submission(String assessmentId, ProposedBuilding building, DocumentReference ownershipDocument,
                      List<DocumentReference> documents, String ownerNationalCode) {
    }

    /** A corrected proposal; without an assessment id, the one the application rests on. */
    record Resubmission(String assessmentId, ProposedBuilding building, List<DocumentReference> documents) {
    }

    record Withdrawal(String reason) {
    }

    /** An approval on the version the reviewer read; {@code discretion} when it departs from the automatic result. */
    record ApprovalDecision(Long expectedVersion, Discretion discretion) {
    }

    record ChangeRequest(Long expectedVersion, List<String> citedRules, String note) {
    }

    /** A rejection on the version the reviewer read, citing its legal basis in {@code discretion}. */
    record RejectionDecision(Long expectedVersion, Discretion discretion) {
    }

    private static final Role[] READERS = {Role.CITIZEN, Role.CLERK, Role.INSPECTOR, Role.MUNICIPAL_ADMIN,
            Role.OVERSIGHT, Role.PROVINCE_ADMIN, Role.ENGINEER};

    private final ActingCommands commands;
    private final ApplicationCommands applications;
    private final AssessmentRecords assessments;
    private final PermitApplicationHistory histories;
    private final CurrentActor currentActor;
    private final CitedDocuments citedDocuments;
    private final RepresentationConsents consents;

    PermitApplicationController(ActingCommands commands, ApplicationCommands applications, AssessmentRecords assessments,
                                PermitApplicationHistory histories, CurrentActor currentActor, CitedDocuments citedDocuments,
                                RepresentationConsents consents) {
        this.consents = consents;
        this.commands = commands;
        this.applications = applications;
        this.assessments = assessments;
        this.histories = histories;
        this.currentActor = currentActor;
        this.citedDocuments = citedDocuments;
    }

    @PostMapping
    @Operation(summary = "Apply for a building permit on an assessed parcel (the owner, or an engineer with the owner's consent)",
            description = "Reads the recorded zoning assessment, checks the proposal against it at once and, if no rule "
                    + "failed, assesses the fees. A failing proposal is still recorded: it is returned for correction "
                    + "(stage RETURNED_FOR_CORRECTION) with the violated rules.")
    ResponseEntity<Receipt> submit(@RequestBody Submission submission,
                                   @Parameter(description = KEY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        Actor actor = currentActor.actingAs(Role.CITIZEN, Role.ENGINEER);
        citedDocuments.requireStored(submission.ownershipDocument(), submission.documents());
        String commandId = ApplicationCommands.commandId(key);
        ZoningAssessmentIssued assessment = assessment(submission.assessmentId());
        // The same key names the same application, so that a retried submission finds its first attempt.
        PermitApplicationId id = key == null ? PermitApplicationId.random()
                : new PermitApplicationId(UUID.nameUUIDFromBytes((actor.subject() + "\n" + key).getBytes(StandardCharsets.UTF_8)));
        Optional<List<DomainEventMessage<?>>> appended = commands.sendRecording(new SubmitPermitApplication(id, commandId,
                MunicipalityId.parse(assessment.municipalityId()), assessment.municipalitySlug(), assessment.plate(),
                assessment, submission.building(), submission.ownershipDocument(), submission.documents(),
                actor.role() == Role.ENGINEER ? submission.ownerNationalCode() : null), actor);
        // A new application's history is what the command appended; a repeated request (same key) appended nothing
        // and is answered with what its first attempt recorded, read from the store.
        History history = appended.flatMap(events -> histories.ofNew(id, events)).orElseGet(() -> histories.of(id));
        return ResponseEntity.created(URI.create("/api/permit-applications/" + id)).body(Receipt.of(history, commandId));
    }

    @PostMapping("/{id}/resubmissions")
    @Operation(summary = "Resubmit a corrected proposal (the applicant, or an engineer with the applicant's consent)",
            description = "Allowed when the application was returned for correction or its fees were held. The check runs again.")
    Receipt resubmit(@PathVariable String id, @RequestBody Resubmission resubmission,
                     @Parameter(description = KEY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return applications.sendAndRead(id, key, (applicationId, commandId) -> {
            citedDocuments.requireStored(null, resubmission.documents());
            String assessmentId = resubmission.assessmentId() != null ? resubmission.assessmentId()
                    : histories.of(applicationId).assessment().assessmentId();
            return new ResubmitPermitApplication(applicationId, commandId, assessment(assessmentId),
                    resubmission.building(), resubmission.documents());
        }, Role.CITIZEN, Role.ENGINEER);
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Withdraw the application (the applicant), at any stage before the permit is issued")
    Receipt withdraw(@PathVariable String id, @RequestBody(required = false) Withdrawal withdrawal,
                     @Parameter(description = KEY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return applications.sendAndRead(id, key, (applicationId, commandId) -> new WithdrawPermitApplication(applicationId,
                commandId, withdrawal == null ? null : withdrawal.reason()), Role.CITIZEN);
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve the application (its assigned reviewer), on the version read",
            description = "Approving with rules that could not be checked departs from the automatic result: it needs "
                    + "a discretion (legal basis and justification) and waits for a second approver.")
    Receipt approve(@PathVariable String id, @RequestBody ApprovalDecision approval,
                    @Parameter(description = KEY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return applications.sendAndRead(id, key, (applicationId, commandId) -> new ApproveApplication(applicationId,
                commandId, approval.expectedVersion(), approval.discretion()), Role.CLERK);
    }

    @PostMapping("/{id}/changes-requested")
    @Operation(summary = "Return the application to the applicant (its assigned reviewer), citing the rules or outputs at fault")
    Receipt requestChanges(@PathVariable String id, @RequestBody ChangeRequest request,
                           @Parameter(description = KEY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return applications.sendAndRead(id, key, (applicationId, commandId) -> new RequestChanges(applicationId,
                commandId, request.expectedVersion(), request.citedRules(), request.note()), Role.CLERK);
    }

    @PostMapping("/{id}/rejection")
    @Operation(summary = "Reject the application (its assigned reviewer), citing the legal basis",
            description = "Rejecting an application whose check passed departs from the automatic result and waits for "
                    + "a second approver.")
    Receipt reject(@PathVariable String id, @RequestBody RejectionDecision rejection,
                   @Parameter(description = KEY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return applications.sendAndRead(id, key, (applicationId, commandId) -> new RejectApplication(applicationId,
                commandId, rejection.expectedVersion(), rejection.discretion()), Role.CLERK);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The application's events in order, its version and stage",
            description = "For the applicant, staff of its municipality, provincial oversight, an engineer acting for the "
                    + "applicant with their consent and the permit's supervising engineer. A minimal read until "
                    + "the query side has read models of permit applications.")
    History get(@PathVariable String id) {
        Actor actor = currentActor.actingAs(READERS);
        History history = histories.of(PermitApplicationId.parse(id));
        String slug = history.submitted().municipalitySlug();
        if (actor.role() == Role.CITIZEN && !actor.subject().equals(history.submitted().applicantSubject())) {
            throw new DomainException(ErrorCode.PERMIT_NOT_APPLICANT, actor.subject() + " is not the applicant");
        }
        if (actor.role() == Role.ENGINEER && !engineerMayRead(actor, history)) {
            throw new DomainException(ErrorCode.REPRESENTATION_CONSENT_REQUIRED, actor.subject() + " neither acts for the "
                    + "applicant nor supervises this permit");
        }
        if (actor.role().scope() == Role.Scope.MUNICIPAL && !actor.actsFor(slug)) {
            throw new DomainException(ErrorCode.FORBIDDEN_MUNICIPALITY, "The actor serves '" + actor.municipality()
                    + "', not '" + slug + "'").with("municipality", String.valueOf(actor.municipality()));
        }
        return history;
    }

    /**
     * An engineer reads a file they act on for its applicant (an active consent for any act) or the permit they
     * supervise; withdrawing the consent closes the file to them again.
     */
    private boolean engineerMayRead(Actor engineer, History history) {
        PermitApplicationSubmitted file = history.submitted();
        boolean supervises = history.events().stream().anyMatch(e -> e.payload() instanceof PermitIssued issued
                && engineer.subject().equals(issued.supervisingEngineerSubject()));
        return supervises || Arrays.stream(ConsentAct.values()).anyMatch(act -> consents.covering(engineer.subject(),
                file.applicantNationalCode(), file.municipalitySlug(), file.plate(), history.applicationId(), act).isPresent());
    }

    private ZoningAssessmentIssued assessment(String assessmentId) {
        if (assessmentId == null || assessmentId.isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "An application rests on a recorded zoning assessment")
                    .with("field", "assessmentId");
        }
        return assessments.issued(ZoningAssessmentId.parse(assessmentId.strip()));
    }
}
