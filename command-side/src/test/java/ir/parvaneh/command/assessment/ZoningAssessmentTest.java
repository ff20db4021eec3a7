package ir.parvaneh.command.assessment;

import ir.parvaneh.command.assessment.write.ZoningAssessment;
import ir.parvaneh.command.assessment.write.ZoningAssessmentIssuing;
import ir.parvaneh.command.rulebook.engine.CompiledRulebook;
import ir.parvaneh.command.rulebook.engine.RulebookCompiler;
import ir.parvaneh.command.rulebook.store.CompiledRulebooks;
import ir.parvaneh.kernel.assessment.AssessmentCommands.IssueZoningAssessment;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static ir.parvaneh.command.support.Actors.CITIZEN;
import static ir.parvaneh.command.support.Actors.QAZVIN_CLERK;
import static ir.parvaneh.command.support.Refusals.refusedWith;
import static ir.parvaneh.command.support.TestRulebooks.asVersion;
import static ir.parvaneh.command.support.TestRulebooks.provinceRulebookFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issuing a zoning assessment: the aggregate evaluates the named rulebook version against the facts and
 * records facts, versions and every explained output; facts of another municipality, a rulebook that is
 * not the one named or not yet in force on the facts' day, and a missing intended use are refused with
 * nothing recorded. The clock stands on 8 Azar 1405 (29 November 2026) in Tehran.
 */
class ZoningAssessmentTest {

    private static final Clock TEHRAN_MORNING = Clock.fixed(Instant.parse("2026-11-29T06:30:00Z"), ZoneOffset.UTC);
    private static final MunicipalityId QAZVIN = MunicipalityId.forProvinceSlug("qazvin");
    private static final ZoningAssessmentId ID = new ZoningAssessmentId(UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b01"));
    private static final CompiledRulebook V1 = RulebookCompiler.compile(provinceRulebookFor("qazvin"));
    private static final CompiledRulebook V2 = RulebookCompiler.compile(asVersion(provinceRulebookFor("qazvin"), "1405.2", "2026-12-21"));

    /** A 184 m² lot on a 12 m street in zone R121: the reference file's worked example of footprint rounding. */
    private static final ParcelFacts LOT = facts(QAZVIN.toString(), "2026-11-29");

    private AggregateTestFixture<ZoningAssessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ZoningAssessment.class);
        fixture.registerInjectableResource(TEHRAN_MORNING);
        CompiledRulebooks published = sha -> List.of(V1, V2).stream().filter(r -> r.sha256().equals(sha)).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.RULEBOOK_VERSION_NOT_FOUND, "no rulebook " + sha));
        fixture.registerInjectableResource(published);
        fixture.registerAnnotatedCommandHandler(new ZoningAssessmentIssuing(fixture.getRepository()));
    }

    static ParcelFacts facts(String municipalityId, String asOf) {
        return new ParcelFacts(municipalityId, "1234/56", "03-12-045-007", asOf,
                "MULTIPOLYGON(((50.0 36.27,50.0002 36.27,50.0002 36.2701,50.0 36.2701,50.0 36.27)))", 36.27005, 50.0001,
                184.0, List.of(new ParcelFacts.Frontage("کوچه بهار", 12.0, 8.0)), 12.0, 8.0, 23.0, "SOUTH", 180.0, "REAR",
                List.of(new ParcelFacts.ZoneShare("R121", 184.0, 100.0)), 0.0, List.of(), 30_000_000L, "01-0007",
                List.of(new ParcelFacts.LayerVersionUsed("parcels", "layer-version-6a2d4e8b-1c35-4f7a-8b92-3d4e5f6a7b02",
                        "e3b98a4da31a127d4bde6e43033f66ba274cab0eb7eb1c70ec41402bf6273dd8", "2026-11-28")), List.of());
    }

    private static IssueZoningAssessment issue(ParcelFacts facts, String use, CompiledRulebook rulebook) {
        return new IssueZoningAssessment(ID, QAZVIN, "qazvin", facts, use, rulebook.version(), rulebook.sha256());
    }

    @Test
    void givenAParcelWhenACitizenAsksForItsRulesThenTheRulebookInForceIsEvaluatedAndRecordedWithItsInputs() {
        ZoningOutcome outcome = V1.assess(LOT, "RESIDENTIAL");
        assertThat(outcome.output("max-footprint-m2").orElseThrow().value()).isEqualTo("110");
        assertThat(outcome.output("max-gross-floor-area-m2").orElseThrow().value()).isEqualTo("276");
        assertThat(outcome.output("max-floors").orElseThrow().value()).isEqualTo("3");

        ZoningAssessmentIssued issued = new ZoningAssessmentIssued(ID.toString(), QAZVIN.toString(), "qazvin", "1234/56",
                "RESIDENTIAL", "2026-11-29", "2026-11-29", "2027-05-28", "1405.1", V1.sha256(), LOT, outcome);
        fixture.givenNoPriorActivity()
                .when(issue(LOT, "RESIDENTIAL", V1), CITIZEN.toMetaData())
                .expectSuccessfulHandlerExecution()
                .expectEvents(issued)
                .expectResultMessagePayload(issued);
    }

    @Test
    void givenAParcelWhenAClerkAsksAsOfAPastDayThenTheFactsDayIsRecordedBesideTheDayOfIssue() {
        ParcelFacts then = facts(QAZVIN.toString(), "2026-06-01");
        fixture.givenNoPriorActivity()
                .when(issue(then, "COMMERCIAL", V1), QAZVIN_CLERK.toMetaData())
                .expectEvents(new ZoningAssessmentIssued(ID.toString(), QAZVIN.toString(), "qazvin", "1234/56", "COMMERCIAL",
                        "2026-06-01", "2026-11-29", "2027-05-28", "1405.1", V1.sha256(), then, V1.assess(then, "COMMERCIAL")));
    }

    @Test
    void givenAVersionInForceOnlyFromNextMonthWhenAskedForTodayThenRefusedAndNothingRecorded() {
        fixture.givenNoPriorActivity()
                .when(issue(LOT, "RESIDENTIAL", V2), CITIZEN.toMetaData())
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.RULEBOOK_NOT_IN_FORCE, "rulebookVersion", "1405.2"));
    }

    @Test
    void givenFactsOfAnotherMunicipalityWhenAssessedUnderQazvinsRulebookThenRefused() {
        fixture.givenNoPriorActivity()
                .when(issue(facts(MunicipalityId.forProvinceSlug("takestan").toString(), "2026-11-29"), "RESIDENTIAL", V1),
                        CITIZEN.toMetaData())
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", "facts"));
    }

    @Test
    void givenARulebookHashWhenTheCommandNamesAnotherVersionLabelThenRefused() {
        fixture.givenNoPriorActivity()
                .when(new IssueZoningAssessment(ID, QAZVIN, "qazvin", LOT, "RESIDENTIAL", "1405.9", V1.sha256()),
                        CITIZEN.toMetaData())
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", "rulebookVersion"));
    }

    @Test
    void givenAnUnpublishedRulebookHashWhenAssessedThenRefused() {
        fixture.givenNoPriorActivity()
                .when(new IssueZoningAssessment(ID, QAZVIN, "qazvin", LOT, "RESIDENTIAL", "1405.1", "0".repeat(64)),
                        CITIZEN.toMetaData())
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.RULEBOOK_VERSION_NOT_FOUND));
    }

    @Test
    void givenNoIntendedUseWhenAssessedThenRefused() {
        fixture.givenNoPriorActivity()
                .when(issue(LOT, " ", V1), CITIZEN.toMetaData())
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED, "field", "intendedUse"));
    }
}
