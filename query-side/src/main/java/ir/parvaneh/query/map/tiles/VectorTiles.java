package ir.parvaneh.query.map.tiles;

import ir.parvaneh.query.infrastructure.postgis.PostGis;
import ir.parvaneh.query.map.layers.FeatureTable;
import ir.parvaneh.query.map.layers.LayerInForce;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts Mapbox vector tiles from the layer store with PostGIS ({@code ST_AsMVT}): one tile layer named
 * after the layer ({@code parcels}), the feature index as the feature id, the published properties as
 * attributes.
 */
@Component
class VectorTiles {

    /** Tile coordinates per side: the usual 4096. */
    static final int EXTENT = 4096;
    /** Geometry kept beyond each edge, in tile units, so that renderers draw no seams between tiles. */
    static final int BUFFER = 64;
    private static final Name ROWS = DSL.name("tile_rows");
    private static final String GEOMETRY = "geom";

    private final DSLContext dsl;

    VectorTiles(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The tile's bytes; empty when no feature of the version reaches into it. */
    byte[] tile(LayerInForce layer, TileAddress address) {
        FeatureTable table = layer.table();
        Field<Geometry> tile = PostGis.tileEnvelope(address.z(), address.x(), address.y(), 0);
        // The features are kept in WGS 84 and indexed there: look for them in the tile (with its buffer)
        // reprojected, and reproject only the ones found.
        Field<Geometry> searchArea = PostGis.transform(
                PostGis.tileEnvelope(address.z(), address.x(), address.y(), (double) BUFFER / EXTENT), PostGis.WGS84);
        List<Field<?>> columns = new ArrayList<>();
        columns.add(table.featureIndex());
        columns.add(PostGis.asMvtGeometry(PostGis.transform(table.geometry(), PostGis.WEB_MERCATOR), tile, EXTENT,
                BUFFER).as(GEOMETRY));
        for (FeatureTable.Property property : table.properties()) {
            // ST_AsMVT writes numbers it does not know (numeric) as text; a double stays a number.
            columns.add(property.column().getType() == BigDecimal.class
                    ? property.column().cast(Double.class).as(property.name()) : property.selected());
        }
        Table<?> rows = dsl.select(columns)
                .from(table.table())
                .where(table.versionId().eq(layer.version().value()), PostGis.boxesOverlap(table.geometry(), searchArea))
                .asTable(ROWS);
        byte[] bytes = dsl.select(PostGis.asMvt(ROWS, layer.layer().path(), EXTENT, GEOMETRY,
                        table.featureIndex().getName()))
                .from(rows)
                .where(DSL.field(DSL.name(ROWS.last(), GEOMETRY)).isNotNull())
                .fetchOne(0, byte[].class);
        return bytes == null ? new byte[0] : bytes;
    }
}
