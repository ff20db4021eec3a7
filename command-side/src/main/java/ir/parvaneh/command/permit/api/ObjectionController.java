package ir.parvaneh.command.permit.api;

import ir.parvaneh.command.permit.api.ApplicationCommands.Receipt;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitCommands.DecideObjection;
import ir.parvaneh.kernel.permit.PermitCommands.FileObjection;
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
 * The applicant objects to a rejection, once; a clerk of the municipality who took no part in the rejection decides
 * the objection on the version they read. Upheld, the application goes back to review (to another reviewer);
 * dismissed, the rejection is final.
 */
@RestController
@RequestMapping("/api/permit-applications/{id}/objection")
@Tag(name = "Permit applications", description = "Building-permit applications, from submission to the completion certificate")
@SecurityRequirement(name = "bearer")
class ObjectionController {

    record Objection(String grounds) {
    }

    /** The decision on the objection: {@code upheld} true sets the rejection aside, false dismisses the objection. */
    record ObjectionDecision(Long expectedVersion, Boolean upheld, String reason) {
    }

    private final ApplicationCommands applications;

    ObjectionController(ApplicationCommands applications) {
        this.applications = applications;
    }

    @PostMapping
    @Operation(summary = "Object to the rejection, stating the grounds (the applicant, once)")
    Receipt file(@PathVariable String id, @RequestBody Objection objection,
                 @Parameter(description = KEY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return applications.sendAndRead(id, key, (applicationId, commandId) -> new FileObjection(applicationId, commandId,
                objection.grounds()), Role.CITIZEN);
    }

    @PostMapping("/decision")
    @Operation(summary = "Decide the objection (a clerk of the municipality other than those who rejected), on the version read",
            description = "Upheld: the rejection is set aside and the application waits for a reviewer again "
                    + "(AWAITING_REVIEW). Dismissed: it stays REJECTED, for good.")
    Receipt decide(@PathVariable String id, @RequestBody ObjectionDecision decision,
                   @Parameter(description = KEY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return applications.sendAndRead(id, key, (applicationId, commandId) -> {
            // The command's verdict is a plain boolean: a request that does not say which must not read as a dismissal.
            if (decision.upheld() == null) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "The decision says whether the objection is upheld")
                        .with("field", "upheld");
            }
            return new DecideObjection(applicationId, commandId, decision.expectedVersion(), decision.upheld(),
                    decision.reason());
        }, Role.CLERK);
    }
}
