package ir.parvaneh.command.permit;

import ir.parvaneh.command.permit.write.ComplianceCheck;
import ir.parvaneh.command.permit.write.ComplianceCheck.Report;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ir.parvaneh.command.permit.PermitTestData.COMPLIANT;
import static ir.parvaneh.command.permit.PermitTestData.LOT;
import static ir.parvaneh.command.permit.PermitTestData.V1;
import static ir.parvaneh.command.permit.PermitTestData.building;
import static ir.parvaneh.command.permit.PermitTestData.lot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automatic compliance check against real assessments of the demo rulebook: equal to a maximum passes, one over
 * fails, an output the assessment could not determine cannot be checked (and so does not pass on its own).
 */
class ComplianceCheckTest {

    private static final ZoningOutcome RESIDENTIAL_300 = V1.assess(LOT, "RESIDENTIAL");
    /** The reference file's 184 m² lot: 3 storeys, 276 m², a 110 m² footprint, 3 units, 3 spaces; below the 250 m² minimum lot. */
    private static final ZoningOutcome RESIDENTIAL_184 = V1.assess(lot(184.0, 30_000_000L), "RESIDENTIAL");

    private static ComplianceResult rule(Report report, String name) {
        return report.rules().stream().filter(r -> r.rule().equals(name)).findFirst().orElseThrow();
    }

    @Nested
    class AtTheLimits {

        @Test
        void aProposalEqualToEveryMaximumPassesEveryRuleWithPermittedAndProposedValues() {
            Report report = ComplianceCheck.of(COMPLIANT, RESIDENTIAL_300);

            assertThat(report.result()).isEqualTo("PASSED");
            assertThat(report.rules()).containsExactly(
                    new ComplianceResult("use-permitted", "intended-use-permitted", "PASSED", "true", "RESIDENTIAL", null),
                    new ComplianceResult("floors-within-max", "max-floors", "PASSED", "3", "3", null),
                    new ComplianceResult("gross-floor-area-within-max", "max-gross-floor-area-m2", "PASSED", "540", "540", null),
                    new ComplianceResult("footprint-within-max", "max-footprint-m2", "PASSED", "180", "180", null),
                    new ComplianceResult("units-within-max", "max-units", "PASSED", "6", "6", null),
                    new ComplianceResult("parking-meets-required", "required-parking", "PASSED", "6", "6", null),
                    new ComplianceResult("lot-size-meets-minimum", "min-lot-size-met", "PASSED", "true", "true", null));
        }

        @Test
        void theReferenceLotAtItsMaximaPassesTheEnvelopeButFailsTheMinimumLot() {
            ProposedBuilding atMax = new ProposedBuilding("RESIDENTIAL", List.of(
                    new ProposedFloor(0, "STOREY", "PARKING", 92), new ProposedFloor(1, "STOREY", "RESIDENTIAL", 92),
                    new ProposedFloor(2, "STOREY", "RESIDENTIAL", 92), new ProposedFloor(3, "STOREY", "RESIDENTIAL", 92)),
                    110, 3, 3, 13.5, null);

            Report report = ComplianceCheck.of(atMax, RESIDENTIAL_184);

            assertThat(rule(report, "floors-within-max").status()).isEqualTo("PASSED");
            assertThat(rule(report, "gross-floor-area-within-max"))
                    .isEqualTo(new ComplianceResult("gross-floor-area-within-max", "max-gross-floor-area-m2", "PASSED", "276", "276", null));
            assertThat(rule(report, "footprint-within-max").permitted()).isEqualTo("110");
            assertThat(rule(report, "lot-size-meets-minimum").status()).isEqualTo("FAILED");
            assertThat(report.result()).isEqualTo("FAILED");
            assertThat(report.violated()).extracting(ComplianceResult::rule).containsExactly("lot-size-meets-minimum");
        }
    }

    @Nested
    class OneOver {

        @Test
        void oneStoreyTooManyFailsFloorsAndGrossArea() {
            Report report = ComplianceCheck.of(building(4, 180, 6, 6), RESIDENTIAL_300);

            assertThat(report.result()).isEqualTo("FAILED");
            assertThat(report.violated()).containsExactly(
                    new ComplianceResult("floors-within-max", "max-floors", "FAILED", "3", "4", null),
                    new ComplianceResult("gross-floor-area-within-max", "max-gross-floor-area-m2", "FAILED", "540", "720", null));
        }

        @Test
        void aHundredthOfASquareMetreOverTheGrossAreaFails() {
            ProposedBuilding over = new ProposedBuilding("RESIDENTIAL", List.of(new ProposedFloor(0, "STOREY", "PARKING", 180),
                    new ProposedFloor(1, "STOREY", "RESIDENTIAL", 180), new ProposedFloor(2, "STOREY", "RESIDENTIAL", 180),
                    new ProposedFloor(3, "STOREY", "RESIDENTIAL", 180.01)), 180, 6, 6, 13.5, null);

            assertThat(rule(ComplianceCheck.of(over, RESIDENTIAL_300), "gross-floor-area-within-max"))
                    .extracting(ComplianceResult::status, ComplianceResult::proposed).containsExactly("FAILED", "540.01");
        }

        @Test
        void oneSquareMetreOverTheFootprintFails() {
            ProposedBuilding wider = new ProposedBuilding("RESIDENTIAL", COMPLIANT.floors(), 181, 6, 6, 13.5, null);

            assertThat(rule(ComplianceCheck.of(wider, RESIDENTIAL_300), "footprint-within-max").status()).isEqualTo("FAILED");
        }

