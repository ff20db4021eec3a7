package ir.parvaneh.query.assessment;

import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRegistered;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.rulebook.AssessedOutput;
import ir.parvaneh.kernel.rulebook.Explanation;
import ir.parvaneh.kernel.rulebook.LegalSource;
import ir.parvaneh.kernel.rulebook.ZonePortionOutcome;
import ir.parvaneh.kernel.rulebook.ZoningOutcome;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A town and a citizen's zoning assessment in it, shaped like the demo province's rulebook 1405.1 gives them (the
 * same output names, units, decisions and legal sources), appended to the real event store as the command side
 * appends them: each event with the acting person in its metadata.
 */
final class CertificateFixtures {

    static final String RULEBOOK_VERSION = "1405.1";
    static final String RULEBOOK_SHA = "3e1f0c9a7b2d4c6e8f1a3b5c7d9e0f2a4b6c8d0e1f3a5b7c9d1e3f5a7b9c1d3e";
    static final String PARCELS_SHA = "5a9d2c7e1b3f4a6c8e0d2b4f6a8c0e2d4b6f8a0c2e4d6b8f0a2c4e6d8b0f2a4c";
    static final String ZONES_SHA = "8c4e6a2b0d9f7e5c3a1b9d7f5e3c1a0b8d6f4e2c0a9b7d5f3e1c9a7b5d3f1e0c";
    static final String RESOLUTION = "DEMO-5-1404-117";

    static final Actor CITIZEN = new Actor("c3a1e2b4-1111-4a00-8000-00000000c001", "مریم احمدی", Role.CITIZEN, null, "0012345679");
    static final Actor OTHER_CITIZEN = new Actor("c3a1e2b4-1111-4a00-8000-00000000c002", "علی رضایی", Role.CITIZEN, null, "1234567891");

    private final EventStore store;

    CertificateFixtures(EventStore store) {
        this.store = store;
    }

    record Town(String id, String slug) {
        Actor clerk() {
            return new Actor("clerk-" + slug, "زهرا کریمی", Role.CLERK, slug, null);
        }
    }

