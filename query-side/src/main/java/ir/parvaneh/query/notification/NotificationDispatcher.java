package ir.parvaneh.query.notification;

import ir.parvaneh.query.jooq.query.tables.records.NotificationRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static ir.parvaneh.query.jooq.query.Tables.NOTIFICATION;

/**
 * Sends the outbox's due SMS and e-mail through their gateways. Each message is claimed, sent and marked in one
 * transaction of its own: the row is locked with {@code FOR UPDATE SKIP LOCKED}, so any number of query-side
 * instances can run the dispatcher without sending a message twice, and a message marked SENT is never picked again.
 *
 * <p>The one window left: the gateway accepted a message and the instance died (or the database failed) before the
 * SENT mark committed. The row is then still PENDING and is sent again; the stable message id (the row's id, given to
 * the gateway and as the e-mail's Message-ID) lets a de-duplicating gateway or mail client drop the copy. Marking the
 * row first and sending after the commit would close that window by losing the message instead; for a permit's news
 * a rare duplicate is the lesser harm (docs/notifications.md).
 */
@Component
class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int MAX_ERROR = 1000;

    private final DSLContext dsl;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final NotificationSettings settings;
    private final Contacts contacts;
    private final SmsGateway sms;
    private final EmailGateway email;

    NotificationDispatcher(DSLContext dsl, PlatformTransactionManager transactions, Clock clock,
                           NotificationSettings settings, Contacts contacts, SmsGateway sms, EmailGateway email) {
        this.dsl = dsl;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = settings;
        this.contacts = contacts;
        this.sms = sms;
        this.email = email;
    }

    @Scheduled(fixedDelayString = "${parvaneh.notifications.dispatch-interval-ms:2000}",
            initialDelayString = "${parvaneh.notifications.dispatch-interval-ms:2000}")
    void dispatchDue() {
        if (!settings.dispatch()) {
            return;
        }
        try {
            int handled = 0;
            while (handled < settings.batch() && Boolean.TRUE.equals(transaction.execute(status -> dispatchOne()))) {
                handled++;
            }
        } catch (RuntimeException e) {
            // The database failed under the dispatcher: the rows stay as they were and the next round tries again.
            log.warn("Dispatching notifications failed; the next round retries", e);
        }
    }

    /** Claims, sends and marks one due message; {@code false} when none is due. */
    private boolean dispatchOne() {
        Instant now = clock.instant();
        NotificationRecord row = dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.STATUS.eq(Outbox.PENDING))
                .and(NOTIFICATION.CHANNEL.in(Channel.SMS.name(), Channel.EMAIL.name()))
                .and(NOTIFICATION.NEXT_ATTEMPT_AT.le(now.atOffset(ZoneOffset.UTC)))
                .orderBy(NOTIFICATION.NEXT_ATTEMPT_AT)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOne();
        if (row == null) {
            return false;
        }
        Channel channel = Channel.valueOf(row.getChannel());
        Contacts.Preferences contact = contacts.of(row.getRecipientSubject());
        String address = channel == Channel.SMS ? contact.phone() : contact.email();
        if (address == null) {
            waitForAddress(row, channel, now);
        } else {
            deliver(row, channel, address, now);
        }
        row.update();
        return true;
    }

    /**
     * No phone (or address) known yet: the identity provider may not carry one, or the person has not signed in since
     * the message was queued. The message waits for one, then is UNDELIVERABLE; the inbox has it either way.
     */
    private void waitForAddress(NotificationRecord row, Channel channel, Instant now) {
        String reason = channel == Channel.SMS ? "NO_MOBILE_NUMBER" : "NO_EMAIL_ADDRESS";
        row.setLastError(reason);
        if (row.getCreatedAt().toInstant().plus(settings.contactWait()).isAfter(now)) {
            row.setNextAttemptAt(now.plus(settings.contactRecheck()).atOffset(ZoneOffset.UTC));
        } else {
            row.setStatus(Outbox.UNDELIVERABLE);
            row.setNextAttemptAt(null);
        }
    }

    private void deliver(NotificationRecord row, Channel channel, String address, Instant now) {
        int attempt = row.getAttempts() + 1;
        row.setAttempts(attempt);
        try {
            String id = row.getId().toString();
            if (channel == Channel.SMS) {
                sms.send(id, address, row.getBody());
            } else {
                email.send(id, address, row.getTitle(), row.getBody());
            }
            row.setStatus(Outbox.SENT);
            row.setSentAt(now.atOffset(ZoneOffset.UTC));
            row.setAddress(address);
            row.setLastError(null);
            row.setNextAttemptAt(null);
        } catch (RuntimeException failure) {
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            row.setLastError(message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message);
            if (attempt >= settings.maxAttempts()) {
                row.setStatus(Outbox.FAILED);
                row.setNextAttemptAt(null);
                log.warn("{} {} failed for good after {} attempts: {}", channel, row.getId(), attempt, message);
            } else {
                row.setNextAttemptAt(now.plus(settings.backoffAfter(attempt)).atOffset(ZoneOffset.UTC));
                log.info("{} {} failed (attempt {}), retried later: {}", channel, row.getId(), attempt, message);
            }
        }
    }
}
