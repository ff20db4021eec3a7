package ir.parvaneh.query.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.query.infrastructure.security.Caller;
import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;

/**
 * The message templates of a municipality, or of the province ({@code province}: the defaults every municipality
 * inherits). Reading them is public, like the municipality; a new version is published by the municipality's
 * administrator (or the province's), never by a code change.
 */
@RestController
@Tag(name = "Notification templates", description = "Persian message templates per municipality, versioned")
class MessageTemplateController {

    static final String PROVINCE_SLUG = "province";

    /** A new version's text; placeholders in braces, e.g. {@code {plate}}. */
    record TemplateText(String title, String body) {
    }

    private final MessageTemplates templates;
    private final DSLContext dsl;

    MessageTemplateController(MessageTemplates templates, DSLContext dsl) {
        this.templates = templates;
        this.dsl = dsl;
    }

    @GetMapping("/api/municipalities/{slug}/notification-templates")
    @Operation(summary = "The templates in force for each kind of message, with their versions and placeholders")
    List<MessageTemplates.Template> inForce(@PathVariable String slug) {
        return templates.inForce(scope(slug));
    }

    @GetMapping("/api/municipalities/{slug}/notification-templates/{kind}")
    @Operation(summary = "Every version the municipality published for one kind of message, newest first")
    List<MessageTemplates.Template> history(@PathVariable String slug, @PathVariable String kind) {
        return templates.history(scope(slug), kind(kind));
    }

    @PutMapping("/api/municipalities/{slug}/notification-templates/{kind}/{channel}")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Publish the next version of a template (channel SMS, EMAIL, IN_APP or ANY); "
            + "the municipality's administrator, or the province's")
    MessageTemplates.Template publish(@PathVariable String slug, @PathVariable String kind,
                                      @PathVariable String channel, @RequestBody TemplateText text) {
        Caller caller = Caller.current().requireAny(Role.MUNICIPAL_ADMIN, Role.PROVINCE_ADMIN);
        String scope = scope(slug);
        if (!caller.has(Role.PROVINCE_ADMIN) && (MessageTemplates.PROVINCE.equals(scope) || !caller.staffOf(slug))) {
            throw new DomainException(ErrorCode.FORBIDDEN_MUNICIPALITY,
                    "Only this municipality's administrator (or the province's) publishes its templates");
        }
        if (text == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "title and body are required");
        }
        return templates.publish(scope, kind(kind), channel, text.title(), text.body(), caller.subject());
    }

    /** {@code province} is the province's defaults; any other slug must be a municipality the query side knows. */
    private String scope(String slug) {
        if (PROVINCE_SLUG.equals(slug)) {
            return MessageTemplates.PROVINCE;
        }
        if (!dsl.fetchExists(MUNICIPALITY, MUNICIPALITY.SLUG.eq(slug))) {
            throw new DomainException(ErrorCode.MUNICIPALITY_NOT_FOUND, "No municipality " + slug);
        }
        return slug;
    }

    private static MessageKind kind(String kind) {
        try {
            return MessageKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No kind of message " + kind);
        }
    }
}
