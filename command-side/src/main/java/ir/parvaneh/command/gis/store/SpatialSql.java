package ir.parvaneh.command.gis.store;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The command side's one place for PostGIS in jOOQ: plain-SQL templates for the {@code ST_*} functions
 * (the open-source edition has no spatial DSL). Geometries cross into Java as WKB and are read with JTS.
 */
public final class SpatialSql {

    public static final int WGS84 = 4326;
    public static final int UTM_39N = 32639;

    private SpatialSql() {
    }

    public static Field<byte[]> wkb(Field<?> geometry) {
        return DSL.field("ST_AsBinary({0})", byte[].class, geometry);
    }

    /** WKB as hexadecimal text: exact, and safe inside JSON (as jOOQ's MULTISET carries nested rows). */
    public static Field<String> wkbHex(Field<?> geometry) {
        return DSL.field("encode(ST_AsBinary({0}), 'hex')", String.class, geometry);
    }

    /** WKT in WGS 84 with 7 decimals (about a centimetre). */
    public static Field<String> wkt(Field<?> geometry) {
        return DSL.field("ST_AsText({0}, 7)", String.class, geometry);
    }

    /** GeoJSON geometry text with 7 decimals. */
    public static Field<String> geoJson(Field<?> geometry) {
        return DSL.field("ST_AsGeoJSON({0}, 7)", String.class, geometry);
    }

    public static Field<Double> area(Field<?> geometry) {
        return DSL.field("ST_Area({0})", Double.class, geometry);
    }

    public static Field<Double> intersectionArea(Field<?> a, Field<?> b) {
        return DSL.field("ST_Area(ST_Intersection({0}, {1}))", Double.class, a, b);
    }

    public static Field<Double> centroidLatitude(Field<?> geometry) {
        return DSL.field("ST_Y(ST_PointOnSurface({0}))", Double.class, geometry);
    }

    public static Field<Double> centroidLongitude(Field<?> geometry) {
        return DSL.field("ST_X(ST_PointOnSurface({0}))", Double.class, geometry);
    }

    public static Condition intersects(Field<?> a, Field<?> b) {
        return DSL.condition("ST_Intersects({0}, {1})", a, b);
    }

    public static Condition withinDistance(Field<?> a, Field<?> b, double metres) {
        return DSL.condition("ST_DWithin({0}, {1}, {2})", a, b, DSL.inline(metres));
    }

    /** Whether {@code area} contains a point inside {@code geometry} (its point on surface). */
    public static Condition containsInteriorPointOf(Field<?> area, Field<?> geometry) {
        return DSL.condition("ST_Contains({0}, ST_PointOnSurface({1}))", area, geometry);
    }

    public static Field<Object> point(double latitude, double longitude) {
        return DSL.field("ST_SetSRID(ST_MakePoint({0}, {1}), 4326)", Object.class, DSL.val(longitude), DSL.val(latitude));
    }

    public static Field<Object> envelope(double minLon, double minLat, double maxLon, double maxLat) {
        return DSL.field("ST_MakeEnvelope({0}, {1}, {2}, {3}, 4326)", Object.class,
                DSL.val(minLon), DSL.val(minLat), DSL.val(maxLon), DSL.val(maxLat));
    }
}
