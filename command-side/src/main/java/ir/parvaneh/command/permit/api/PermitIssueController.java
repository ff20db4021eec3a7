package ir.parvaneh.command.permit.api;

import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.command.permit.write.PermitIssuing;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * A clerk of the municipality issues an approved application's permit; the number is the municipality's next
 * for the Jalali year, allocated with the issue (a refused issue takes none; issuing again answers the same).
 */
@RestController
@Tag(name = "Permit applications", description = "Building-permit applications, from submission to the completion certificate")
@SecurityRequirement(name = "bearer")
class PermitIssueController {

    /** The permit's conditions and its supervising engineer: subject, name and (optional) licence number. */
    record PermitRequest(List<String> conditions, String supervisingEngineerSubject, String supervisingEngineerName,
                         String supervisingEngineerLicence) {
    }

    record Issued(String applicationId, String permitNumber) {
    }

    private final PermitIssuing permits;
    private final CurrentActor currentActor;

    PermitIssueController(PermitIssuing permits, CurrentActor currentActor) {
        this.permits = permits;
        this.currentActor = currentActor;
    }

    @PostMapping("/api/permit-applications/{id}/permit")
    @Operation(summary = "Issue the permit of an approved application (a clerk of its municipality)")
    ResponseEntity<Issued> issue(@PathVariable String id, @RequestBody PermitRequest request) {
        Actor clerk = currentActor.actingAs(Role.CLERK);
        if (request.supervisingEngineerSubject() == null || request.supervisingEngineerSubject().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The permit names its supervising engineer")
                    .with("field", "supervisingEngineerSubject");
        }
        PermitApplicationId application = PermitApplicationId.parse(id);
        String number = permits.issue(application, clerk.municipality(),
                request.conditions() == null ? List.of() : request.conditions(), request.supervisingEngineerSubject(),
                request.supervisingEngineerName(), request.supervisingEngineerLicence(), clerk);
        return ResponseEntity.created(URI.create("/api/permit-applications/" + id)).body(new Issued(id, number));
    }
}
