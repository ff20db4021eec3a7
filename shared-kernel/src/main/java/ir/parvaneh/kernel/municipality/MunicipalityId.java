package ir.parvaneh.kernel.municipality;

import ir.parvaneh.kernel.id.PrefixedId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@code Municipality} aggregate; written {@code municipality-<uuid>}. */
public record MunicipalityId(UUID value) {

    public static final String PREFIX = "municipality";

    public MunicipalityId {
        Objects.requireNonNull(value, "value");
    }

    public static MunicipalityId random() {
        return new MunicipalityId(UUID.randomUUID());
    }

    public static MunicipalityId parse(String text) {
        return new MunicipalityId(PrefixedId.parse(PREFIX, text));
    }

    /**
     * The id a province's reference list gives a municipality: a name-based UUID of its slug, so that
     * loading the same list again addresses the same aggregates and registers nothing twice.
     */
    public static MunicipalityId forProvinceSlug(String slug) {
        return new MunicipalityId(UUID.nameUUIDFromBytes(("parvaneh:municipality:" + slug).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return PrefixedId.format(PREFIX, value);
    }
}
