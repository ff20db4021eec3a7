package ir.parvaneh.query.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.query.jooq.query.tables.records.NotificationTemplateRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
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
 * {@code *}) and each municipality's own versions, published by its administrator without a code change. A version
 * is never changed once written; the text in force for (municipality, kind, channel) is the latest version of the
 * most specific template: the municipality's for the channel, its for any channel, the province's for the channel,
 * the province's for any channel.
 */
@Component
public class MessageTemplates implements InitializingBean {

    static final String PROVINCE = "*";
    static final String ANY_CHANNEL = "ANY";
    static final String DEFAULTS_RESOURCE = "notification/default-templates.json";
    private static final String DEFAULTS_PUBLISHER = "system:province-default-templates";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final int MAX_TITLE = 200;
    private static final int MAX_BODY = 1000;

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
            validate(kind, ANY_CHANNEL, title, body);
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

    /**
     * Publishes the next version of a municipality's template (or, with {@code *}, of the province's). Refused, with
     * nothing written, when the text is empty, too long or names a placeholder the kind does not have.
     */
    public Template publish(String municipality, MessageKind kind, String channel, String title, String body,
                            String publisher) {
        String normalisedTitle = PersianText.normalize(title);
        String normalisedBody = PersianText.normalize(body);
        validate(kind, channel, normalisedTitle, normalisedBody);
        Integer latest = dsl.select(DSL.max(NOTIFICATION_TEMPLATE.VERSION)).from(NOTIFICATION_TEMPLATE)
                .where(NOTIFICATION_TEMPLATE.MUNICIPALITY_SLUG.eq(municipality))
                .and(NOTIFICATION_TEMPLATE.KIND.eq(kind.name()))
                .and(NOTIFICATION_TEMPLATE.CHANNEL.eq(channel))
                .fetchOne(0, Integer.class);
        int version = latest == null ? 1 : latest + 1;
        Instant now = clock.instant();
        try {
            dsl.insertInto(NOTIFICATION_TEMPLATE)
                    .set(NOTIFICATION_TEMPLATE.MUNICIPALITY_SLUG, municipality)
                    .set(NOTIFICATION_TEMPLATE.KIND, kind.name())
                    .set(NOTIFICATION_TEMPLATE.CHANNEL, channel)
                    .set(NOTIFICATION_TEMPLATE.VERSION, version)
                    .set(NOTIFICATION_TEMPLATE.TITLE, normalisedTitle)
                    .set(NOTIFICATION_TEMPLATE.BODY, normalisedBody)
                    .set(NOTIFICATION_TEMPLATE.PUBLISHED_BY, publisher)
                    .set(NOTIFICATION_TEMPLATE.PUBLISHED_AT, now.atOffset(java.time.ZoneOffset.UTC))
                    .execute();
        } catch (DuplicateKeyException | org.jooq.exception.IntegrityConstraintViolationException concurrent) {
            // Two administrators published the same version at once: the second retries on the new latest.
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION,
                    "Another version of this template was published at the same moment");
        }
        return new Template(municipality, kind, channel, version, normalisedTitle, normalisedBody, publisher, now);
    }

    /** Writes the message: each {@code {placeholder}} becomes its value (an empty value leaves a dash). */
    Rendered render(Template template, Map<String, String> values) {
        return new Rendered(fill(template.title(), values), fill(template.body(), values), template);
    }

    static void validate(MessageKind kind, String channel, String title, String body) {
        List<String> problems = new ArrayList<>();
        if (!ANY_CHANNEL.equals(channel) && !isChannel(channel)) {
            problems.add("channel must be SMS, EMAIL, IN_APP or ANY");
        }
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            problems.add("title must have 1 to " + MAX_TITLE + " characters");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            problems.add("body must have 1 to " + MAX_BODY + " characters");
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (String text : new String[]{title, body}) {
            if (text == null) {
                continue;
            }
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                if (!kind.placeholders().contains(matcher.group(1))) {
                    unknown.add(matcher.group(1));
                }
            }
            String withoutPlaceholders = PLACEHOLDER.matcher(text).replaceAll("");
            if (withoutPlaceholders.indexOf('{') >= 0 || withoutPlaceholders.indexOf('}') >= 0) {
                problems.add("a brace must open or close a placeholder such as {plate}");
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown placeholders " + unknown + "; " + kind + " allows " + kind.placeholders());
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ErrorCode.NOTIFICATION_TEMPLATE_INVALID, String.join("; ", problems))
                    .with("kind", kind.name())
                    .with("allowedPlaceholders", List.copyOf(new java.util.TreeSet<>(kind.placeholders())));
        }
    }

    private static boolean isChannel(String channel) {
        for (Channel c : Channel.values()) {
            if (c.name().equals(channel)) {
                return true;
            }
        }
        return false;
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
