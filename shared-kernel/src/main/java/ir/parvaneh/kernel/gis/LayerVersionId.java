package ir.parvaneh.kernel.gis;

import ir.parvaneh.kernel.id.PrefixedId;
import ir.parvaneh.kernel.municipality.MunicipalityId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of one immutable version of one layer of one municipality, written {@code layer-version-<uuid>}.
 * It is a name-based UUID of the municipality, the layer and the SHA-256 of the canonical content, so
 * the same content always has the same id and can never be imported twice as two versions.
 */
public record LayerVersionId(UUID value) {

    public static final String PREFIX = "layer-version";

    public LayerVersionId {
        Objects.requireNonNull(value, "value");
    }

    public static LayerVersionId of(MunicipalityId municipality, LayerKind layer, String sha256) {
        String name = "parvaneh:layer-version:" + municipality.value() + ":" + layer.path() + ":" + sha256;
        return new LayerVersionId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    public static LayerVersionId parse(String text) {
        return new LayerVersionId(PrefixedId.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return PrefixedId.format(PREFIX, value);
    }
}
