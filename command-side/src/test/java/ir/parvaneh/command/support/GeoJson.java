package ir.parvaneh.command.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds small GeoJSON FeatureCollections for tests, in any CRS (coordinates as given). */
public final class GeoJson {

    private GeoJson() {
    }

    /** A FeatureCollection of the features, with a {@code crs} member when {@code crs} is not null. */
    public static String collection(String crs, List<String> features) {
        String crsMember = crs == null ? "" : "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crs + "\"}},";
        return "{\"type\":\"FeatureCollection\"," + crsMember + "\"features\":[" + String.join(",", features) + "]}";
    }

    public static String feature(Map<String, Object> properties, String geometry) {
        String props = properties.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        return "{\"type\":\"Feature\",\"properties\":" + props + ",\"geometry\":" + geometry + "}";
    }

    /** An axis-aligned rectangle polygon. */
    public static String rectangle(double minX, double minY, double maxX, double maxY) {
        return polygon(new double[][]{{minX, minY}, {maxX, minY}, {maxX, maxY}, {minX, maxY}, {minX, minY}});
    }

    public static String polygon(double[][] ring) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + positions(ring) + "]}";
    }

    public static String line(double[][] positions) {
        return "{\"type\":\"LineString\",\"coordinates\":" + positions(positions) + "}";
    }

    private static String positions(double[][] positions) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < positions.length; i++) {
            text.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]", positions[i][0], positions[i][1]));
        }
        return text.append(']').toString();
    }

    private static String value(Object value) {
        return value instanceof String s ? "\"" + s.replace("\"", "\\\"") + "\"" : String.valueOf(value);
    }
}
