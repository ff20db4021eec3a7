package ir.parvaneh.query.assessment;

import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.query.jooq.query.tables.records.ZoningAssessmentRecord;
import ir.parvaneh.query.portal.PortalPage;
import ir.parvaneh.query.portal.PortalProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a certificate's QR code leads ({@code parvaneh.public-url}/assessments/{id}/verification): anyone holding the
 * paper — a notary, a bank, a buyer — sees, without signing in, that the assessment is on record and what identifies
 * it (town, plate, use, dates, rulebook version and hash, verification code), to compare with what is printed. Nothing
 * personal is shown: not the requester, not their name.
 */
@Controller
@PortalPage
class CertificateCheckPage {

    private final CertificateReadModel certificates;

    CertificateCheckPage(CertificateReadModel certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/assessments/{id}/verification")
    String check(@PathVariable String id, Model model) {
        CertificateReadModel.Row row = certificates.find(id).orElseThrow(() -> PortalProblem.of(
                ErrorCode.ASSESSMENT_NOT_FOUND, "No zoning assessment " + id + " is on record"));
        row = certificates.withEvent(row);
        ZoningAssessmentRecord assessment = row.assessment();
        model.addAttribute("assessment", assessment);
        model.addAttribute("verificationCode", row.verificationCode());
        model.addAttribute("municipality", "en".equals(model.getAttribute("lang"))
                ? row.municipalityNameEn() : row.municipalityNameFa());
        return "portal/certificate-check";
    }
}
