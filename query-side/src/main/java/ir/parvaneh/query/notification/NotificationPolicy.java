package ir.parvaneh.query.notification;

import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentGiven;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentRequested;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentWithdrawn;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.notification.MessageKind;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationApproved;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationRejected;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ApplicationReturnedForCorrection;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ChangesRequested;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.CompletionCertificateIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ConstructionStageReported;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeeAssessmentHeld;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.FeesAssessed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.IssueDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PaymentConfirmed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitIssued;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewDeadlineMissed;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.ReviewerAssigned;
import ir.parvaneh.kernel.permit.PermitValues.ComplianceResult;
import ir.parvaneh.kernel.permit.PermitValues.EnvelopeDeviation;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.kernel.time.IranTime;
import ir.parvaneh.query.jooq.query.tables.records.NotificationApplicationRecord;
import ir.parvaneh.query.jooq.query.tables.records.NotificationRepresentativeRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;
import static ir.parvaneh.query.jooq.query.Tables.NOTIFICATION_APPLICATION;
import static ir.parvaneh.query.jooq.query.Tables.NOTIFICATION_REPRESENTATIVE;

/**
 * Turns each event that changes what a person must do or know into messages in the outbox (docs/notifications.md),
 * in the transaction that also moves this processor's token. It only queues: sending is the dispatcher's, later, so
 * a gateway's failure never reaches a permit action, and the command side knows nothing of notifications.
 *
 * <p>Every handler is {@link DisallowReplay}: a reset of this processor (or of any other) replays nothing into the
 * outbox, and there is no reset handler, so a rebuild deletes no message already queued or sent. The outbox's unique
 * key on (event, recipient, channel) is the second guard, against a batch delivered twice.
 */
@Component
@ProcessingGroup(NotificationPolicy.PROCESSING_GROUP)
class NotificationPolicy {

    static final String PROCESSING_GROUP = "notifications";
    private static final Logger log = LoggerFactory.getLogger(NotificationPolicy.class);
    private static final Map<String, String> USES = Map.of("RESIDENTIAL", "مسکونی", "COMMERCIAL", "تجاری",
            "OFFICE", "اداری", "MIXED", "مختلط", "INDUSTRIAL", "صنعتی", "EDUCATIONAL", "آموزشی");
    private static final Map<String, String> STAGES = Map.of("FOUNDATION", "پی و فونداسیون", "STRUCTURE", "اسکلت",
            "FINISHING", "نازک‌کاری");

    private final DSLContext dsl;
    private final Outbox outbox;

    NotificationPolicy(DSLContext dsl, Outbox outbox) {
        this.dsl = dsl;
        this.outbox = outbox;
    }

    /** The requester learns their assessment was issued (the requester is the actor in the event's metadata). */
    @DisallowReplay
    @EventHandler
    void on(ZoningAssessmentIssued event, @MessageIdentifier String eventId, @Timestamp Instant at,
            MetaData metaData) {
        Actor requester = Actor.fromMetaData(metaData).orElse(null);
        if (requester == null || requester.role() == Role.SYSTEM) {
            return;
        }
        Map<String, String> values = common(requester.displayName(), event.municipalitySlug(), event.plate(), at);
        values.put("assessment", shortCode(event.assessmentId()));
        values.put("use", USES.getOrDefault(event.intendedUse(), event.intendedUse()));
        values.put("validUntil", PersianFormat.jalali(event.validUntil()));
        outbox.queue(new Outbox.Message(eventId, at, MessageKind.ASSESSMENT_ISSUED, requester.subject(),
                event.municipalitySlug(), null, event.assessmentId(), values));
    }

    /** Remembers whom the application concerns; the submission itself is acknowledged by the command's answer. */
    @DisallowReplay
    @EventHandler
    void on(PermitApplicationSubmitted event) {
        dsl.insertInto(NOTIFICATION_APPLICATION)
                .set(NOTIFICATION_APPLICATION.APPLICATION_ID, event.applicationId())
                .set(NOTIFICATION_APPLICATION.MUNICIPALITY_SLUG, event.municipalitySlug())
                .set(NOTIFICATION_APPLICATION.PLATE, event.plate())
                .set(NOTIFICATION_APPLICATION.APPLICANT_SUBJECT, event.applicantSubject())
                .set(NOTIFICATION_APPLICATION.APPLICANT_NAME, event.applicantName())
                .onConflictDoNothing()
                .execute();
    }

