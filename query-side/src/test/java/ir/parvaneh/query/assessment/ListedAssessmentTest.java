package ir.parvaneh.query.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the citizens' assessment list reads from a stored {@link ZoningAssessmentIssued} without deserialising it. */
class ListedAssessmentTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void givenAStoredAssessmentThenItsListedFieldsAreReadAsTheEventHasThem() throws Exception {
        ZoningAssessmentIssued event = CertificateFixtures.issued(VerificationCodeTest.ID, VerificationCodeTest.TOWN, "1234/56");
        MyAssessmentsProjector.Listed listed = MyAssessmentsProjector.Listed.read(json.writeValueAsBytes(event));
        assertThat(listed).isEqualTo(new MyAssessmentsProjector.Listed(event.assessmentId(), event.municipalityId(),
                event.municipalitySlug(), event.plate(), event.intendedUse(), event.asOf(), event.issuedOn(),
                event.validUntil(), event.rulebookVersion(), event.rulebookSha256()));
    }

    @Test
    void givenTheFieldsInAnotherOrderOrAMissingOneThenTheyAreStillReadAndTheMissingOneIsNull() throws Exception {
        ZoningAssessmentIssued event = CertificateFixtures.issued(VerificationCodeTest.ID, VerificationCodeTest.TOWN, "77/1");
        ObjectNode stored = json.valueToTree(event);
        ObjectNode reordered = json.createObjectNode();
        reordered.set("outcome", stored.get("outcome"));
        reordered.set("facts", stored.get("facts"));
        stored.fieldNames().forEachRemaining(name -> {
            if (!name.equals("asOf") && !name.equals("facts") && !name.equals("outcome")) {
                reordered.set(name, stored.get(name));
            }
        });
        MyAssessmentsProjector.Listed listed = MyAssessmentsProjector.Listed.read(json.writeValueAsBytes(reordered));
        assertThat(listed.assessmentId()).isEqualTo(event.assessmentId());
        assertThat(listed.plate()).isEqualTo("77/1");
        assertThat(listed.rulebookSha256()).isEqualTo(event.rulebookSha256());
        assertThat(listed.asOf()).isNull();
    }

    @Test
    void givenAPayloadThatIsNotAnObjectThenItIsRefused() {
        assertThatThrownBy(() -> MyAssessmentsProjector.Listed.read("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> MyAssessmentsProjector.Listed.read("{\"plate\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(java.io.IOException.class);
    }
}
