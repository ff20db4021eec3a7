package ir.parvaneh.query.notification;

import ir.parvaneh.kernel.notification.MessageKind;
import ir.parvaneh.query.jooq.query.tables.records.NotificationRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ir.parvaneh.query.jooq.query.Tables.NOTIFICATION;

/**
 * The notification rows: written by the notifications processor in its batch's transaction (the same one that moves
 * its token), read by the dispatcher and by the inbox. One row per (event, recipient, channel); its id is derived from
 * that triple, so that the row, its retries and the gateways' de-duplication all share one stable id.
 */
@Component
class Outbox {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    static final String UNDELIVERABLE = "UNDELIVERABLE";

    /** What an event tells one person. {@code values} fill the template's placeholders. */
    record Message(String eventId, Instant occurredAt, MessageKind kind, String recipientSubject,
                   String municipalitySlug, String applicationId, String assessmentId, Map<String, String> values) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final MessageTemplates templates;
    private final Contacts contacts;
    private final EmailGateway email;

    Outbox(DSLContext dsl, Clock clock, MessageTemplates templates, Contacts contacts, EmailGateway email) {
        this.dsl = dsl;
        this.clock = clock;
        this.templates = templates;
        this.contacts = contacts;
        this.email = email;
    }

    /**
     * Queues the message on each channel the recipient has: the inbox always (delivered as written), SMS when chosen
     * (even with no phone known yet: it waits for one), e-mail when chosen, an address is known and a mail server is
     * configured. A row already written for the same event, recipient and channel is left as it is: a redelivered
     * event queues nothing twice.
     */
    void queue(Message message) {
        Contacts.Preferences preferences = contacts.of(message.recipientSubject());
        List<Channel> channels = new ArrayList<>(List.of(Channel.IN_APP));
        if (preferences.sms()) {
            channels.add(Channel.SMS);
        }
        // E-mail "where known": unlike SMS, which waits for a phone (it is how people here expect to hear), an e-mail
        // is queued only to an address known now, rather than waiting a day for one that most people never give.
        if (preferences.emailEnabled() && preferences.email() != null && email.available()) {
            channels.add(Channel.EMAIL);
        }
        Instant now = clock.instant();
        for (Channel channel : channels) {
            MessageTemplates.Template template = templates.inForce(message.municipalitySlug(), message.kind(), channel);
            MessageTemplates.Rendered text = templates.render(template, message.values());
            boolean inbox = channel == Channel.IN_APP;
            dsl.insertInto(NOTIFICATION)
                    .set(NOTIFICATION.ID, id(message.eventId(), message.recipientSubject(), channel))
                    .set(NOTIFICATION.EVENT_ID, message.eventId())
                    .set(NOTIFICATION.RECIPIENT_SUBJECT, message.recipientSubject())
                    .set(NOTIFICATION.CHANNEL, channel.name())
                    .set(NOTIFICATION.KIND, message.kind().name())
                    .set(NOTIFICATION.APPLICATION_ID, message.applicationId())
                    .set(NOTIFICATION.ASSESSMENT_ID, message.assessmentId())
                    .set(NOTIFICATION.MUNICIPALITY_SLUG, message.municipalitySlug())
                    .set(NOTIFICATION.TEMPLATE_MUNICIPALITY, template.municipality())
                    .set(NOTIFICATION.TEMPLATE_CHANNEL, template.channel())
                    .set(NOTIFICATION.TEMPLATE_VERSION, template.version())
                    .set(NOTIFICATION.TITLE, text.title())
                    .set(NOTIFICATION.BODY, text.body())
                    .set(NOTIFICATION.STATUS, inbox ? DELIVERED : PENDING)
                    .set(NOTIFICATION.NEXT_ATTEMPT_AT, inbox ? null : now.atOffset(ZoneOffset.UTC))
                    .set(NOTIFICATION.OCCURRED_AT, message.occurredAt().atOffset(ZoneOffset.UTC))
                    .set(NOTIFICATION.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                    .set(NOTIFICATION.SENT_AT, inbox ? now.atOffset(ZoneOffset.UTC) : null)
                    // The id derives from (event, recipient, channel): both keys name the same message.
                    .onConflictDoNothing()
                    .execute();
        }
    }

    /** Every message to the person, newest first. */
    List<NotificationRecord> to(String subject, int limit) {
        return dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.RECIPIENT_SUBJECT.eq(subject))
                .orderBy(NOTIFICATION.OCCURRED_AT.desc(), NOTIFICATION.KIND, NOTIFICATION.CHANNEL)
                .limit(limit)
                .fetch();
    }

    static UUID id(String eventId, String recipient, Channel channel) {
        return UUID.nameUUIDFromBytes((eventId + "|" + recipient + "|" + channel.name()).getBytes(StandardCharsets.UTF_8));
    }
}