    /** A town named like Qazvin with a slug of its own, so tests never meet each other's rows. */
    Town town() {
        String id = MunicipalityId.random().toString();
        String slug = "cert-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        append("Municipality", id, new MunicipalityRegistered(id, slug, "قزوین", "Qazvin", 36.2688, 50.0041, "PILOT"),
                ir.parvaneh.query.support.TestEvents.PROVINCE_ADMIN);
        return new Town(id, slug);
    }

    String assessment(Town town, String plate, Actor requester) {
        String id = ZoningAssessmentId.random().toString();
        append("ZoningAssessment", id, issued(id, town, plate), requester);
        return id;
    }

    private void append(String type, String aggregateId, Object payload, Actor actor) {
        store.publish(new GenericDomainEventMessage<>(type, aggregateId, 0, payload, MetaData.from(actor.toMetaData())));
    }

    static ZoningAssessmentIssued issued(String id, Town town, String plate) {
        LegalSource commission = new LegalSource("کمیسیون ماده ۵ استان قزوین", RESOLUTION, "1404-10-08",
                "ضوابط و مقررات طرح تفصیلی قزوین: جدول تراکم، سطح اشغال و طبقات (نمونه آزمایشی)");
        LegalSource council = new LegalSource("شورای عالی شهرسازی و معماری ایران", "DEMO-SA-1401-22", "1401-06-12",
                "ضوابط تأمین پارکینگ (نمونه آزمایشی)");
        Map<String, String> envelopeInputs = Map.of("lotAreaM2", "240.5", "passageWidthM", "12", "zone", "R122");
        Explanation envelope = new Explanation("envelopeTable", "Envelope by zone, lot area and passage width", "FIRST",
                List.of(7), envelopeInputs, null, commission);
        List<AssessedOutput> outputs = List.of(
                new AssessedOutput("buildable-depth-m", AssessedOutput.DETERMINED, "12.14", "m", null,
                        new Explanation("buildableDepth", "Buildable depth", "LITERAL_EXPRESSION", List.of(),
                                Map.of("coveragePercent", "60", "depthM", "16.9"), "depthM * coveragePercent / 100 + 2", commission)),
                new AssessedOutput("coverage-percent", AssessedOutput.DETERMINED, "60", "percent", null, envelope),
                new AssessedOutput("density-percent", AssessedOutput.DETERMINED, "180", "percent", null, envelope),
                new AssessedOutput("max-floors", AssessedOutput.DETERMINED, "3", "floors", null,
                        new Explanation("maxFloors", "Max floors with overlays", "FIRST", List.of(4),
                                Map.of("passageWidthM", "12", "zone", "R122"), null, commission)),
                new AssessedOutput("max-footprint-m2", AssessedOutput.DETERMINED, "144", "m2", null,
                        new Explanation("maxFootprint", "Max footprint", "LITERAL_EXPRESSION", List.of(),
                                Map.of("coveragePercent", "60", "lotAreaM2", "240.5"), "floor(lotAreaM2 * coveragePercent / 100)", commission)),
                new AssessedOutput("max-gross-floor-area-m2", AssessedOutput.DETERMINED, "432.9", "m2", null,
                        new Explanation("maxGrossFloorArea", "Max gross floor area", "LITERAL_EXPRESSION", List.of(),
                                Map.of("densityPercent", "180", "lotAreaM2", "240.5"), "lotAreaM2 * densityPercent / 100", commission)),
                new AssessedOutput("min-lot-size-met", AssessedOutput.DETERMINED, "true", "boolean", null,
                        new Explanation("minLotSize", "Minimum lot size met", "UNIQUE", List.of(1),
                                Map.of("lotAreaM2", "240.5", "minLotSizeM2", "200"), null, commission)),
                new AssessedOutput("permitted-uses", AssessedOutput.DETERMINED, "RESIDENTIAL,COMMERCIAL", "codes", null,
                        new Explanation("permittedUses", "Permitted uses by zone", "COLLECT", List.of(3, 4),
                                Map.of("zone", "R122"), null, commission)),
                new AssessedOutput("required-parking", AssessedOutput.DETERMINED, "4", "spaces", null,
                        new Explanation("requiredParking", "Required parking", "LITERAL_EXPRESSION", List.of(),
                                Map.of("maxUnits", "4", "parkingPerUnit", "1"), "maxUnits * parkingPerUnit", council)),
                new AssessedOutput("setback-rule", AssessedOutput.DETERMINED,
                        "ساخت در 60 درصد شمالی قطعه به‌اضافه ۲ متر؛ حیاط در جنوب", "text", null, envelope));
        ParcelFacts facts = new ParcelFacts(town.id(), plate, "07-113-0042", "2026-11-29",
                "POLYGON((50.0 36.27, 50.0002 36.27, 50.0002 36.2702, 50.0 36.2702, 50.0 36.27))", 36.2701, 50.0001,
                240.5, List.of(new ParcelFacts.Frontage("خیابان خیام", 12.0, 14.2)), 12.0, 14.2, 16.9, "NORTH", 0.0,
                "FRONTAGE", List.of(new ParcelFacts.ZoneShare("R122", 240.5, 100.0)), 0.0, List.of(), 31_000_000L, "PB-12",
                List.of(new ParcelFacts.LayerVersionUsed("parcels", "layer-version-6f1c2a9e-0b7d-4e3a-9c51-2d8e4f6a1b03", PARCELS_SHA, "2026-03-21"),
                        new ParcelFacts.LayerVersionUsed("zones", "layer-version-0d3b7e5a-9c1f-4a2e-8b64-7e2c9a5d3f10", ZONES_SHA, "2026-03-21")),
                List.of());
        ZoningOutcome outcome = new ZoningOutcome(RULEBOOK_VERSION, RULEBOOK_SHA, "RESIDENTIAL", "PER_PORTION_AREA_WEIGHTED",
                List.of(new ZonePortionOutcome("R122", 240.5, 100.0, "ZONE", true, outputs)), outputs);
        return new ZoningAssessmentIssued(id, town.id(), town.slug(), plate, "RESIDENTIAL", "2026-11-29",
                "2026-11-29", "2027-05-28", RULEBOOK_VERSION, RULEBOOK_SHA, facts, outcome);
    }
}
