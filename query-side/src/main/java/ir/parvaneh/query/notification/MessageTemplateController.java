package ir.parvaneh.query.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.notification.MessageKind;
import org.jooq.DSLContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;

/**
 * The message templates of a municipality, or of the province ({@code province}: the defaults every municipality
 * inherits). Reading them is public, like the municipality. A municipality's administrator publishes a new version
 * through the command API ({@code PUT /api/municipalities/{slug}/notification-templates/{kind}/{channel}} on the
 * command side); it is here a moment later.
 */
@RestController
@Tag(name = "Notification templates", description = "Persian message templates per municipality, versioned")
class MessageTemplateController {

    static final String PROVINCE_SLUG = "province";

    private final MessageTemplates templates;
    private final DSLContext dsl;

    MessageTemplateController(MessageTemplates templates, DSLContext dsl) {
        this.templates = templates;
        this.dsl = dsl;
    }

    @GetMapping("/api/municipalities/{slug}/notification-templates")
    @Operation(summary = "The templates in force for each kind of message and channel, with their versions")
    List<MessageTemplates.Template> inForce(@PathVariable String slug) {
        return templates.inForce(scope(slug));
    }

    @GetMapping("/api/municipalities/{slug}/notification-templates/{kind}")
    @Operation(summary = "Every version the municipality published for one kind of message, newest first")
    List<MessageTemplates.Template> history(@PathVariable String slug, @PathVariable String kind) {
        return templates.history(scope(slug), kind(kind));
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
