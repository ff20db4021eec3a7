package ir.parvaneh.query.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.notification.MessageKind;
import ir.parvaneh.kernel.notification.MessageTemplateRules;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.query.jooq.query.tables.records.NotificationTemplateRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ir.parvaneh.query.jooq.query.Tables.NOTIFICATION_TEMPLATE;

/**
 * The Persian message templates: the province's defaults (a resource file, loaded at start as municipality
 * {@code *}) and each municipality's own versions, published by its administrator without a code change (events
 * from the command side, projected by {@link MessageTemplateProjector}). A version is never changed once written; the text in force for (municipality, kind, channel) is the latest version of the
 * most specific template: the municipality's for the channel, its for any channel, the province's for the channel,
 * the province's for any channel.
 */
@Component
public class MessageTemplates implements InitializingBean {

    static final String PROVINCE = "*";
    static final String ANY_CHANNEL = MessageTemplateRules.ANY_CHANNEL;
    static final String DEFAULTS_RESOURCE = "notification/default-templates.json";
    private static final String DEFAULTS_PUBLISHER = "system:province-default-templates";
    private static final Pattern PLACEHOLDER = MessageTemplateRules.PLACEHOLDER;

    /** A template version. {@code municipality} is a slug or {@code *}; {@code channel} a {@link Channel} or ANY. */
    public record Template(String municipality, MessageKind kind, String channel, int version, String title,
                           String body, String publishedBy, Instant publishedAt) {
    }

    /** A message written from a template, with the template version that produced it. */
    record Rendered(String title, String body, Template template) {
    }

    private final DSLContext dsl;
    private final ObjectMapper json;
    private final Clock clock;

    MessageTemplates(DSLContext dsl, ObjectMapper json, Clock clock) {
        this.dsl = dsl;
        this.json = json;
        this.clock = clock;
    }

    /** Loads the province's defaults before any processor starts; every instance may do it, the key keeps one copy. */
    @Override
    public void afterPropertiesSet() {
        JsonNode defaults;
        try (InputStream in = new ClassPathResource(DEFAULTS_RESOURCE).getInputStream()) {
            defaults = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS_RESOURCE, e);
        }
        int version = defaults.path("version").asInt();
        Set<MessageKind> missing = new LinkedHashSet<>(List.of(MessageKind.values()));
        for (JsonNode template : defaults.path("templates")) {
            MessageKind kind = MessageKind.valueOf(template.path("kind").asText());
            String title = PersianText.normalize(template.path("title").asText());
            String body = PersianText.normalize(template.path("body").asText());
            MessageTemplateRules.verify(kind, ANY_CHANNEL, title, body);
            dsl.insertInto(NOTIFICATION_TEMPLATE)
                    .set(NOTIFICATION_TEMPLATE.MUNICIPALITY_SLUG, PROVINCE)
                    .set(NOTIFICATION_TEMPLATE.KIND, kind.name())
                    .set(NOTIFICATION_TEMPLATE.CHANNEL, ANY_CHANNEL)
                    .set(NOTIFICATION_TEMPLATE.VERSION, version)
                    .set(NOTIFICATION_TEMPLATE.TITLE, title)
                    .set(NOTIFICATION_TEMPLATE.BODY, body)
                    .set(NOTIFICATION_TEMPLATE.PUBLISHED_BY, DEFAULTS_PUBLISHER)
                    .set(NOTIFICATION_TEMPLATE.PUBLISHED_AT, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                    .onConflictDoNothing()
                    .execute();
            missing.remove(kind);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(DEFAULTS_RESOURCE + " has no default template for " + missing);
        }
    }

    /** The template in force for a message of this kind, to this channel, in this municipality. */
    Template inForce(String municipality, MessageKind kind, Channel channel) {
        String slug = municipality == null ? PROVINCE : municipality;
        NotificationTemplateRecord found = dsl.selectFrom(NOTIFICATION_TEMPLATE)
                .where(NOTIFICATION_TEMPLATE.KIND.eq(kind.name()))
                .and(NOTIFICATION_TEMPLATE.MUNICIPALITY_SLUG.in(slug, PROVINCE))
                .and(NOTIFICATION_TEMPLATE.CHANNEL.in(channel.name(), ANY_CHANNEL))
                .orderBy(DSL.when(NOTIFICATION_TEMPLATE.MUNICIPALITY_SLUG.eq(PROVINCE), 1).otherwise(0),
                        DSL.when(NOTIFICATION_TEMPLATE.CHANNEL.eq(ANY_CHANNEL), 1).otherwise(0),
                        NOTIFICATION_TEMPLATE.VERSION.desc())
                .limit(1)
                .fetchOne();
        if (found == null) {
            throw new IllegalStateException("No template for " + kind + ": the province's defaults were not loaded");
        }
        return template(found);
    }

    /** Every template in force for the municipality: per kind, each channel's and the any-channel one. */
    public List<Template> inForce(String municipality) {
        List<Template> all = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            for (Channel channel : Channel.values()) {
                Template template = inForce(municipality, kind, channel);
                if (all.stream().noneMatch(t -> same(t, template))) {
                    all.add(template);
                }
            }
        }
        return all;
    }

    /** Every version the municipality published for the kind, newest first. */
    public List<Template> history(String municipality, MessageKind kind) {
        return dsl.selectFrom(NOTIFICATION_TEMPLATE)
                .where(NOTIFICATION_TEMPLATE.MUNICIPALITY_SLUG.eq(municipality))
                .and(NOTIFICATION_TEMPLATE.KIND.eq(kind.name()))
                .orderBy(NOTIFICATION_TEMPLATE.CHANNEL, NOTIFICATION_TEMPLATE.VERSION.desc())
                .fetch(MessageTemplates::template);
    }

    /** Writes the message: each {@code {placeholder}} becomes its value (an empty value leaves a dash). */
    Rendered render(Template template, Map<String, String> values) {
        return new Rendered(fill(template.title(), values), fill(template.body(), values), template);
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? "-" : value));
        }
        matcher.appendTail(out);
        return PersianText.normalize(out.toString());
    }

    private static boolean same(Template a, Template b) {
        return a.municipality().equals(b.municipality()) && a.kind() == b.kind() && a.channel().equals(b.channel())
                && a.version() == b.version();
    }

    private static Template template(NotificationTemplateRecord row) {
        return new Template(row.getMunicipalitySlug(), MessageKind.valueOf(row.getKind()), row.getChannel(),
                row.getVersion(), row.getTitle(), row.getBody(), row.getPublishedBy(),
                row.getPublishedAt().toInstant());
    }
}
