package ir.parvaneh.command.permit;

import ir.parvaneh.command.consent.lookup.RepresentationConsents;
import ir.parvaneh.command.rulebook.engine.CompiledRulebook;
import ir.parvaneh.command.rulebook.engine.RulebookCompiler;
import ir.parvaneh.command.rulebook.store.CompiledRulebooks;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;
import ir.parvaneh.kernel.rulebook.FeeBasis;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static ir.parvaneh.command.support.TestRulebooks.provinceRulebookFor;

/**
 * Realistic data for permit applications in Qazvin: a 300 m² lot in zone R121 on a 12 m street (the demo
 * rulebook allows 3 storeys, 540 m² gross, a 180 m² footprint, 6 units and requires 6 parking spaces; its
 * minimum lot is 250 m²), its assessment by the real rulebook, proposals and documents, and the people involved.
 * The clock stands on 8 Azar 1405 (29 November 2026), 10:00 in Tehran.
 */
public final class PermitTestData {

    static final Clock TEHRAN_MORNING = Clock.fixed(Instant.parse("2026-11-29T06:30:00Z"), ZoneOffset.UTC);
    static final String TODAY = "2026-11-29";
    static final MunicipalityId QAZVIN = MunicipalityId.forProvinceSlug("qazvin");
    static final PermitApplicationId APPLICATION =
            new PermitApplicationId(UUID.fromString("5d3c2b1a-0f9e-4d8c-b7a6-958473625140"));
    static final String ID = APPLICATION.toString();
    static final ZoningAssessmentId ASSESSMENT_ID =
            new ZoningAssessmentId(UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b01"));
    static final CompiledRulebook V1 = RulebookCompiler.compile(provinceRulebookFor("qazvin"));
    static final CompiledRulebooks RULEBOOKS = sha -> {
        if (V1.sha256().equals(sha)) {
            return V1;
        }
        throw new DomainException(ErrorCode.RULEBOOK_VERSION_NOT_FOUND, "no rulebook " + sha);
    };

    static final ParcelFacts LOT = lot(300.0, 30_000_000L);
    static final ZoningAssessmentIssued ASSESSMENT = assessment(LOT, "RESIDENTIAL", TODAY, "2027-05-28");

    /** Three residential storeys on pilotis, every figure exactly at its maximum. */
    static final ProposedBuilding COMPLIANT = building(3, 180, 6, 6);
    /** One storey too many: 4 storeys and 720 m² against 3 and 540. */
    static final ProposedBuilding FOUR_STOREYS = building(4, 180, 6, 6);

    public static final DocumentReference DEED = new DocumentReference("OWNERSHIP_DEED", "سند-تک-برگ-۱۲۳۴-۵۶.pdf",
            "application/pdf", 248_331, "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b2d4f6e8a1c3e5b7d9f0a2c4e6b8d0f");
    static final DocumentReference ARCHITECTURE = new DocumentReference("ARCHITECTURAL_DRAWINGS",
            "نقشه-معماری.pdf", "application/pdf", 4_812_004, "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809");
    static final DocumentReference STRUCTURE = new DocumentReference("STRUCTURAL_DRAWINGS",
            "نقشه-سازه.pdf", "application/pdf", 3_177_420, "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f");
    public static final List<DocumentReference> DRAWINGS = List.of(ARCHITECTURE, STRUCTURE);

    static final Actor OWNER = new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN, null,
            "0012345679");
    static final Actor NEIGHBOUR = new Actor("3b5d7f9a-1c2e-4f6a-8b0d-2e4f6a8c0e11", "حمید نوری", Role.CITIZEN, null,
            "1234567891");
    static final Actor REVIEWER = new Actor("c4e1b7d2-8a3f-4c6e-b5d9-1f2a3e4c5d04", "علی رضایی", Role.CLERK, "qazvin", null);
    static final Actor SECOND_CLERK = new Actor("d8f2a6c4-1e3b-4d5f-a7c9-2b4d6f8a0c12", "زهرا موسوی", Role.CLERK,
            "qazvin", null);
    static final Actor QAZVIN_ADMIN = new Actor("8f6e2a41-3b1d-4f7e-a2c9-6d4b1e0a9c02", "محمد جعفری",
            Role.MUNICIPAL_ADMIN, "qazvin", null);
    static final Actor TAKESTAN_CLERK = new Actor("6a8c0e2f-4b6d-4f8a-9c1e-3d5f7b9d1f13", "سعید کاظمی", Role.CLERK,
            "takestan", null);
    static final Actor INSPECTOR = new Actor("b7c8d9e0-1f2a-4b3c-8d4e-5f6a7b8c9d07", "حسن کریمی", Role.INSPECTOR,
            "qazvin", null);
    static final Actor ENGINEER = new Actor("2f4a6c8e-0b1d-4e3f-8a5c-7e9b1d3f5a14", "مهندس لیلا قاسمی", Role.ENGINEER,
            null, null);
    /** No owner has consented to anything: what the permit's own tests run with. */
    static final RepresentationConsents NO_CONSENTS = (engineer, owner, slug, plate, application, act) -> Optional.empty();
    static final Actor GATEWAY = Actor.system("payment-gateway");
    static final Actor ASSIGNMENT = Actor.system("review-assignment");

