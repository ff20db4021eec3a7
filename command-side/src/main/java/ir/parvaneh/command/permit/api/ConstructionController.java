package ir.parvaneh.command.permit.api;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.ConstructionStage;
import ir.parvaneh.kernel.permit.PermitCommands.IssueCompletionCertificate;
import ir.parvaneh.kernel.permit.PermitCommands.RecordInspection;
import ir.parvaneh.kernel.permit.PermitCommands.ReferToViolationsCommission;
import ir.parvaneh.kernel.permit.PermitCommands.ReportConstructionStage;
import ir.parvaneh.kernel.permit.PermitValues.BuildingEnvelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static ir.parvaneh.command.permit.api.ApplicationCommands.IDEMPOTENCY_KEY;

/**
 * After the permit: the supervising engineer reports the construction stages with what was measured on site,
 * an inspector of the municipality records inspections, and a clerk issues the completion certificate
 * (پایان کار) or refers remaining deviations to the violations commission (کمیسیون ماده ۱۰۰). The aggregate
 * decides who may and when; an {@code Idempotency-Key} makes a retry a no-op.
 */
@RestController
@RequestMapping("/api/permit-applications/{id}")
@Tag(name = "Permit applications", description = "Building-permit applications, from submission to the completion certificate")
@SecurityRequirement(name = "bearer")
class ConstructionController {

    record StageReport(ConstructionStage stage, BuildingEnvelope measured, String note) {
    }

    record Inspection(BuildingEnvelope measured, String findings) {
    }

    record Certificate(String certificateNumber) {
    }

    record Referral(String note) {
    }

    record Recorded(String applicationId, String commandId) {
    }

    private final ApplicationCommands applications;

    ConstructionController(ApplicationCommands applications) {
        this.applications = applications;
    }

    @PostMapping("/stage-reports")
    @Operation(summary = "The supervising engineer reports a construction stage with the envelope measured on site")
    Recorded reportStage(@PathVariable String id, @RequestBody StageReport report,
                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return new Recorded(id, applications.send(id, key, (applicationId, commandId) -> {
            if (report.stage() == null || report.measured() == null) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "A stage report names the stage and what was measured")
                        .with("field", report.stage() == null ? "stage" : "measured");
            }
            return new ReportConstructionStage(applicationId, commandId, report.stage(), report.measured(), report.note());
        }, Role.ENGINEER));
    }

    @PostMapping("/inspections")
    @Operation(summary = "An inspector of the municipality records an inspection with what was measured")
    Recorded inspect(@PathVariable String id, @RequestBody Inspection inspection,
                     @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return new Recorded(id, applications.send(id, key, (applicationId, commandId) -> {
            if (inspection.measured() == null) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "An inspection records what was measured")
                        .with("field", "measured");
            }
            return new RecordInspection(applicationId, commandId, inspection.measured(), inspection.findings());
        }, Role.INSPECTOR));
    }

    @PostMapping("/completion-certificate")
    @Operation(summary = "A clerk issues the completion certificate (پایان کار) once finishing is reported and inspected")
    Recorded complete(@PathVariable String id, @RequestBody Certificate certificate,
                      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return new Recorded(id, applications.send(id, key, (applicationId, commandId) ->
                new IssueCompletionCertificate(applicationId, commandId, certificate.certificateNumber()), Role.CLERK));
    }

    @PostMapping("/violations-referral")
    @Operation(summary = "A clerk refers remaining deviations to the violations commission (کمیسیون ماده ۱۰۰)")
    Recorded refer(@PathVariable String id, @RequestBody Referral referral,
                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return new Recorded(id, applications.send(id, key, (applicationId, commandId) ->
                new ReferToViolationsCommission(applicationId, commandId, referral.note()), Role.CLERK));
    }
}
