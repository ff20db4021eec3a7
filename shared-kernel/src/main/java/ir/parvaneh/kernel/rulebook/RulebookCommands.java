package ir.parvaneh.kernel.rulebook;

import ir.parvaneh.kernel.municipality.MunicipalityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on a municipality's {@code RulebookCatalogue}. */
public final class RulebookCommands {

    private RulebookCommands() {
    }

    /**
     * Publishes a rulebook version: its manifest names the municipality, the version label and the day it
     * comes into force (today or later). The content is checked in full first (DMN parsed, required outputs,
     * overlapping rows, gaps, units); a refused rulebook publishes nothing.
     */
    public record PublishRulebookVersion(
            @TargetAggregateIdentifier RulebookCatalogueId catalogueId,
            MunicipalityId municipalityId,
            String municipalitySlug,
            RulebookContent content) {
    }
}