        @Test
        void oneUnitOverFailsUnitsAndNeedsASeventhSpace() {
            Report report = ComplianceCheck.of(building(3, 180, 7, 6), RESIDENTIAL_300);

            assertThat(rule(report, "units-within-max").status()).isEqualTo("FAILED");
            assertThat(rule(report, "parking-meets-required"))
                    .isEqualTo(new ComplianceResult("parking-meets-required", "required-parking", "FAILED", "7", "6", null));
        }

        @Test
        void oneSpaceShortFailsParking() {
            assertThat(rule(ComplianceCheck.of(building(3, 180, 6, 5), RESIDENTIAL_300), "parking-meets-required").status())
                    .isEqualTo("FAILED");
        }

        @Test
        void fewerUnitsNeedFewerSpacesAtTheRulebooksRate() {
            Report report = ComplianceCheck.of(building(3, 180, 4, 4), RESIDENTIAL_300);

            assertThat(rule(report, "parking-meets-required").permitted()).isEqualTo("4");
            assertThat(report.result()).isEqualTo("PASSED");
        }

        @Test
        void aUseTheZoneDoesNotPermitFails() {
            ProposedBuilding shop = new ProposedBuilding("INDUSTRIAL", COMPLIANT.floors(), 180, 6, 6, 13.5, null);

            Report report = ComplianceCheck.of(shop, V1.assess(LOT, "INDUSTRIAL"));

            assertThat(rule(report, "use-permitted"))
                    .isEqualTo(new ComplianceResult("use-permitted", "intended-use-permitted", "FAILED", "true", "INDUSTRIAL", null));
        }
    }

    @Nested
    class CannotDetermine {

        @Test
        void withoutAPassageTheEnvelopeCannotBeCheckedAndTheCheckNeedsReview() {
            ParcelFacts landlocked = new ParcelFacts(LOT.municipalityId(), LOT.plate(), LOT.renovationCode(), LOT.asOf(),
                    LOT.parcelWkt(), LOT.centroidLatitude(), LOT.centroidLongitude(), LOT.areaM2(), List.of(), null, null,
                    null, null, null, null, LOT.zones(), 0.0, List.of(), LOT.priceRialsPerM2(), LOT.priceBlockCode(),
                    LOT.layerVersions(), List.of(new ParcelFacts.MissingFact("frontages", "no passage within 30 m")));

            Report report = ComplianceCheck.of(COMPLIANT, V1.assess(landlocked, "RESIDENTIAL"));

            ComplianceResult floors = rule(report, "floors-within-max");
            assertThat(floors.status()).isEqualTo("CANNOT_CHECK");
            assertThat(floors.permitted()).isNull();
            assertThat(floors.proposed()).isEqualTo("3");
            assertThat(floors.reason()).startsWith("max-floors: ").contains("no passage within 30 m");
            assertThat(rule(report, "use-permitted").status()).isEqualTo("PASSED");
            assertThat(report.result()).isEqualTo("NEEDS_REVIEW");
            assertThat(report.violated()).isEmpty();
            assertThat(report.notPassed()).isNotEmpty();
        }

        @Test
        void anOutputTheRulebookDoesNotGiveCannotBeChecked() {
            ZoningOutcome withoutParking = new ZoningOutcome(RESIDENTIAL_300.rulebookVersion(), RESIDENTIAL_300.rulebookSha256(),
                    "RESIDENTIAL", RESIDENTIAL_300.combinationRule(), RESIDENTIAL_300.portions(),
                    RESIDENTIAL_300.outputs().stream().filter(o -> !o.name().equals("required-parking")).toList());

            ComplianceResult parking = rule(ComplianceCheck.of(COMPLIANT, withoutParking), "parking-meets-required");

            assertThat(parking.status()).isEqualTo("CANNOT_CHECK");
            assertThat(parking.reason()).isEqualTo("required-parking: the assessment's rulebook gives no such output");
        }

        @Test
        void aFailureOutweighsAnUncheckableRule() {
            ZoningOutcome unitsUnknown = new ZoningOutcome("1405.1", "x", "RESIDENTIAL", "PER_PORTION_AREA_WEIGHTED", List.of(),
                    RESIDENTIAL_300.outputs().stream().map(o -> o.name().equals("max-units")
                            ? new AssessedOutput("max-units", AssessedOutput.CANNOT_DETERMINE, null, "units", "zone: unknown", null)
                            : o).toList());

            Report report = ComplianceCheck.of(FOUR_STOREYS_AT(), unitsUnknown);

            assertThat(rule(report, "units-within-max").status()).isEqualTo("CANNOT_CHECK");
            assertThat(rule(report, "parking-meets-required").reason()).isEqualTo("max-units: zone: unknown");
            assertThat(report.result()).isEqualTo("FAILED");
        }

        private static ProposedBuilding FOUR_STOREYS_AT() {
            return building(4, 180, 6, 6);
        }
    }

    @Test
    void theSameInputsGiveEqualReports() {
        assertThat(ComplianceCheck.of(COMPLIANT, V1.assess(LOT, "RESIDENTIAL")))
                .isEqualTo(ComplianceCheck.of(building(3, 180, 6, 6), V1.assess(LOT, "RESIDENTIAL")));
    }
}
