package ir.parvaneh.command.gis.write.importing;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON geometry object into JTS, for the types layers hold: (Multi)Polygon and
 * (Multi)LineString. Anything else is named as the wrong type; a malformed coordinate array is refused
 * with the reason (an {@link IllegalArgumentException} the importer turns into a feature rejection).
 */
final class GeoJsonGeometries {

    private GeoJsonGeometries() {
    }

    /** Thrown for a geometry type the layer does not hold. */
    static final class UnsupportedType extends IllegalArgumentException {
        UnsupportedType(String type) {
            super(type);
        }
    }

    static Geometry read(JsonNode geometry, GeometryFactory factory) {
        if (geometry == null || geometry.isNull()) {
            throw new UnsupportedType("null");
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates, factory);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[arraySize(coordinates, "MultiPolygon")];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i), factory);
                }
                yield factory.createMultiPolygon(polygons);
            }
            case "LineString" -> line(coordinates, factory);
            case "MultiLineString" -> {
                LineString[] lines = new LineString[arraySize(coordinates, "MultiLineString")];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = line(coordinates.get(i), factory);
                }
                yield factory.createMultiLineString(lines);
            }
            default -> throw new UnsupportedType(type.isEmpty() ? "(no type)" : type);
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        int count = arraySize(rings, "Polygon");
        if (count == 0) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(rings.get(0), factory);
        LinearRing[] holes = new LinearRing[count - 1];
        for (int i = 1; i < count; i++) {
            holes[i - 1] = ring(rings.get(i), factory);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, GeometryFactory factory) {
        Coordinate[] coordinates = coordinates(positions);
        if (coordinates.length > 0 && coordinates.length < 4) {
            throw new IllegalArgumentException("a polygon ring needs at least 4 positions, it has " + coordinates.length);
        }
        if (coordinates.length > 0 && !coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new IllegalArgumentException("a polygon ring must end where it starts");
        }
        return factory.createLinearRing(coordinates);
    }

    private static LineString line(JsonNode positions, GeometryFactory factory) {
        Coordinate[] coordinates = coordinates(positions);
        if (coordinates.length == 1) {
            throw new IllegalArgumentException("a line needs at least 2 positions");
        }
        return factory.createLineString(coordinates);
    }

    private static Coordinate[] coordinates(JsonNode positions) {
        Coordinate[] coordinates = new Coordinate[arraySize(positions, "position list")];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode position = positions.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new IllegalArgumentException("position " + i + " is not [x, y]");
            }
            double x = position.get(0).doubleValue();
            double y = position.get(1).doubleValue();
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("position " + i + " is not finite");
            }
            coordinates[i] = new Coordinate(x, y);
        }
        return coordinates;
    }

    private static int arraySize(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("the " + what + " coordinates are not an array");
        }
        return node.size();
    }
}
