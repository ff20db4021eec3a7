package ir.parvaneh.command.notification.write;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.notification.MessageTemplateCatalogueId;
import ir.parvaneh.kernel.notification.MessageTemplateCommands.PublishMessageTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * A municipality's administrator (or the province's) words the municipality's messages: each call publishes the next
 * version of one template. The query side serves the templates in force and renders messages with them.
 */
@RestController
@Tag(name = "Notification templates", description = "The Persian texts of a municipality's messages, versioned")
@SecurityRequirement(name = "bearer")
class MessageTemplateController {

    /** A template's text; placeholders in braces, e.g. {@code {plate}} (docs/notifications.md lists each kind's). */
    record TemplateText(String title, String body) {
    }

    record Published(String municipality, String kind, String channel, int version) {
    }

    private final ActingCommands commands;
    private final CurrentActor currentActor;
    private final MunicipalitySlugs slugs;
    private final Clock clock;

    MessageTemplateController(ActingCommands commands, CurrentActor currentActor, MunicipalitySlugs slugs, Clock clock) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.slugs = slugs;
        this.clock = clock;
    }

    @PutMapping("/api/municipalities/{slug}/notification-templates/{kind}/{channel}")
    @Operation(summary = "Publish the next version of a message template (municipal administrator)",
            description = "channel: SMS, EMAIL, IN_APP or ANY. Answers with the version in force: the new one, or the "
                    + "current one when the text is the same as it (then nothing is recorded).")
    ResponseEntity<Published> publish(@PathVariable String slug, @PathVariable String kind,
                                      @PathVariable String channel, @RequestBody TemplateText text) {
        Actor actor = currentActor.actingAs(Role.MUNICIPAL_ADMIN, Role.PROVINCE_ADMIN);
        MunicipalityId municipality = slugs.require(slug);
        if (text == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "title and body are required");
        }
        Integer version = commands.send(new PublishMessageTemplate(MessageTemplateCatalogueId.of(municipality),
                municipality, slug, kind, channel, text.title(), text.body(), clock.instant().toString()), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Published(slug, kind, channel, version));
    }
}
