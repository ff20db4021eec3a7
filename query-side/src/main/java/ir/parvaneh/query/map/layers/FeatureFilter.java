package ir.parvaneh.query.map.layers;

import ir.parvaneh.kernel.gis.Plate;

/**
 * Which features of a layer version a request wants: those meeting a bounding box, and on the parcels,
 * the one with a registry plate. Either may be absent.
 */
public record FeatureFilter(BoundingBox bbox, String plate) {

    public static final FeatureFilter NONE = new FeatureFilter(null, null);

    /** Plates are typed with Persian digits as often as Latin ones: they are matched as the import stored them. */
    public FeatureFilter {
        plate = plate == null || plate.isBlank() ? null : Plate.normalize(plate);
    }

    public boolean isEmpty() {
        return bbox == null && plate == null;
    }
}
