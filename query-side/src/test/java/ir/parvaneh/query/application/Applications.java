package ir.parvaneh.query.application;

import ir.parvaneh.query.support.Tokens;

import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationReturnedForCorrection;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ComplianceChecked;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PaymentConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationResubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitValues.AssessmentReference;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;
import ir.parvaneh.kernel.permit.PermitValues.DocumentReference;
import ir.parvaneh.kernel.permit.PermitValues.ProposedBuilding;
import ir.parvaneh.kernel.permit.PermitValues.ProposedFloor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;


/**
 * Permit applications written into the real event store as the command side records them: each event with its
 * sequence, the acting person in its metadata and, where a test needs an order in time, its own timestamp.
 */
final class Applications {

    static final String AGGREGATE = "PermitApplication";

    private final EventStore eventStore;

    Applications(EventStore eventStore) {
        this.eventStore = eventStore;
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

    static Actor oversight() {
        return new Actor(UUID.randomUUID().toString(), "ناظر استان", Role.OVERSIGHT, null, null);
    }

    static final Actor SYSTEM = Actor.system("test");

    /** A bearer token shaped like the realm's, for the actor. */
    static JwtRequestPostProcessor tokenOf(Actor actor) {
        return Tokens.tokenOf(actor);
    }

    /** One application's stream: appends events at the next sequence number. */
    final class Stream {
        final String id = PermitApplicationId.random().toString();
        final String slug;
        final Actor applicant;
        long next;

        Stream(String slug, Actor applicant) {
            this.slug = slug;
            this.applicant = applicant;
        }

        /** Appends the event as the actor, at the instant; returns its sequence number (the new version). */
        long append(PermitApplicationEvent event, Actor actor, Instant at) {
            long sequence = next++;
            eventStore.publish(new GenericDomainEventMessage<>(AGGREGATE, id, sequence, event, actor.toMetaData(),
                    UUID.randomUUID().toString(), at));
            return sequence;
        }

        long submit(String plate, Instant at) {
            return append(new PermitApplicationSubmitted(id, cmd(), "municipality-" + UUID.randomUUID(), slug, plate,
                    applicant.subject(), applicant.displayName(), applicant.nationalCode(), "2026-11-20",
                    assessment(), building(), document(), List.of(document())), applicant, at);
        }

        long checkFailedAndReturn(Instant at) {
            ComplianceResult violated = new ComplianceResult("floors-within-max", "max-floors", "FAILED", "3", "4",
                    null);
            append(new ComplianceChecked(id, null, 1, "zoning-assessment-x", "1404.1", "ab", "FAILED",
                    List.of(violated)), SYSTEM, at);
            return append(new ApplicationReturnedForCorrection(id, null, 1, List.of(violated), "2027-02-18"),
                    SYSTEM, at);
        }

        long resubmit(int round, Instant at) {
            return append(new PermitApplicationResubmitted(id, cmd(), round, "2026-11-22", assessment(), building(),
                    List.of(document())), applicant, at);
        }

        long checkPassedAndPrice(long dueRials, Instant at) {
            append(new ComplianceChecked(id, null, 2, "zoning-assessment-x", "1404.1", "ab", "PASSED", List.of()),
                    SYSTEM, at);
            return append(new FeesAssessed(id, null, "1404.1", "ab", List.of(), dueRials, 0, dueRials,
                    dueRials > 0 ? "2026-12-22" : null), SYSTEM, at);
        }

        long pay(long amountRials, Instant at) {
            return append(new PaymentConfirmed(id, cmd(), "GW-" + next, amountRials, at.toString()), SYSTEM, at);
        }

        long assign(Actor reviewer, String dueOn, Instant at) {
            return append(new ReviewerAssigned(id, null, reviewer.subject(), reviewer.displayName(), slug, dueOn),
                    Actor.system("review-assignment"), at);
        }

        long reject(Actor reviewer, Instant at) {
            return append(new ApplicationRejected(id, cmd(), reviewer.subject(), "CLERK", false, "COMMISSION-5-ART-14",
                    "تراکم بیش از حد مجاز در پهنه R-111", null, "2026-11-28"), reviewer, at);
        }

        /** Submitted, checked and priced with nothing due: ready for review at {@code at}. */
        long readyForReview(String plate, Instant at) {
            submit(plate, at);
            append(new ComplianceChecked(id, null, 1, "zoning-assessment-x", "1404.1", "ab", "PASSED", List.of()),
                    SYSTEM, at);
            return append(new FeesAssessed(id, null, "1404.1", "ab", List.of(), 0, 0, 0, null), SYSTEM, at);
        }
    }

    Stream application(String slug, Actor applicant) {
        return new Stream(slug, applicant);
    }

    private static String cmd() {
        return UUID.randomUUID().toString();
    }

    private static AssessmentReference assessment() {
        return new AssessmentReference("zoning-assessment-" + UUID.randomUUID(), "2026-11-01", "2027-05-01",
                "RESIDENTIAL", "1404.1", "ab");
    }

    private static ProposedBuilding building() {
        return new ProposedBuilding("RESIDENTIAL", List.of(new ProposedFloor(0, "STOREY", "RESIDENTIAL", 92.0),
                new ProposedFloor(1, "STOREY", "RESIDENTIAL", 92.0)), 92.0, 2, 2, 7.0, null);
    }

    private static DocumentReference document() {
        return new DocumentReference("OWNERSHIP_DEED", "سند.pdf", "application/pdf", 1024, "0".repeat(64));
    }
}
