package ir.parvaneh.kernel.notification;

import org.axonframework.serialization.Revision;

/** What happened to a municipality's message templates. The acting administrator is also in the event's metadata. */
public sealed interface MessageTemplateEvent {

    String catalogueId();

    /**
     * A version of a template was published; it is in force for messages queued from then on. Versions count from 1
     * per (kind, channel) and never change once published.
     *
     * @param channel         {@code SMS}, {@code EMAIL}, {@code IN_APP} or {@code ANY}
     * @param title           the e-mail's subject and the inbox title (NFC)
     * @param body            the text, with {@code {placeholders}} (NFC)
     * @param publisherSubject the administrator who published it
     * @param publishedAt     the instant (UTC, ISO-8601)
     */
    @Revision("1")
    record MessageTemplatePublished(
            String catalogueId,
            String municipalityId,
            String municipalitySlug,
            String kind,
            String channel,
            int version,
            String title,
            String body,
            String publisherSubject,
            String publishedAt) implements MessageTemplateEvent {
    }
}
