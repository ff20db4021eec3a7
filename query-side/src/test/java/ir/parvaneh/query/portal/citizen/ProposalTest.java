package ir.parvaneh.query.portal.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.text.PersianText;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The application form starts from the largest building the assessment allows, and nothing where it allows none. */
class ProposalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLargestHouseTakesTheSmallerOfTheFootprintAndTheAreaShareOfEachStorey() throws Exception {
        JsonNode outputs = JSON.readTree("""
                [{"name":"max-floors","status":"DETERMINED","value":"3"},
                 {"name":"max-footprint-m2","status":"DETERMINED","value":"186"},
                 {"name":"max-gross-floor-area-m2","status":"DETERMINED","value":"372.55"},
                 {"name":"max-units","status":"DETERMINED","value":"4"},
                 {"name":"required-parking","status":"DETERMINED","value":"5"}]""");
        Proposal proposal = Proposal.largestAllowedBy(outputs);
        assertThat(proposal.storeys()).isEqualTo(3);
        assertThat(proposal.storeyAreaM2()).isEqualByComparingTo("124.18");
        assertThat(proposal.footprintM2()).isEqualByComparingTo("124.18");
        // Five spaces over four units: two for the one unit proposed (rounded up).
        assertThat(proposal.parkingSpaces()).isEqualTo(2);
        assertThat(proposal.heightM()).isEqualByComparingTo("10.5");

        Map<String, Object> building = proposal.building("RESIDENTIAL");
        assertThat((List<?>) building.get("floors")).hasSize(3)
                .first().isEqualTo(Map.of("level", 0, "kind", "STOREY", "use", "RESIDENTIAL", "grossAreaM2", 124.18));
    }

    @Test
    void anAssessmentThatAllowsNoStoreyGivesAnEmptyForm() throws Exception {
        JsonNode outputs = JSON.readTree("""
                [{"name":"max-floors","status":"DETERMINED","value":"0"},
                 {"name":"max-footprint-m2","status":"CANNOT_DETERMINE","value":null}]""");
        Proposal proposal = Proposal.largestAllowedBy(outputs);
        assertThat(proposal.storeyAreaM2()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void platesTypedInPersianOrArabicDigitsAreReadAsTheLayersStoreThem() {
        assertThat(PersianText.latinDigits("۱۰۳/۵")).isEqualTo("103/5");
        assertThat(PersianText.latinDigits("١٠٣/٥")).isEqualTo("103/5");
    }
}
