package ir.parvaneh.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.assessment.write.AssessmentRecords;
import ir.parvaneh.command.permit.LargestHouse;
import ir.parvaneh.command.permit.write.ComplianceCheck;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;


import static ir.parvaneh.command.support.TestRulebooks.provinceRulebookFor;
import static ir.parvaneh.command.support.TestRulebooks.withFile;
import static ir.parvaneh.command.support.TestRulebooks.zip;
import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A town of one's own whose rulebook is published and whose ordinary parcel is assessed for housing over HTTP, read
 * back from the event store: where permit tests begin.
 */
@Component
public class AssessedParcels {

    /** The town, its published rulebook, the parcel's plate and its recorded assessment. */
    public record Assessed(DemoTown.Town town, RulebookContent rulebook, String plate, ZoningAssessmentIssued assessment,
                           ProposedBuilding compliant) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DemoTown demoTown;
    @Autowired
    AssessmentRecords assessments;

    /**
     * A generated town (at a random place, its slug beginning {@code slugPrefix}) with its rulebook published and its
     * ordinary parcel assessed for housing, where the largest house the assessment allows passes the compliance check.
     * The ordinary parcel of some towns lies in a zone for public facilities or green space, where no housing
     * complies; such a town is passed over.
     */
    public Assessed whereHousingComplies(String slugPrefix, Actor citizen) throws Exception {
        for (int attempt = 0; attempt < 8; attempt++) {
            DemoTown.Town town = demoTown.withLayers(slugPrefix, 200);
            String slug = town.slug();
            // The demo parcels are not all as large as the province's 250 m² minimum lot; this town's rulebook asks 50 m².
            RulebookContent rulebook = provinceRulebookFor(slug);
            rulebook = withFile(rulebook, RulebookContent.MANIFEST, rulebook.manifest().replaceFirst(
                    "(\"minLotSizeM2\" : \\{\\s*\"value\" : )\\d+", "$150"));
            mvc.perform(post("/api/municipalities/" + slug + "/rulebooks").with(tokenOf(town.admin()))
                    .contentType("application/zip").content(zip(rulebook))).andExpect(status().is(201));
            String plate = town.samples().ordinary().plate();
            JsonNode assessed = json.readTree(mvc.perform(post("/api/assessments").with(tokenOf(citizen))
                            .contentType("application/json")
                            .content("{\"municipality\":\"" + slug + "\",\"plate\":\"" + plate + "\",\"intendedUse\":\"RESIDENTIAL\"}"))
                    .andExpect(status().is(201)).andReturn().getResponse().getContentAsString());
            ZoningAssessmentIssued assessment = assessments.issued(ZoningAssessmentId.parse(assessed.get("assessmentId").asText()));
            // A zone for public facilities or green space allows no storey at all: nothing to build a house from.
            if (!LargestHouse.allowsStoreys(assessment.outcome())) {
                continue;
            }
            ProposedBuilding compliant = LargestHouse.allowedOn(assessment.outcome(), 0);
            if (ComplianceCheck.of(compliant, assessment.outcome()).result().equals("PASSED")) {
                return new Assessed(town, rulebook, plate, assessment, compliant);
            }
        }
        throw new AssertionError("No generated town had an ordinary parcel where housing complies");
    }
}
