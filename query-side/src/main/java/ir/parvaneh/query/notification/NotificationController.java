package ir.parvaneh.query.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.time.IranTime;
import ir.parvaneh.kernel.time.JalaliDate;
import ir.parvaneh.query.infrastructure.security.Caller;
import ir.parvaneh.query.jooq.query.tables.records.NotificationRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A person's messages and their choice of channels. Everyone signed in reads only their own. */
@RestController
@Tag(name = "Notifications", description = "The messages sent to me, and how I want to receive them")
@SecurityRequirement(name = "bearer")
class NotificationController {

    private static final int MAX_LIMIT = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** When it happened, as people in Iran read it: the Jalali day (also in Persian digits) and Tehran's time. */
    record When(Instant at, String jalaliDate, String jalaliDateFa, String tehranTime) {
        static When of(Instant at) {
            if (at == null) {
                return null;
            }
            ZonedDateTime tehran = at.atZone(IranTime.ZONE);
            return new When(at, JalaliDate.of(tehran.toLocalDate()).toString(),
                    PersianFormat.jalali(tehran.toLocalDate()), tehran.format(TIME));
        }
    }

    /** The template version that wrote a message. */
    record TemplateUsed(String municipality, String channel, int version) {
    }

    /** One message on one channel, with its delivery status. */
    record MessageView(String id, String kind, String channel, String status, String title, String body,
                       String applicationId, String assessmentId, String municipality, When occurred, When sent,
                       int attempts, String lastError, Instant nextAttemptAt, TemplateUsed template) {
        static MessageView of(NotificationRecord row) {
            return new MessageView(row.getId().toString(), row.getKind(), row.getChannel(), row.getStatus(),
                    row.getTitle(), row.getBody(), row.getApplicationId(), row.getAssessmentId(),
                    row.getMunicipalitySlug(), When.of(row.getOccurredAt().toInstant()),
                    row.getSentAt() == null ? null : When.of(row.getSentAt().toInstant()), row.getAttempts(),
                    reason(row.getLastError()), row.getNextAttemptAt() == null ? null : row.getNextAttemptAt().toInstant(),
                    new TemplateUsed(row.getTemplateMunicipality(), row.getTemplateChannel(),
                            row.getTemplateVersion()));
        }
    }

    /**
     * Why a message has not gone yet, as its recipient may read it: the missing address, or that the gateway failed
     * (its own message, which may name servers, stays in the outbox for operators).
     */
    static String reason(String lastError) {
        if (lastError == null || lastError.startsWith("NO_")) {
            return lastError;
        }
        return "GATEWAY_ERROR";
    }

    /**
     * What a person chose. {@code channels} always holds IN_APP; {@code phoneSource}/{@code emailSource} say whether
     * the detail came from the identity provider (TOKEN) or from the person (PERSON).
     */
    record PreferencesView(List<Channel> channels, String phone, String phoneSource, String email,
                           String emailSource) {
        static PreferencesView of(Contacts.Preferences preferences) {
            List<Channel> channels = new ArrayList<>();
            if (preferences.sms()) {
                channels.add(Channel.SMS);
            }
            if (preferences.emailEnabled()) {
                channels.add(Channel.EMAIL);
            }
            channels.add(Channel.IN_APP);
            return new PreferencesView(channels, preferences.phone(), preferences.phoneSource(), preferences.email(),
                    preferences.emailSource());
        }
    }

    /** A new choice: the channels wanted, and optionally a mobile number and e-mail address ({@code null} keeps). */
    record PreferencesChange(Set<Channel> channels, String phone, String email) {
    }

    private final Outbox outbox;
    private final Contacts contacts;

    NotificationController(Outbox outbox, Contacts contacts) {
        this.outbox = outbox;
        this.contacts = contacts;
    }

    @GetMapping("/api/me/notifications")
    @Operation(summary = "Every message sent (or waiting to be sent) to me, newest first, on every channel")
    List<MessageView> mine(@Parameter(description = "At most this many (1–500, default 100)")
                           @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX_LIMIT);
        }
        return outbox.to(Caller.current().subject(), limit).stream().map(MessageView::of).toList();
    }

    @GetMapping("/api/me/notification-preferences")
    @Operation(summary = "My channels and contact details (SMS first, e-mail where known, the inbox always)")
    PreferencesView preferences() {
        return PreferencesView.of(contacts.of(Caller.current().subject()));
    }

    @PutMapping("/api/me/notification-preferences")
    @Operation(summary = "Choose my channels and, optionally, set my mobile number and e-mail address")
    PreferencesView choose(@RequestBody PreferencesChange change) {
        if (change == null || change.channels() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "channels is required (e.g. [\"SMS\", \"IN_APP\"])");
        }
        Set<Channel> channels = change.channels().isEmpty() ? EnumSet.noneOf(Channel.class)
                : EnumSet.copyOf(change.channels());
        return PreferencesView.of(contacts.choose(Caller.current().subject(), channels, change.phone(),
                change.email()));
    }
}
