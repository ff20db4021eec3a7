package ir.parvaneh.kernel.gis;

import ir.parvaneh.kernel.id.PrefixedId;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of one immutable version of one layer of one municipality, written {@code layer-version-<uuid>},
 * created by the import before it stores the features. The version's content is identified by its
 * SHA-256 as well: the same content is never imported twice as two versions of a layer.
 */
public record LayerVersionId(UUID value) {

    public static final String PREFIX = "layer-version";

    public LayerVersionId {
        Objects.requireNonNull(value, "value");
    }

    public static LayerVersionId random() {
        return new LayerVersionId(UUID.randomUUID());
    }

    public static LayerVersionId parse(String text) {
        return new LayerVersionId(PrefixedId.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return PrefixedId.format(PREFIX, value);
    }
}
