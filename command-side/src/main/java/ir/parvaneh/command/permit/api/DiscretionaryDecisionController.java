package ir.parvaneh.command.permit.api;

import ir.parvaneh.command.permit.api.ApplicationCommands.Receipt;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitCommands.ConfirmDiscretionaryDecision;
import ir.parvaneh.kernel.permit.PermitCommands.DeclineDiscretionaryDecision;
import ir.parvaneh.kernel.permit.PermitCommands.ProposeFeeWaiver;
import ir.parvaneh.kernel.permit.PermitValues.Discretion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static ir.parvaneh.command.permit.api.ApplicationCommands.IDEMPOTENCY_KEY;
import static ir.parvaneh.command.permit.api.ApplicationCommands.KEY_DESCRIPTION;

/**
 * Decisions that depart from the automatic result take effect only once a second staff member of the municipality
 * confirms them: a clerk proposes to waive a fee line, and the reviewer's discretionary approvals and rejections
 * (sent to {@code …/approval} and {@code …/rejection}) wait here too. Each request is taken on the version its sender
 * read and answers with the receipt; who may confirm (not the proposer, not the applicant) is the aggregate's rule.
 */
@RestController
@RequestMapping("/api/permit-applications/{id}")
@Tag(name = "Permit applications", description = "Building-permit applications, from submission to the completion certificate")
@SecurityRequirement(name = "bearer")
class DiscretionaryDecisionController {

    /** Those who take and confirm a municipality's discretionary decisions. */
    private static final Role[] STAFF = {Role.CLERK, Role.MUNICIPAL_ADMIN};

    /**
     * A proposal to waive one fee line of the amount due, on the version the clerk read.
     *
     * @param floorLevel the line's floor for a fee charged per floor (e.g. the commercial fee), else absent
     */
    record FeeWaiverProposal(Long expectedVersion, String feeType, Integer floorLevel, Discretion discretion) {
    }

    record Confirmation(Long expectedVersion) {
    }

    record Refusal(Long expectedVersion, String reason) {
    }

    private final ApplicationCommands applications;

    DiscretionaryDecisionController(ApplicationCommands applications) {
        this.applications = applications;
    }

    @PostMapping("/fee-waivers")
    @Operation(summary = "Propose to waive a fee line before payment (a clerk or administrator of the municipality)",
            description = "A discretionary decision: it needs a legal basis and a justification and takes effect when "
                    + "another staff member confirms it. Meanwhile the application stays AWAITING_PAYMENT and no payment "
                    + "is taken. The fee line is named as FeesAssessed lists it (type, and floorLevel for a per-floor fee).")
    Receipt proposeFeeWaiver(@PathVariable String id, @RequestBody FeeWaiverProposal proposal,
                             @Parameter(description = KEY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return applications.sendAndRead(id, key, (applicationId, commandId) -> new ProposeFeeWaiver(applicationId,
                commandId, proposal.expectedVersion(), proposal.feeType(), proposal.floorLevel(), proposal.discretion()),
                STAFF);
    }

    @PostMapping("/discretionary-decision/confirmation")
    @Operation(summary = "Confirm the pending discretionary decision (a second staff member of the municipality)",
            description = "Not the proposer nor the applicant. The decision then takes effect: the application is "
                    + "approved or rejected with discretionary: true and both people named, or the fee line is waived.")
    Receipt confirm(@PathVariable String id, @RequestBody Confirmation confirmation,
                    @Parameter(description = KEY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return applications.sendAndRead(id, key, (applicationId, commandId) -> new ConfirmDiscretionaryDecision(
                applicationId, commandId, confirmation.expectedVersion()), STAFF);
    }

    @PostMapping("/discretionary-decision/refusal")
    @Operation(summary = "Decline the pending discretionary decision, with the reason (a second staff member of the municipality)",
            description = "A declined approval or rejection goes back to the reviewer (IN_REVIEW); a declined waiver "
                    + "leaves the amount due as it was.")
    Receipt decline(@PathVariable String id, @RequestBody Refusal refusal,
                    @Parameter(description = KEY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return applications.sendAndRead(id, key, (applicationId, commandId) -> new DeclineDiscretionaryDecision(
                applicationId, commandId, refusal.expectedVersion(), refusal.reason()), STAFF);
    }
}
