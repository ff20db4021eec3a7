package ir.parvaneh.query.notification;

import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationReturnedForCorrection;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ChangesRequested;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.CompletionCertificateIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ComplianceChecked;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ConstructionStageReported;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeAssessmentHeld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.IssueDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PaymentConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitValues.AssessmentReference;
import ir.parvaneh.kernel.permit.PermitValues.BuildingEnvelope;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.EnvelopeDeviation;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One permit application's events, appended to the real event store as the command side records them (sequence,
 * actor in the metadata, timestamp), each with an event id the test knows, so that messages can be traced to the
 * event that caused them.
 */
final class NotifyingFile {

    static final Instant T0 = Instant.parse("2026-11-20T06:30:00Z");
    static final Actor SYSTEM = Actor.system("test");

    final String id = PermitApplicationId.random().toString();
    final String slug;
    final Actor applicant;
    private final EventStore eventStore;
    private long next;

    NotifyingFile(EventStore eventStore, String slug, Actor applicant) {
        this.eventStore = eventStore;
        this.slug = slug;
        this.applicant = applicant;
    }

    static String slug() {
        return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static Actor citizen(String name) {
        return new Actor(UUID.randomUUID().toString(), name, Role.CITIZEN, null, "0499370899");
    }

    static Actor clerk(String slug, String name) {
        return new Actor(UUID.randomUUID().toString(), name, Role.CLERK, slug, null);
    }

    static String mobile() {
        return "0912" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** Appends the event at the next sequence and returns its event id. */
    String append(PermitApplicationEvent event, Actor actor) {
        String eventId = UUID.randomUUID().toString();
        long sequence = next++;
        eventStore.publish(new GenericDomainEventMessage<>("PermitApplication", id, sequence, event,
                actor.toMetaData(), eventId, T0.plusSeconds(60 * sequence)));
        return eventId;
    }

    /** A zoning assessment the actor requested; returns its event id. */
    static String assessment(EventStore eventStore, Actor requester, String slug) {
        String eventId = UUID.randomUUID().toString();
        String id = "zoning-assessment-" + UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("ZoningAssessment", id, 0,
                new ZoningAssessmentIssued(id, "municipality-x", slug, "1234/56", "RESIDENTIAL", "2026-11-20",
                        "2026-11-20", "2027-05-19", "1404.1", "ab", null, null),
                requester.toMetaData(), eventId, T0));
        return eventId;
    }

    String submit() {
        return append(new PermitApplicationSubmitted(id, cmd(), "municipality-x", slug, "1234/56",
                applicant.subject(), applicant.displayName(), applicant.nationalCode(), "2026-11-20",
                new AssessmentReference("zoning-assessment-" + UUID.randomUUID(), "2026-11-01", "2027-05-01",
                        "RESIDENTIAL", "1404.1", "ab"),
                new ProposedBuilding("RESIDENTIAL", List.of(new ProposedFloor(0, "STOREY", "RESIDENTIAL", 92.0)),
                        92.0, 1, 1, 3.5, null),
                document(), List.of(document())), applicant);
    }

    String checkPassed() {
        return append(new ComplianceChecked(id, null, 1, "zoning-assessment-x", "1404.1", "ab", "PASSED", List.of()),
                SYSTEM);
    }

    String returnForCorrection() {
        return append(new ApplicationReturnedForCorrection(id, null, 1, List.of(new ComplianceResult(
                "floors-within-max", "max-floors", "FAILED", "3", "4", null)), "2027-02-18"), SYSTEM);
    }

    String holdFees() {
        return append(new FeeAssessmentHeld(id, null, "1404.1", "ab", List.of(),
                List.of("قیمت منطقه‌ای (P) برای این پلاک تعیین نشده است"), "2027-01-10"), SYSTEM);
    }

    String feesDue(long dueRials) {
        return append(new FeesAssessed(id, null, "1404.1", "ab", List.of(), dueRials, 0, dueRials,
                dueRials > 0 ? "2026-12-22" : null), SYSTEM);
    }

    String pay(long rials) {
        return append(new PaymentConfirmed(id, cmd(), "GW-123456", rials, "2026-11-21T08:00:00Z"), SYSTEM);
    }

    String assign(Actor reviewer) {
        return append(new ReviewerAssigned(id, null, reviewer.subject(), reviewer.displayName(), slug, "2026-11-30"),
                Actor.system("review-assignment"));
    }

    String reviewDeadlineMissed(Actor reviewer) {
        return append(new ReviewDeadlineMissed(id, null, reviewer.subject(), "2026-11-30"), SYSTEM);
    }

    String requestChanges(Actor reviewer) {
        return append(new ChangesRequested(id, cmd(), reviewer.subject(), "CLERK", List.of("max-floors"),
                "طبقه چهارم حذف شود", "2027-01-15"), reviewer);
    }

    String approve(Actor reviewer) {
        return append(new ApplicationApproved(id, cmd(), reviewer.subject(), "CLERK", false, null, null, "2026-12-01",
                "2026-12-16"), reviewer);
    }

    String reject(Actor reviewer) {
        return append(new ApplicationRejected(id, cmd(), reviewer.subject(), "CLERK", false, "COMMISSION-5-ART-14",
                "تراکم بیش از حد مجاز", null, "2026-12-01"), reviewer);
    }

    String issueDeadlineMissed() {
        return append(new IssueDeadlineMissed(id, null, "2026-12-01", "2026-12-16"), SYSTEM);
    }

    String issuePermit(Actor clerk, Actor engineer) {
        return append(new PermitIssued(id, cmd(), "qazvin-1405-000123", slug, "1234/56", "2026-12-20", "2027-12-20",
                List.of(), new BuildingEnvelope(3, 276.0, 92.0, 10.5), engineer.subject(), engineer.displayName()),
                clerk);
    }

    String reportStage(Actor engineer, boolean flagged) {
        return append(new ConstructionStageReported(id, cmd(), "STRUCTURE", engineer.subject(), "2027-03-01",
                new BuildingEnvelope(flagged ? 4 : 3, 300.0, 92.0, 13.0), null,
                flagged ? List.of(new EnvelopeDeviation("floors", "3", "4")) : List.of(), flagged), engineer);
    }

    String completionCertificate(Actor clerk) {
        return append(new CompletionCertificateIssued(id, cmd(), "qazvin-1406-pk-000045", "qazvin-1405-000123",
                "2027-09-01", new BuildingEnvelope(3, 276.0, 92.0, 10.5)), clerk);
    }

    private static DocumentReference document() {
        return new DocumentReference("OWNERSHIP_DEED", "سند.pdf", "application/pdf", 1024, "0".repeat(64));
    }

    private static String cmd() {
        return UUID.randomUUID().toString();
    }
}
