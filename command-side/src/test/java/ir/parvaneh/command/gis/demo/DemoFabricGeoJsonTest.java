package ir.parvaneh.command.gis.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** The six layers are RFC 7946 FeatureCollections carrying exactly the import contract's properties. */
class DemoFabricGeoJsonTest {

    private static final DemoCity SHARIFIYEH = new DemoCity("sharifiyeh", "شریفیه", 36.2150, 50.1428, 900);
    private static final Map<String, Set<String>> PROPERTIES = Map.of(
            "boundary", Set.of("name"),
            "parcels", Set.of("plate", "renovation_code"),
            "zones", Set.of("zone_code"),
            "passages", Set.of("width_m", "name"),
            "price-blocks", Set.of("price_rials", "block_code"),
            "overlays", Set.of("overlay_code", "kind", "precedence", "max_floors", "max_height_m", "setback_m",
                    "replacement_zone", "description"));
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "boundary", Set.of("name"),
            "parcels", Set.of("plate"),
            "zones", Set.of("zone_code"),
            "passages", Set.of("width_m"),
            "price-blocks", Set.of("price_rials", "block_code"),
            "overlays", Set.of("overlay_code", "kind", "precedence", "description"));
    private static final Map<String, Set<String>> GEOMETRIES = Map.of(
            "boundary", Set.of("Polygon", "MultiPolygon"),
            "parcels", Set.of("Polygon"),
            "zones", Set.of("Polygon", "MultiPolygon"),
            "passages", Set.of("LineString"),
            "price-blocks", Set.of("Polygon"),
            "overlays", Set.of("Polygon"));

    private static DemoFabric fabric;

    @BeforeAll
    static void generate() {
        fabric = DemoFabric.generate(SHARIFIYEH, ProvincePlan.PROVINCE_SEED);
    }

    @Test
    void everyLayerIsAFeatureCollectionOfTheContractsGeometriesAndProperties() throws IOException {
        for (String layer : DemoFabric.LAYERS) {
            JsonNode collection = DemoFabricLayers.JSON.readTree(DemoFabricLayers.written(fabric, layer));
            assertThat(collection.get("type").asText()).isEqualTo("FeatureCollection");
            assertThat(collection.has("crs")).as("no crs member: RFC 7946 WGS 84").isFalse();
            assertThat(collection.get("features").size()).as(layer).isPositive();
            for (JsonNode feature : collection.get("features")) {
                assertThat(feature.get("type").asText()).isEqualTo("Feature");
                assertThat(GEOMETRIES.get(layer)).contains(feature.at("/geometry/type").asText());
                List<String> names = new ArrayList<>();
                feature.get("properties").fieldNames().forEachRemaining(names::add);
                assertThat(PROPERTIES.get(layer)).as(layer).containsAll(names);
                assertThat(names).as(layer).containsAll(REQUIRED.get(layer));
                feature.get("properties").forEach(value -> assertThat(value.isNull()).isFalse());
            }
        }
    }

    @Test
    void propertiesHaveTheContractsTypes() throws IOException {
        for (JsonNode passage : DemoFabricLayers.JSON.readTree(DemoFabricLayers.written(fabric, "passages")).get("features")) {
            assertThat(passage.at("/properties/width_m").isNumber()).isTrue();
            assertThat(passage.at("/properties/width_m").asDouble()).isBetween(6.0, 45.0);
        }
        for (JsonNode block : DemoFabricLayers.JSON.readTree(DemoFabricLayers.written(fabric, "price-blocks")).get("features")) {
            assertThat(block.at("/properties/price_rials").isIntegralNumber()).isTrue();
            assertThat(block.at("/properties/block_code").isTextual()).isTrue();
        }
        for (JsonNode overlay : DemoFabricLayers.JSON.readTree(DemoFabricLayers.written(fabric, "overlays")).get("features")) {
            JsonNode properties = overlay.get("properties");
            if (properties.has("max_floors")) {
                assertThat(properties.get("max_floors").isIntegralNumber()).isTrue();
            }
            for (String metres : List.of("max_height_m", "setback_m")) {
                if (properties.has(metres)) {
                    assertThat(properties.get(metres).isNumber()).isTrue();
                }
            }
        }
        for (JsonNode parcel : DemoFabricLayers.JSON.readTree(DemoFabricLayers.written(fabric, "parcels")).get("features")) {
            assertThat(parcel.at("/properties/plate").isTextual()).isTrue();
        }
    }

    @Test
    void positionsAreLongitudeLatitudeToSevenDecimalsInClosedCounterClockwiseRings() throws IOException {
        for (String layer : DemoFabric.LAYERS) {
            String text = new String(DemoFabricLayers.written(fabric, layer), StandardCharsets.UTF_8);
            Matcher position = Pattern.compile("\\[(-?[0-9.]+),(-?[0-9.]+)]").matcher(text);
            int positions = 0;
            while (position.find()) {
                positions++;
                for (String number : List.of(position.group(1), position.group(2))) {
                    int dot = number.indexOf('.');
                    assertThat(dot < 0 ? 0 : number.length() - dot - 1).as(number).isLessThanOrEqualTo(7);
                }
                assertThat(Double.parseDouble(position.group(1))).as("longitude first").isCloseTo(50.14,
                        offset(0.2));
                assertThat(Double.parseDouble(position.group(2))).as("then latitude").isCloseTo(36.21,
                        offset(0.2));
            }
            assertThat(positions).isPositive();
            if (!layer.equals("passages")) {
                for (JsonNode feature : DemoFabricLayers.JSON.readTree(text).get("features")) {
                    JsonNode geometry = feature.get("geometry");
                    JsonNode polygons = geometry.get("type").asText().equals("Polygon")
                            ? DemoFabricLayers.JSON.createArrayNode().add(geometry.get("coordinates"))
                            : geometry.get("coordinates");
                    for (JsonNode polygon : polygons) {
                        JsonNode shell = polygon.get(0);
                        assertThat(shell.get(0)).isEqualTo(shell.get(shell.size() - 1));
                        assertThat(signedArea(shell)).as("exterior ring counter-clockwise").isPositive();
                    }
                }
            }
        }
    }

    @Test
    void oneFeatureALineSoTheFilesReadWellInATerminal() {
        String text = new String(DemoFabricLayers.written(fabric, "parcels"), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(fabric.parcelCount() + 2);
        assertThat(lines[1]).startsWith("{\"type\":\"Feature\",\"properties\":{\"plate\":");
    }

    @Test
    void writingFlushesButLeavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FilterOutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        }) {
            fabric.write("boundary", out);
            assertThat(closed[0]).isFalse();
            assertThat(bytes.size()).isPositive();
        }
    }

    @Test
    void anUnknownLayerIsRefused() {
        assertThatThrownBy(() -> fabric.write("buildings", new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price-blocks");
    }

    private static double signedArea(JsonNode ring) {
        double twice = 0;
        for (int i = 1; i < ring.size(); i++) {
            twice += ring.get(i - 1).get(0).asDouble() * ring.get(i).get(1).asDouble()
                    - ring.get(i).get(0).asDouble() * ring.get(i - 1).get(1).asDouble();
        }
        return twice / 2;
    }
}