    private PermitTestData() {
    }

    static ParcelFacts lot(double areaM2, Long price) {
        return new ParcelFacts(QAZVIN.toString(), "1234/56", "03-12-045-007", TODAY,
                "MULTIPOLYGON(((50.0 36.27,50.0002 36.27,50.0002 36.2702,50.0 36.2702,50.0 36.27)))", 36.2701, 50.0001,
                areaM2, List.of(new ParcelFacts.Frontage("کوچه بهار", 12.0, 12.0)), 12.0, 12.0, 25.0, "SOUTH", 180.0,
                "REAR", List.of(new ParcelFacts.ZoneShare("R121", areaM2, 100.0)), 0.0, List.of(), price, "01-0007",
                List.of(new ParcelFacts.LayerVersionUsed("parcels", "layer-version-6a2d4e8b-1c35-4f7a-8b92-3d4e5f6a7b02",
                        "e3b98a4da31a127d4bde6e43033f66ba274cab0eb7eb1c70ec41402bf6273dd8", "2026-11-28")), List.of());
    }

    static ZoningAssessmentIssued assessment(ParcelFacts facts, String use, String issuedOn, String validUntil) {
        return new ZoningAssessmentIssued(ASSESSMENT_ID.toString(), facts.municipalityId(), "qazvin", facts.plate(), use,
                facts.asOf(), issuedOn, validUntil, V1.version(), V1.sha256(), facts, V1.assess(facts, use));
    }

    /** Pilotis parking on the ground floor and {@code storeys} residential storeys of {@code area} m² above. */
    static ProposedBuilding building(int storeys, double area, int units, int parking) {
        List<ProposedFloor> floors = new ArrayList<>();
        floors.add(new ProposedFloor(0, "STOREY", "PARKING", area));
        for (int level = 1; level <= storeys; level++) {
            floors.add(new ProposedFloor(level, "STOREY", "RESIDENTIAL", area));
        }
        return new ProposedBuilding("RESIDENTIAL", floors, area, units, parking, 3.0 + 3.5 * storeys, null);
    }

    /** The fee basis of a proposal on {@link #LOT}, built by hand as the rulebook reads it. */
    static FeeBasis feeBasis(ProposedBuilding building, Long price) {
        double total = building.floors().stream().mapToDouble(ProposedFloor::grossAreaM2).sum();
        return new FeeBasis("RESIDENTIAL", total, building.floors().stream()
                .map(f -> new FeeBasis.Floor(f.level(), f.kind(), f.use(), f.grossAreaM2())).toList(),
                building.parkingSpaces(), building.units(), 12.0, building.commercialStoreyHeightM(), price);
    }
}
