package ir.parvaneh.kernel.notification;

import ir.parvaneh.kernel.municipality.MunicipalityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on a municipality's message templates. Its administrator (or the province's) sends them. */
public final class MessageTemplateCommands {

    private MessageTemplateCommands() {
    }

    /**
     * Publishes the next version of the municipality's template for a kind of message on a channel ({@code SMS},
     * {@code EMAIL}, {@code IN_APP}, or {@code ANY} for every channel without its own). The text may name only the
     * kind's placeholders ({@link MessageKind#placeholders()}). Publishing the text already in force changes nothing.
     *
     * @param publishedAt the instant, from the caller's clock
     */
    public record PublishMessageTemplate(
            @TargetAggregateIdentifier MessageTemplateCatalogueId catalogueId,
            MunicipalityId municipalityId,
            String municipalitySlug,
            String kind,
            String channel,
            String title,
            String body,
            String publishedAt) {
    }
}
