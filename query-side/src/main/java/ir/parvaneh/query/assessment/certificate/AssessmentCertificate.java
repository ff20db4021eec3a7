package ir.parvaneh.query.assessment.certificate;

import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;

import java.net.URI;
import java.time.LocalDate;

/**
 * Everything a zoning assessment's certificate prints, as the query side's read model holds it (the issuing event's
 * facts and outcome, unchanged).
 *
 * @param verificationUrl where a reader checks the certificate: the QR code encodes it
 */
public record AssessmentCertificate(
        String assessmentId,
        String verificationCode,
        URI verificationUrl,
        String municipalityNameFa,
        String municipalityNameEn,
        String plate,
        String intendedUse,
        String requesterName,
        LocalDate issuedOn,
        LocalDate validUntil,
        LocalDate asOf,
        String rulebookVersion,
        String rulebookSha256,
        ParcelFacts facts,
        ZoningOutcome outcome) {
}