    /** An engineer asked to act for an owner: remembered (with the engineer's name), not yet a recipient. */
    @DisallowReplay
    @EventHandler
    void on(RepresentationConsentRequested event) {
        dsl.insertInto(NOTIFICATION_REPRESENTATIVE)
                .set(NOTIFICATION_REPRESENTATIVE.CONSENT_ID, event.consentId())
                .set(NOTIFICATION_REPRESENTATIVE.ENGINEER_SUBJECT, event.engineerSubject())
                .set(NOTIFICATION_REPRESENTATIVE.ENGINEER_NAME, event.engineerName())
                .set(NOTIFICATION_REPRESENTATIVE.MUNICIPALITY_SLUG, event.municipalitySlug())
                .set(NOTIFICATION_REPRESENTATIVE.PLATE, event.plate())
                .set(NOTIFICATION_REPRESENTATIVE.APPLICATION_ID, event.applicationId())
                .onConflictDoNothing()
                .execute();
    }

    /** The owner consented: from now on the engineer hears of the file as the owner does. */
    @DisallowReplay
    @EventHandler
    void on(RepresentationConsentGiven event) {
        dsl.insertInto(NOTIFICATION_REPRESENTATIVE)
                .set(NOTIFICATION_REPRESENTATIVE.CONSENT_ID, event.consentId())
                .set(NOTIFICATION_REPRESENTATIVE.ENGINEER_SUBJECT, event.engineerSubject())
                .set(NOTIFICATION_REPRESENTATIVE.OWNER_SUBJECT, event.ownerSubject())
                .set(NOTIFICATION_REPRESENTATIVE.MUNICIPALITY_SLUG, event.municipalitySlug())
                .set(NOTIFICATION_REPRESENTATIVE.PLATE, event.plate())
                .set(NOTIFICATION_REPRESENTATIVE.APPLICATION_ID, event.applicationId())
                .set(NOTIFICATION_REPRESENTATIVE.ACTIVE, true)
                .onConflict(NOTIFICATION_REPRESENTATIVE.CONSENT_ID)
                .doUpdate()
                .set(NOTIFICATION_REPRESENTATIVE.OWNER_SUBJECT, event.ownerSubject())
                .set(NOTIFICATION_REPRESENTATIVE.APPLICATION_ID, event.applicationId())
                .set(NOTIFICATION_REPRESENTATIVE.ACTIVE, true)
                .execute();
    }

    /** The owner withdrew the consent: the engineer hears nothing more of the file. */
    @DisallowReplay
    @EventHandler
    void on(RepresentationConsentWithdrawn event) {
        dsl.update(NOTIFICATION_REPRESENTATIVE)
                .set(NOTIFICATION_REPRESENTATIVE.ACTIVE, false)
                .where(NOTIFICATION_REPRESENTATIVE.CONSENT_ID.eq(event.consentId()))
                .execute();
    }

    @DisallowReplay
    @EventHandler
    void on(ApplicationReturnedForCorrection event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        toApplicant(event.applicationId(), eventId, at, MessageKind.RETURNED_FOR_CORRECTION, Map.of(
                "reasons", rules(event.violatedRules()),
                "correctBy", PersianFormat.jalali(event.correctBy())));
    }

    @DisallowReplay
    @EventHandler
    void on(FeeAssessmentHeld event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        toApplicant(event.applicationId(), eventId, at, MessageKind.FEE_ASSESSMENT_HELD, Map.of(
                "reasons", String.join("؛ ", event.reasons()),
                "correctBy", PersianFormat.jalali(event.correctBy())));
    }

    /** Fees to pay; nothing is said when nothing is due (the application goes straight on to review). */
    @DisallowReplay
    @EventHandler
    void on(FeesAssessed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (event.dueRials() <= 0) {
            return;
        }
        toApplicant(event.applicationId(), eventId, at, MessageKind.FEES_DUE, Map.of(
                "amount", PersianFormat.rials(event.dueRials()),
                "payBy", PersianFormat.jalali(event.payBy())));
    }

    @DisallowReplay
    @EventHandler
    void on(PaymentConfirmed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        toApplicant(event.applicationId(), eventId, at, MessageKind.PAYMENT_CONFIRMED, Map.of(
                "amount", PersianFormat.rials(event.amountRials()),
                "reference", event.gatewayReference()));
    }

    /** The applicant learns who reviews their file and by when; the reviewer, that a file is theirs. */
    @DisallowReplay
    @EventHandler
    void on(ReviewerAssigned event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        NotificationApplicationRecord application = application(event.applicationId());
        if (application == null) {
            return;
        }
        application.setReviewerSubject(event.reviewerSubject());
        application.setReviewerName(event.reviewerName());
        application.update();
        String dueOn = PersianFormat.jalali(event.reviewDueOn());
        toOwner(application, eventId, at, MessageKind.REVIEW_STARTED,
                Map.of("reviewer", event.reviewerName(), "reviewDueOn", dueOn));
        queue(application, event.reviewerSubject(), event.reviewerName(), eventId, at, MessageKind.REVIEW_ASSIGNED,
                Map.of("applicant", application.getApplicantName(), "reviewDueOn", dueOn));
    }

