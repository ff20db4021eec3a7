package ir.parvaneh.command.notification.write;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.ActorRules.MayAdministerMunicipality;
import ir.parvaneh.kernel.identity.ActorRules.ServesMunicipality;
import ir.parvaneh.kernel.notification.MessageKind;
import ir.parvaneh.kernel.notification.MessageTemplateCommands.PublishMessageTemplate;
import ir.parvaneh.kernel.notification.MessageTemplateEvent.MessageTemplatePublished;
import ir.parvaneh.kernel.notification.MessageTemplateRules;
import ir.parvaneh.kernel.text.PersianText;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A municipality's message templates (docs/notifications.md): the Persian texts of the SMS, e-mails and inbox messages
 * the platform sends its citizens, which the municipality words for itself without a code change. Each text is a
 * numbered version of its (kind, channel), published by the municipality's administrator (or the province's) and
 * never changed; the query side renders messages with the version in force and records which one it used.
 */
@Aggregate
public class MessageTemplateCatalogue {

    /** The version in force of one (kind, channel). */
    private record Current(int version, String title, String body) {
    }

    @AggregateIdentifier
    private String id;
    private final Map<String, Current> latest = new HashMap<>();

    protected MessageTemplateCatalogue() {
        // for Axon
    }

    /** Returns the version in force after the command: the new one, or the current one if the text is unchanged. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(PublishMessageTemplate command, Actor actor) {
        new MayAdministerMunicipality(actor).verify();
        new ServesMunicipality(actor, command.municipalitySlug()).verify();
        if (command.municipalityId() == null || !command.catalogueId().municipalityId().equals(command.municipalityId())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, command.catalogueId()
                    + " is not the template catalogue of " + command.municipalityId()).with("field", "municipalityId");
        }
        MessageKind kind = MessageTemplateRules.kind(command.kind());
        String title = PersianText.normalize(command.title());
        String body = PersianText.normalize(command.body());
        MessageTemplateRules.verify(kind, command.channel(), title, body);
        String key = kind.name() + "/" + command.channel();
        Current current = latest.get(key);
        if (current != null && current.title().equals(title) && current.body().equals(body)) {
            return current.version();
        }
        int version = current == null ? 1 : current.version() + 1;
        apply(new MessageTemplatePublished(command.catalogueId().toString(), command.municipalityId().toString(),
                command.municipalitySlug(), kind.name(), command.channel(), version, title, body, actor.subject(),
                command.publishedAt()));
        return version;
    }

    @EventSourcingHandler
    void on(MessageTemplatePublished event) {
        id = event.catalogueId();
        latest.put(event.kind() + "/" + event.channel(), new Current(event.version(), event.title(), event.body()));
    }
}
