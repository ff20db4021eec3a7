package ir.parvaneh.query.infrastructure.postgis;

import org.jooq.Field;
import org.jooq.impl.DSL;
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
    private static final GeometryFactory WGS84_FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);

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
}
