package ir.parvaneh.query.history;

import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ChangesRequested;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ComplianceChecked;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.DiscretionaryDecisionProposed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitValues.AssessmentReference;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;
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
 * Realistic events of an assessment and a permit application in Qazvin, appended to the real event store as the
 * command side appends them: each with the acting person in its metadata.
 */
final class HistoryFixtures {

    static final String MUNICIPALITY = "qazvin";
    static final String RULEBOOK_VERSION = "1405.1";
    static final String RULEBOOK_SHA = "9f2c4e0b7a1d3c5e8f60718293a4b5c6d7e8f90112233445566778899aabbccd";

    static final Actor CITIZEN = new Actor("c1a2b3c4-0000-4000-8000-000000000001", "مریم احمدی", Role.CITIZEN, null, "0012345679");
    static final Actor OTHER_CITIZEN = new Actor("c1a2b3c4-0000-4000-8000-000000000002", "علی رضایی", Role.CITIZEN, null, "1234567891");
    static final Actor CLERK = new Actor("c1a2b3c4-0000-4000-8000-000000000003", "زهرا کریمی", Role.CLERK, MUNICIPALITY, null);
    static final Actor CLERK_2 = new Actor("c1a2b3c4-0000-4000-8000-000000000004", "حسین موسوی", Role.CLERK, MUNICIPALITY, null);

    private final EventStore store;

    HistoryFixtures(EventStore store) {
        this.store = store;
    }

    void append(String type, String aggregateId, long sequence, Object payload, Actor actor) {
        Map<String, Object> metaData = new java.util.HashMap<>(actor.toMetaData());
        metaData.put("traceId", UUID.randomUUID().toString());
        store.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, MetaData.from(metaData)));
    }

    /** A citizen's assessment of plate 1234/56 for housing, with two outputs and their explanations. */
    String assessment(Actor requester) {
        String id = ZoningAssessmentId.random().toString();
        append("ZoningAssessment", id, 0, issued(id), requester);
        return id;
    }

    static ZoningAssessmentIssued issued(String id) {
        LegalSource commission = new LegalSource("کمیسیون ماده ۵ استان قزوین", "۱۲۳/۴۵", "1403-02-15",
                "ضوابط طرح تفصیلی شهر قزوین");
        Explanation floors = new Explanation("max-floors", "حداکثر طبقات", "UNIQUE", List.of(4),
                Map.of("zoneCode", "R122", "widestPassageWidthM", "12"), null, commission);
        Explanation density = new Explanation("density", "تراکم ساختمانی", "UNIQUE", List.of(2),
                Map.of("zoneCode", "R122", "areaM2", "240.5"), null, commission);
        List<AssessedOutput> outputs = List.of(
                new AssessedOutput("density-percent", AssessedOutput.DETERMINED, "180", "percent", null, density),
                new AssessedOutput("max-floors", AssessedOutput.DETERMINED, "3", "floors", null, floors));
        ParcelFacts facts = new ParcelFacts("municipality-qazvin", "1234/56", "R-77", "2026-11-29",
                "POLYGON((50.0 36.27, 50.0002 36.27, 50.0002 36.2702, 50.0 36.2702, 50.0 36.27))", 36.2701, 50.0001,
                240.5, List.of(new ParcelFacts.Frontage("خیابان خیام", 12.0, 14.2)), 12.0, 14.2, 16.9, "NORTH", 0.0,
                "FRONTAGE", List.of(new ParcelFacts.ZoneShare("R122", 240.5, 100.0)), 0.0, List.of(), 31_000_000L, "PB-12",
                List.of(new ParcelFacts.LayerVersionUsed("parcels", "layer-version-" + UUID.randomUUID(), "a".repeat(64), "2026-03-21"),
                        new ParcelFacts.LayerVersionUsed("zones", "layer-version-" + UUID.randomUUID(), "b".repeat(64), "2026-03-21")),
                List.of());
        ZoningOutcome outcome = new ZoningOutcome(RULEBOOK_VERSION, RULEBOOK_SHA, "RESIDENTIAL", "GOVERNING_ZONE_LARGEST_SHARE",
                List.of(new ZonePortionOutcome("R122", 240.5, 100.0, "ZONE", true, outputs)), outputs);
        return new ZoningAssessmentIssued(id, "municipality-qazvin", MUNICIPALITY, "1234/56", "RESIDENTIAL", "2026-11-29",
                "2026-11-29", "2027-05-28", RULEBOOK_VERSION, RULEBOOK_SHA, facts, outcome);
    }

    /**
     * An application by {@code applicant}: submitted, checked (floors fail), a reviewer requests changes citing
     * max-floors, a discretionary approval is proposed with its legal basis and justification, and approved.
     */
    String application(Actor applicant, String assessmentId) {
        String id = "permit-application-" + UUID.randomUUID();
        String type = "PermitApplication";
        ProposedBuilding building = new ProposedBuilding("RESIDENTIAL", List.of(
                new ProposedFloor(0, "STOREY", "PARKING", 150.0), new ProposedFloor(1, "STOREY", "RESIDENTIAL", 150.0),
                new ProposedFloor(2, "STOREY", "RESIDENTIAL", 150.0), new ProposedFloor(3, "STOREY", "RESIDENTIAL", 150.0),
                new ProposedFloor(4, "STOREY", "RESIDENTIAL", 150.0)), 150.0, 4, 4, 15.5, null);
        DocumentReference deed = new DocumentReference("OWNERSHIP_DEED", "سند.pdf", "application/pdf", 1024, "c".repeat(64));
        append(type, id, 0, new PermitApplicationSubmitted(id, "cmd-1", "municipality-qazvin", MUNICIPALITY, "1234/56",
                applicant.subject(), applicant.displayName(), applicant.nationalCode(), "2026-11-29",
                new AssessmentReference(assessmentId, "2026-11-29", "2027-05-28", "RESIDENTIAL", RULEBOOK_VERSION, RULEBOOK_SHA),
                building, deed, List.of(deed)), applicant);
        append(type, id, 1, new ComplianceChecked(id, "cmd-1", 1, assessmentId, RULEBOOK_VERSION, RULEBOOK_SHA, "FAILED",
                List.of(new ComplianceResult("floors-within-max-floors", "max-floors", "FAILED", "3", "4", null),
                        new ComplianceResult("density-within-limit", "density-percent", "PASSED", "180", "166.32", null))),
                applicant);
        append(type, id, 2, new ChangesRequested(id, "cmd-2", CLERK.subject(), "CLERK", List.of("max-floors"),
                "طبقه چهارم مازاد بر ضوابط است", "2027-01-28"), CLERK);
        append(type, id, 3, new DiscretionaryDecisionProposed(id, "cmd-3", "APPROVE", CLERK.subject(), "CLERK",
                "COMMISSION-5-ART-14", "مصوبه موردی کمیسیون ماده ۵ برای بافت فرسوده", List.of("floors-within-max-floors"),
                null, null, 0), CLERK);
        append(type, id, 4, new ApplicationApproved(id, "cmd-4", CLERK.subject(), "CLERK", true, "COMMISSION-5-ART-14",
                CLERK_2.subject(), "2026-11-30", "2026-12-15"), CLERK_2);
        return id;
    }
}
