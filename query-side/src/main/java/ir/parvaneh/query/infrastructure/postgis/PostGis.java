package ir.parvaneh.query.infrastructure.postgis;

import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The one place for PostGIS in jOOQ: plain-SQL templates for the {@code ST_*} functions the query side
 * uses (the open-source edition has no spatial DSL), and the WGS 84 geometry factory.
 */
public final class PostGis {

    public static final int WGS84 = 4326;
    /** Web Mercator: the plane vector tiles are cut in. */
    public static final int WEB_MERCATOR = 3857;
    private static final GeometryFactory WGS84_FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);
    /** Geometry computed in SQL and never fetched still needs a type; this is the generated columns' one. */
    private static final DataType<Geometry> GEOMETRY = SQLDataType.GEOMETRY.asConvertedDataType(new GeometryBinding());

    private PostGis() {
    }

    public static Point point(double latitude, double longitude) {
        return WGS84_FACTORY.createPoint(new Coordinate(longitude, latitude));
    }

    /** Geodesic distance in metres between two WGS 84 geometries (on the spheroid, via geography). */
    public static Field<Double> distanceMetres(Field<Geometry> geometry, Point point) {
        return DSL.field("ST_Distance({0}::geography, ST_GeomFromEWKT({1})::geography)", Double.class,
                geometry, DSL.val("SRID=" + WGS84 + ";" + point.toText()));
    }

    /**
     * A geometry as GeoJSON text, written by PostGIS: far cheaper than decoding it into JTS and encoding it
     * again, and 7 decimals of a degree are about a centimetre.
     */
    public static Field<String> asGeoJson(Field<Geometry> geometry, int decimals) {
        return DSL.field("ST_AsGeoJSON({0}, {1})", String.class, geometry, DSL.inline(decimals));
    }

    /** The WGS 84 rectangle between two corners, in degrees. */
    public static Field<Geometry> envelope(double minLon, double minLat, double maxLon, double maxLat) {
        return DSL.field("ST_MakeEnvelope({0}, {1}, {2}, {3}, {4})", GEOMETRY,
                DSL.val(minLon), DSL.val(minLat), DSL.val(maxLon), DSL.val(maxLat), DSL.inline(WGS84));
    }

    /** Whether two geometries share a point; PostGIS uses a spatial index on either side for the bounding boxes. */
    public static Condition intersects(Field<Geometry> geometry, Field<Geometry> other) {
        return DSL.condition("ST_Intersects({0}, {1})", geometry, other);
    }

    /** Bounding boxes overlap ({@code &&}): the index-only pre-filter, without the exact test. */
    public static Condition boxesOverlap(Field<Geometry> geometry, Field<Geometry> other) {
        return DSL.condition("{0} && {1}", geometry, other);
    }

    /**
     * The Web Mercator square of tile z/x/y (XYZ scheme, y down), widened on each side by {@code margin},
     * a fraction of the tile's width.
     */
    public static Field<Geometry> tileEnvelope(int z, int x, int y, double margin) {
        return DSL.field("ST_TileEnvelope({0}, {1}, {2}, margin => {3})", GEOMETRY,
                DSL.val(z), DSL.val(x), DSL.val(y), DSL.val(margin));
    }

    public static Field<Geometry> transform(Field<Geometry> geometry, int srid) {
        return DSL.field("ST_Transform({0}, {1})", GEOMETRY, geometry, DSL.inline(srid));
    }

    /**
     * A geometry clipped to a tile (plus {@code buffer} units around it) in the tile's integer coordinates
     * ({@code extent} units across); {@code null} when nothing of it is left at that resolution.
     */
    public static Field<Geometry> asMvtGeometry(Field<Geometry> mercatorGeometry, Field<Geometry> tile, int extent,
                                                int buffer) {
        return DSL.field("ST_AsMVTGeom({0}, {1}, {2}, {3}, true)", GEOMETRY,
                mercatorGeometry, tile, DSL.inline(extent), DSL.inline(buffer));
    }

    /**
     * The Mapbox vector tile layer {@code layerName} built from every row of {@code rows} (a derived table's
     * name): column {@code geometryColumn} is the geometry, {@code idColumn} the feature id, and the other
     * columns become attributes.
     */
    public static Field<byte[]> asMvt(Name rows, String layerName, int extent, String geometryColumn,
                                      String idColumn) {
        return DSL.field("ST_AsMVT({0}, {1}, {2}, {3}, {4})", SQLDataType.BLOB, rows,
                DSL.val(layerName), DSL.inline(extent), DSL.inline(geometryColumn), DSL.inline(idColumn));
    }
}
