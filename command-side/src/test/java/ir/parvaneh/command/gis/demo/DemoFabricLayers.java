package ir.parvaneh.command.gis.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of a generated fabric as a GIS tool would see them: written out, parsed back with Jackson and
 * read into JTS, both as written (longitude/latitude) and in the city's local metres, so that the tests
 * check what is delivered rather than the generator's internals.
 */
final class DemoFabricLayers {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** A feature: its properties, its geometry as written and the same geometry in local metres. */
    record Feature(JsonNode properties, Geometry lonLat, Geometry metres) {

        String text(String property) {
            JsonNode value = properties.get(property);
            return value == null || value.isNull() ? null : value.asText();
        }

        double number(String property) {
            return properties.get(property).asDouble();
        }
    }

    private final Map<String, List<Feature>> layers = new LinkedHashMap<>();
    private final Map<String, byte[]> bytes = new LinkedHashMap<>();

    DemoFabricLayers(DemoFabric fabric) {
        LocalFrame frame = fabric.frame();
        for (String layer : DemoFabric.LAYERS) {
            byte[] written = written(fabric, layer);
            bytes.put(layer, written);
            List<Feature> features = new ArrayList<>();
            try {
                for (JsonNode feature : JSON.readTree(written).get("features")) {
                    Geometry lonLat = geometry(feature.get("geometry"));
                    features.add(new Feature(feature.get("properties"), lonLat, inMetres(lonLat, frame)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            layers.put(layer, features);
        }
    }

    List<Feature> layer(String name) {
        return layers.get(name);
    }

    byte[] bytes(String layer) {
        return bytes.get(layer);
    }

    static byte[] written(DemoFabric fabric, String layer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            fabric.write(layer, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Geometry geometry(JsonNode geometry) {
        JsonNode coordinates = geometry.get("coordinates");
        return switch (geometry.get("type").asText()) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i));
                }
                yield GEOMETRY.createMultiPolygon(parts);
            }
            case "LineString" -> line(coordinates);
            default -> throw new IllegalArgumentException(geometry.get("type").asText());
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = GEOMETRY.createLinearRing(positions(rings.get(0)));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = GEOMETRY.createLinearRing(positions(rings.get(i)));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LineString line(JsonNode positions) {
        return GEOMETRY.createLineString(positions(positions));
    }

    private static Coordinate[] positions(JsonNode positions) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        }
        return coordinates;
    }

    static Geometry inMetres(Geometry lonLat, LocalFrame frame) {
        Geometry metres = lonLat.copy();
        metres.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence sequence, int i) {
                double lon = sequence.getX(i);
                double lat = sequence.getY(i);
                sequence.setOrdinate(i, 0, frame.xOf(lon));
                sequence.setOrdinate(i, 1, frame.yOf(lat));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return metres;
    }
}
