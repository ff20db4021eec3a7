package ir.parvaneh.query.notification;

import ir.parvaneh.kernel.notification.MessageTemplateEvent.MessageTemplatePublished;
import ir.parvaneh.kernel.text.PersianText;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

import static ir.parvaneh.query.jooq.query.Tables.NOTIFICATION_TEMPLATE;

/**
 * Projects the municipalities' published template versions into {@code query.notification_template}, beside the
 * province's defaults. A processor of its own, unlike the notifications processor: this is a plain projection, which
 * may be rebuilt (its reset deletes the municipalities' versions and never the province's defaults, which come from
 * the resource file). Idempotent: a version is keyed by (municipality, kind, channel, version).
 */
@Component
@ProcessingGroup(MessageTemplateProjector.PROCESSING_GROUP)
class MessageTemplateProjector {

    static final String PROCESSING_GROUP = "notification-templates";

    private final DSLContext dsl;

    MessageTemplateProjector(DSLContext dsl) {
        this.dsl = dsl;
    }

    @EventHandler
    void on(MessageTemplatePublished event) {
        dsl.insertInto(NOTIFICATION_TEMPLATE)
                .set(NOTIFICATION_TEMPLATE.MUNICIPALITY_SLUG, event.municipalitySlug())
                .set(NOTIFICATION_TEMPLATE.KIND, event.kind())
                .set(NOTIFICATION_TEMPLATE.CHANNEL, event.channel())
                .set(NOTIFICATION_TEMPLATE.VERSION, event.version())
                .set(NOTIFICATION_TEMPLATE.TITLE, PersianText.normalize(event.title()))
                .set(NOTIFICATION_TEMPLATE.BODY, PersianText.normalize(event.body()))
                .set(NOTIFICATION_TEMPLATE.PUBLISHED_BY, event.publisherSubject())
                .set(NOTIFICATION_TEMPLATE.PUBLISHED_AT, Instant.parse(event.publishedAt()).atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
    }

    @ResetHandler
    void reset() {
        dsl.deleteFrom(NOTIFICATION_TEMPLATE)
                .where(NOTIFICATION_TEMPLATE.MUNICIPALITY_SLUG.ne(MessageTemplates.PROVINCE))
                .execute();
    }
}
