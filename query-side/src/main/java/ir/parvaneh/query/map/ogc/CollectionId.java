package ir.parvaneh.query.map.ogc;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerKind;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A collection of the OGC API: one layer of one municipality, written {@code <slug>-<layer>}
 * ({@code qazvin-parcels}, {@code qazvin-price-blocks}). Slugs may hold hyphens too, so the layer is read
 * from the end.
 */
record CollectionId(String slug, LayerKind layer) {

    static CollectionId parse(String text) {
        return Arrays.stream(LayerKind.values())
                // The longest layer name first, so that no shorter one could ever match its tail.
                .sorted(Comparator.comparingInt((LayerKind k) -> k.path().length()).reversed())
                .filter(k -> text.endsWith("-" + k.path()) && text.length() > k.path().length() + 1)
                .findFirst()
                .map(k -> new CollectionId(text.substring(0, text.length() - k.path().length() - 1), k))
                .orElseThrow(() -> new DomainException(ErrorCode.LAYER_UNKNOWN, "No collection is called '" + text
                        + "': collections are <municipality slug>-<layer>, the layers being "
                        + Arrays.stream(LayerKind.values()).map(LayerKind::path).toList()));
    }

    @Override
    public String toString() {
        return slug + "-" + layer.path();
    }
}
