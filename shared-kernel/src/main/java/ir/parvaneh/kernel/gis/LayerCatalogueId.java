package ir.parvaneh.kernel.gis;

import ir.parvaneh.kernel.id.PrefixedId;
import ir.parvaneh.kernel.municipality.MunicipalityId;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a municipality's {@code LayerCatalogue} aggregate, written {@code layer-catalogue-<uuid>}.
 * Each municipality has exactly one, with the municipality's own UUID, so that it can be addressed
 * without a lookup and created by the first import.
 */
public record LayerCatalogueId(UUID value) {

    public static final String PREFIX = "layer-catalogue";

    public LayerCatalogueId {
        Objects.requireNonNull(value, "value");
    }

    public static LayerCatalogueId of(MunicipalityId municipality) {
        return new LayerCatalogueId(municipality.value());
    }

    public static LayerCatalogueId parse(String text) {
        return new LayerCatalogueId(PrefixedId.parse(PREFIX, text));
    }

    public MunicipalityId municipalityId() {
        return new MunicipalityId(value);
    }

    @Override
    public String toString() {
        return PrefixedId.format(PREFIX, value);
    }
}
