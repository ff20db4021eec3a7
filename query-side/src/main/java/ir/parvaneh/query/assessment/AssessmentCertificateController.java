package ir.parvaneh.query.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.query.assessment.certificate.AssessmentCertificate;
import ir.parvaneh.query.assessment.certificate.CertificatePdf;
import ir.parvaneh.query.infrastructure.security.Caller;
import ir.parvaneh.query.jooq.query.tables.records.ZoningAssessmentRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;

/**
 * A zoning assessment (دستور نقشه) as a printable PDF certificate. Readers as for the assessment's decision history:
 * the citizen who asked for it, the staff of its municipality, provincial oversight and the province's
 * administrators. Staff of another municipality are told they do not act for it; anyone else is told there is no
 * such assessment, so that a citizen cannot learn whether someone else's assessment exists.
 */
@RestController
@Tag(name = "Zoning assessments", description = "A zoning assessment as a printable, verifiable certificate")
@SecurityRequirement(name = "bearer")
class AssessmentCertificateController {

    private final CertificateReadModel certificates;
    private final Clock clock;
    private final URI publicUrl;

    AssessmentCertificateController(CertificateReadModel certificates, Clock clock,
                                    @Value("${parvaneh.public-url}") URI publicUrl) {
        this.certificates = certificates;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/api/assessments/{id}/certificate.pdf")
    @Operation(summary = "The zoning assessment as a PDF certificate (Persian, right to left) with a verification code and QR code",
            description = "Every computed number with its explanation and legal source, the rulebook and layer versions "
                    + "used, and a QR code linking to {parvaneh.public-url}/assessments/{id}/verification. For the "
                    + "citizen who asked for it, staff of its municipality and oversight; anyone else gets 404 "
                    + "ASSESSMENT_NOT_FOUND, staff of another municipality 403 FORBIDDEN_MUNICIPALITY.")
    ResponseEntity<byte[]> certificate(@PathVariable String id) {
        Caller caller = Caller.current();
        String assessmentId = ZoningAssessmentId.parse(id).toString();
        CertificateReadModel.Row row = certificates.find(assessmentId).orElseThrow(() -> notFound(assessmentId));
        ZoningAssessmentRecord assessment = row.assessment();
        checkReader(caller, assessment);
        row = certificates.withEvent(row);
        if (!row.printable()) {
            throw new DomainException(ErrorCode.ASSESSMENT_CERTIFICATE_NOT_READY, "Assessment " + assessmentId
                    + " was recorded without the facts and outcome a certificate prints");
        }
        AssessmentCertificate certificate = new AssessmentCertificate(
                assessmentId,
                row.verificationCode(),
                verificationUrl(assessmentId),
                row.municipalityNameFa() == null ? assessment.getMunicipalitySlug() : row.municipalityNameFa(),
                row.municipalityNameEn(),
                assessment.getPlate(),
                assessment.getIntendedUse(),
                assessment.getRequesterName(),
                assessment.getIssuedOn(),
                assessment.getValidUntil(),
                assessment.getAsOf(),
                assessment.getRulebookVersion(),
                assessment.getRulebookSha256(),
                row.issued().facts(),
                row.issued().outcome());
        byte[] pdf = CertificatePdf.render(certificate, clock.instant());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("zoning-assessment-" + assessmentId + ".pdf").build().toString())
                // A personal document: no shared cache may keep it.
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }

    /** The agreed public address of an assessment's verification, under the configured public URL. */
    private URI verificationUrl(String assessmentId) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/assessments/" + assessmentId + "/verification");
    }

    private static void checkReader(Caller caller, ZoningAssessmentRecord assessment) {
        if (caller.provincial() || caller.subject().equals(assessment.getRequesterSubject())
                || caller.staffOf(assessment.getMunicipalitySlug())) {
            return;
        }
        if (caller.municipalStaff()) {
            throw new DomainException(ErrorCode.FORBIDDEN_MUNICIPALITY, "The caller serves '" + caller.municipality()
                    + "', not '" + assessment.getMunicipalitySlug() + "'")
                    .with("municipality", String.valueOf(caller.municipality()));
        }
        throw notFound(assessment.getId());
    }

    private static DomainException notFound(String id) {
        return new DomainException(ErrorCode.ASSESSMENT_NOT_FOUND, "No zoning assessment " + id).with("assessmentId", id);
    }
}