    @DisallowReplay
    @EventHandler
    void on(ChangesRequested event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        toApplicant(event.applicationId(), eventId, at, MessageKind.CHANGES_REQUESTED, Map.of(
                "reasons", String.join("، ", event.citedRules()),
                "note", event.note() == null ? "" : event.note(),
                "correctBy", PersianFormat.jalali(event.correctBy())));
    }

    @DisallowReplay
    @EventHandler
    void on(ApplicationApproved event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        toApplicant(event.applicationId(), eventId, at, MessageKind.APPLICATION_APPROVED, Map.of(
                "issueBy", PersianFormat.jalali(event.issueBy())));
    }

    @DisallowReplay
    @EventHandler
    void on(ApplicationRejected event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        toApplicant(event.applicationId(), eventId, at, MessageKind.APPLICATION_REJECTED, Map.of(
                "reasons", event.justification() == null ? "" : event.justification(),
                "legalBasis", event.legalBasisCode() == null ? "" : event.legalBasisCode()));
    }

    /** The owner, and the supervising engineer named on the permit, who now answers for its construction. */
    @DisallowReplay
    @EventHandler
    void on(PermitIssued event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        NotificationApplicationRecord application = application(event.applicationId());
        if (application == null) {
            return;
        }
        application.setPermitNumber(event.permitNumber());
        application.update();
        Map<String, String> values = Map.of("permitNumber", PersianFormat.identifier(event.permitNumber()),
                "validUntil", PersianFormat.jalali(event.validUntil()));
        toOwner(application, eventId, at, MessageKind.PERMIT_ISSUED, values);
        if (event.supervisingEngineerSubject() != null
                && !event.supervisingEngineerSubject().equals(application.getApplicantSubject())) {
            queue(application, event.supervisingEngineerSubject(), event.supervisingEngineerName(), eventId, at,
                    MessageKind.PERMIT_ISSUED, values);
        }
    }

    /** A stage report that deviates from the permit: the owner hears of it at once. Unflagged reports say nothing. */
    @DisallowReplay
    @EventHandler
    void on(ConstructionStageReported event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (!event.flagged()) {
            return;
        }
        NotificationApplicationRecord application = application(event.applicationId());
        if (application == null) {
            return;
        }
        toOwner(application, eventId, at, MessageKind.STAGE_REPORT_FLAGGED, Map.of(
                        "stage", STAGES.getOrDefault(event.stage(), event.stage()),
                        "permitNumber", PersianFormat.identifier(nullToEmpty(application.getPermitNumber())),
                        "reasons", deviations(event.deviations())));
    }

    /** The municipality missed its review deadline: the applicant is told, and the reviewer reminded. */
    @DisallowReplay
    @EventHandler
    void on(ReviewDeadlineMissed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        NotificationApplicationRecord application = application(event.applicationId());
        if (application == null) {
            return;
        }
        Map<String, String> values = Map.of("reviewDueOn", PersianFormat.jalali(event.reviewDueOn()));
        toOwner(application, eventId, at, MessageKind.REVIEW_DEADLINE_MISSED, values);
        if (event.reviewerSubject() != null) {
            String reviewerName = event.reviewerSubject().equals(application.getReviewerSubject())
                    ? application.getReviewerName() : null;
            queue(application, event.reviewerSubject(), reviewerName, eventId, at, MessageKind.REVIEW_DEADLINE_MISSED,
                    values);
        }
    }

    @DisallowReplay
    @EventHandler
    void on(IssueDeadlineMissed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        toApplicant(event.applicationId(), eventId, at, MessageKind.ISSUE_DEADLINE_MISSED, Map.of(
                "issueBy", PersianFormat.jalali(event.issueBy())));
    }

    @DisallowReplay
    @EventHandler
    void on(CompletionCertificateIssued event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        toApplicant(event.applicationId(), eventId, at, MessageKind.COMPLETION_CERTIFICATE_ISSUED, Map.of(
                "certificateNumber", PersianFormat.identifier(event.certificateNumber()),
                "permitNumber", PersianFormat.identifier(event.permitNumber())));
    }

    private void toApplicant(String applicationId, String eventId, Instant at, MessageKind kind,
                             Map<String, String> values) {
        NotificationApplicationRecord application = application(applicationId);
        if (application != null) {
            toOwner(application, eventId, at, kind, values);
        }
    }

