package ir.parvaneh.kernel.rulebook;

import ir.parvaneh.kernel.id.PrefixedId;
import ir.parvaneh.kernel.municipality.MunicipalityId;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a municipality's {@code RulebookCatalogue} aggregate, written {@code rulebook-catalogue-<uuid>}
 * with the municipality's own UUID: one per municipality, addressed without a look-up and created by the
 * first publication.
 */
public record RulebookCatalogueId(UUID value) {

    public static final String PREFIX = "rulebook-catalogue";

    public RulebookCatalogueId {
        Objects.requireNonNull(value, "value");
    }

    public static RulebookCatalogueId of(MunicipalityId municipality) {
        return new RulebookCatalogueId(municipality.value());
    }

    public static RulebookCatalogueId parse(String text) {
        return new RulebookCatalogueId(PrefixedId.parse(PREFIX, text));
    }

    public MunicipalityId municipalityId() {
        return new MunicipalityId(value);
    }

    @Override
    public String toString() {
        return PrefixedId.format(PREFIX, value);
    }
}
