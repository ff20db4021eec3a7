package ir.parvaneh.query.assessment;

import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import ir.parvaneh.query.assessment.CertificateFixtures.Town;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The certificate's verification code: derived from what the certificate asserts, so rebuilds keep it and edits break it. */
class VerificationCodeTest {

    static final Town TOWN = new Town("municipality-7a1d3c5e-2b4f-4a6c-8e0d-1f3b5d7a9c2e", "qazvin");
    static final String ID = "zoning-assessment-2c9f1e7a-5b3d-4f8e-a6c1-0d2e4f6a8b1c";

    @Test
    void givenTheSameAssessmentThenTheCodeIsTheSameAndReadableAloud() {
        ZoningAssessmentIssued event = CertificateFixtures.issued(ID, TOWN, "1234/56");
        String code = VerificationCode.of(event);
        assertThat(code).isEqualTo(VerificationCode.of(CertificateFixtures.issued(ID, TOWN, "1234/56")));
        // Crockford's base 32: no I, L, O or U to misread.
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    }

    @Test
    void givenAnotherAssessmentOrAnEditedNumberThenTheCodeDiffers() {
        ZoningAssessmentIssued event = CertificateFixtures.issued(ID, TOWN, "1234/56");
        String code = VerificationCode.of(event);

        assertThat(VerificationCode.of(CertificateFixtures.issued(ID.replace("2c9f", "3c9f"), TOWN, "1234/56")))
                .isNotEqualTo(code);

        List<AssessedOutput> outputs = new ArrayList<>(event.outcome().outputs());
        AssessedOutput floors = outputs.stream().filter(o -> o.name().equals("max-floors")).findFirst().orElseThrow();
        outputs.set(outputs.indexOf(floors), new AssessedOutput(floors.name(), floors.status(), "5", floors.unit(),
                floors.reason(), floors.explanation()));
        ZoningOutcome edited = new ZoningOutcome(event.outcome().rulebookVersion(), event.outcome().rulebookSha256(),
                event.outcome().intendedUse(), event.outcome().combinationRule(), event.outcome().portions(), outputs);
        ZoningAssessmentIssued tampered = new ZoningAssessmentIssued(event.assessmentId(), event.municipalityId(),
                event.municipalitySlug(), event.plate(), event.intendedUse(), event.asOf(), event.issuedOn(),
                event.validUntil(), event.rulebookVersion(), event.rulebookSha256(), event.facts(), edited);
        assertThat(VerificationCode.of(tampered)).isNotEqualTo(code);
    }
}