    /**
     * The applicant, and every engineer the applicant has consented to act for them on this file (or on any of their
     * applications for the parcel): what the owner must know, the one who acts for them must know too.
     */
    private void toOwner(NotificationApplicationRecord application, String eventId, Instant at, MessageKind kind,
                         Map<String, String> values) {
        queue(application, application.getApplicantSubject(), application.getApplicantName(), eventId, at, kind, values);
        for (NotificationRepresentativeRecord representative : dsl.selectFrom(NOTIFICATION_REPRESENTATIVE)
                .where(NOTIFICATION_REPRESENTATIVE.ACTIVE)
                .and(NOTIFICATION_REPRESENTATIVE.OWNER_SUBJECT.eq(application.getApplicantSubject()))
                .and(NOTIFICATION_REPRESENTATIVE.MUNICIPALITY_SLUG.eq(application.getMunicipalitySlug()))
                .and(NOTIFICATION_REPRESENTATIVE.PLATE.eq(application.getPlate()))
                .and(NOTIFICATION_REPRESENTATIVE.APPLICATION_ID.isNull()
                        .or(NOTIFICATION_REPRESENTATIVE.APPLICATION_ID.eq(application.getApplicationId())))
                .orderBy(NOTIFICATION_REPRESENTATIVE.CONSENT_ID)
                .fetch()) {
            // The outbox's key (event, recipient, channel) keeps an engineer with two matching consents, or who is
            // also the permit's supervising engineer, to one message per channel.
            queue(application, representative.getEngineerSubject(), representative.getEngineerName(), eventId, at,
                    kind, values);
        }
    }

    private void queue(NotificationApplicationRecord application, String recipient, String recipientName,
                       String eventId, Instant at, MessageKind kind, Map<String, String> own) {
        Map<String, String> values = common(recipientName, application.getMunicipalitySlug(), application.getPlate(),
                at);
        values.put("application", shortCode(application.getApplicationId()));
        values.putAll(own);
        outbox.queue(new Outbox.Message(eventId, at, kind, recipient, application.getMunicipalitySlug(),
                application.getApplicationId(), null, values));
    }

    /**
     * The application as this processor learned it from its submission. Missing only for an application submitted
     * before notifications were deployed (the processor starts at the head of the store): nobody to tell, which is
     * logged.
     */
    private NotificationApplicationRecord application(String applicationId) {
        NotificationApplicationRecord application = dsl.selectFrom(NOTIFICATION_APPLICATION)
                .where(NOTIFICATION_APPLICATION.APPLICATION_ID.eq(applicationId)).fetchOne();
        if (application == null) {
            log.info("No recipient known for {} (submitted before notifications started); nothing sent", applicationId);
        }
        return application;
    }

    private Map<String, String> common(String recipientName, String municipalitySlug, String plate, Instant at) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", recipientName == null ? "" : recipientName);
        values.put("municipality", municipalityName(municipalitySlug));
        values.put("plate", PersianFormat.identifier(plate));
        values.put("date", PersianFormat.jalali(at.atZone(IranTime.ZONE).toLocalDate()));
        return values;
    }

    private String municipalityName(String slug) {
        return dsl.select(MUNICIPALITY.NAME_FA).from(MUNICIPALITY).where(MUNICIPALITY.SLUG.eq(slug))
                .fetchOptional(MUNICIPALITY.NAME_FA).orElse(slug);
    }

    /** {@code floors-within-max (مجاز ۳، پیشنهادی ۴)}, one per violated rule. */
    private static String rules(List<ComplianceResult> rules) {
        return rules.stream()
                .map(r -> r.rule() + " (مجاز " + PersianText.persianDigits(nullToEmpty(r.permitted())) + "، پیشنهادی "
                        + PersianText.persianDigits(nullToEmpty(r.proposed())) + ")")
                .collect(Collectors.joining("؛ "));
    }

    private static String deviations(List<EnvelopeDeviation> deviations) {
        return deviations.stream()
                .map(d -> d.measure() + " (مجاز " + PersianText.persianDigits(nullToEmpty(d.approved())) + "، اجراشده "
                        + PersianText.persianDigits(nullToEmpty(d.measured())) + ")")
                .collect(Collectors.joining("؛ "));
    }

    /** The file's tracking code people read out on the phone: the first eight characters of its UUID. */
    private static String shortCode(String aggregateId) {
        String uuid = aggregateId.length() >= 36 ? aggregateId.substring(aggregateId.length() - 36) : aggregateId;
        return uuid.length() >= 8 ? uuid.substring(0, 8) : uuid;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
