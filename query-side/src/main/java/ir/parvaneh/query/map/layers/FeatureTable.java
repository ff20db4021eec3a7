package ir.parvaneh.query.map.layers;

import ir.parvaneh.kernel.gis.LayerKind;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;
import org.locationtech.jts.geom.Geometry;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static ir.parvaneh.query.jooq.layers.Tables.BOUNDARY;
import static ir.parvaneh.query.jooq.layers.Tables.OVERLAY;
import static ir.parvaneh.query.jooq.layers.Tables.PARCEL;
import static ir.parvaneh.query.jooq.layers.Tables.PASSAGE;
import static ir.parvaneh.query.jooq.layers.Tables.PRICE_BLOCK;
import static ir.parvaneh.query.jooq.layers.Tables.ZONE;

/**
 * Where one layer's features lie in the layer store, and which of their columns the map services publish
 * as properties. Properties carry the names of the import contract (docs/gis-layers.md), so a layer
 * downloaded from the map services has the attributes it was uploaded with. The UTM copy of the geometry is
 * for metric facts and is never published.
 *
 * @param featureIndex the feature's position in its imported file: the feature id on every layer, because a
 *                     parcel's plate ({@code 1234/56}) is awkward in a URL path
 * @param order        a total order of a version's features, so that pages never overlap or skip
 */
public record FeatureTable(LayerKind layer, Table<?> table, Field<UUID> versionId, Field<Integer> featureIndex,
                           Field<Geometry> geometry, List<Property> properties, List<SortField<?>> order) {

    /** A published property: its name and the column it is read from. */
    public record Property(String name, Field<?> column) {

        Property(Field<?> column) {
            this(column.getName(), column);
        }

        /** The column as selected, under the property's name. */
        public Field<?> selected() {
            return column.as(name);
        }
    }

    public static FeatureTable of(LayerKind layer) {
        return switch (layer) {
            case BOUNDARY -> new FeatureTable(layer, BOUNDARY, BOUNDARY.VERSION_ID, BOUNDARY.FEATURE_INDEX,
                    BOUNDARY.GEOM, List.of(new Property(BOUNDARY.NAME)), List.of(BOUNDARY.FEATURE_INDEX.asc()));
            // The plate is the parcel's key; the feature index is only indexed, so the plate breaks any tie.
            case PARCELS -> new FeatureTable(layer, PARCEL, PARCEL.VERSION_ID, PARCEL.FEATURE_INDEX, PARCEL.GEOM,
                    List.of(new Property(PARCEL.PLATE), new Property(PARCEL.RENOVATION_CODE)),
                    List.of(PARCEL.FEATURE_INDEX.asc(), PARCEL.PLATE.asc()));
            case ZONES -> new FeatureTable(layer, ZONE, ZONE.VERSION_ID, ZONE.FEATURE_INDEX, ZONE.GEOM,
                    List.of(new Property(ZONE.ZONE_CODE)), List.of(ZONE.FEATURE_INDEX.asc()));
            case PASSAGES -> new FeatureTable(layer, PASSAGE, PASSAGE.VERSION_ID, PASSAGE.FEATURE_INDEX, PASSAGE.GEOM,
                    List.of(new Property(PASSAGE.NAME), new Property(PASSAGE.WIDTH_M)),
                    List.of(PASSAGE.FEATURE_INDEX.asc()));
            case PRICE_BLOCKS -> new FeatureTable(layer, PRICE_BLOCK, PRICE_BLOCK.VERSION_ID,
                    PRICE_BLOCK.FEATURE_INDEX, PRICE_BLOCK.GEOM,
                    List.of(new Property(PRICE_BLOCK.BLOCK_CODE),
                            // Rials per square metre, uploaded as price_rials.
                            new Property("price_rials", PRICE_BLOCK.PRICE_RIALS_PER_M2)),
                    List.of(PRICE_BLOCK.FEATURE_INDEX.asc()));
            case OVERLAYS -> new FeatureTable(layer, OVERLAY, OVERLAY.VERSION_ID, OVERLAY.FEATURE_INDEX, OVERLAY.GEOM,
                    Stream.of(OVERLAY.OVERLAY_CODE, OVERLAY.KIND, OVERLAY.PRECEDENCE, OVERLAY.MAX_FLOORS,
                            OVERLAY.MAX_HEIGHT_M, OVERLAY.SETBACK_M, OVERLAY.REPLACEMENT_ZONE, OVERLAY.DESCRIPTION)
                            .map(Property::new).toList(),
                    List.of(OVERLAY.FEATURE_INDEX.asc()));
        };
    }

    /** The plate column, for the parcel look-up; only the parcels have one. */
    public Field<String> plate() {
        if (layer != LayerKind.PARCELS) {
            throw new IllegalStateException(layer.path() + " have no plates");
        }
        return PARCEL.PLATE;
    }

    /** The feature id, the geometry as GeoJSON and the properties: the columns a page of features selects. */
    List<Field<?>> columns(Field<String> geoJson) {
        return Stream.concat(Stream.of(featureIndex, geoJson), properties.stream().map(Property::selected)).toList();
    }
}
