package ir.parvaneh.query.map.layers;

import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.LayerVersionId;

import java.time.LocalDate;

/**
 * The version of one municipality's layer in force on a day: the activation with the latest
 * {@code effectiveFrom} on or before that day (the later activation of the same day wins).
 *
 * @param day           the day asked about (Asia/Tehran)
 * @param effectiveFrom the first day of the activation that put this version in force
 * @param extent        the bounding box of the version's features, recorded by its import
 */
public record LayerInForce(Municipality municipality, LayerKind layer, LayerVersionId version, String sha256,
                           int featureCount, BoundingBox extent, LocalDate effectiveFrom, LocalDate day) {

    /** The municipality as the map services name it: its id in the layer store, its slug and names. */
    public record Municipality(String id, String slug, String nameFa, String nameEn) {
    }

    public FeatureTable table() {
        return FeatureTable.of(layer);
    }
}
