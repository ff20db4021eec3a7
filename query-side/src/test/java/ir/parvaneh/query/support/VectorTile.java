package ir.parvaneh.query.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a Mapbox vector tile decoder (protobuf, spec 2.1) to check what a tile holds: its layers,
 * each with its name, extent and features (id, geometry type, attributes). Geometry commands are skipped.
 * Written out here rather than added as a dependency: the format is small and stable.
 */
public record VectorTile(List<Layer> layers) {

    public record Layer(String name, int extent, List<Feature> features) {
    }

    /** @param type 1 point, 2 line string, 3 polygon */
    public record Feature(long id, int type, Map<String, Object> attributes) {
    }

    public Layer layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No layer " + name + " in the tile; it has "
                        + layers.stream().map(Layer::name).toList()));
    }

    public static VectorTile decode(byte[] bytes) {
        Reader tile = new Reader(bytes, 0, bytes.length);
        List<Layer> layers = new ArrayList<>();
        while (tile.more()) {
            long key = tile.varint();
            if (key >>> 3 == 3 && (key & 7) == 2) {
                layers.add(layer(tile.message()));
            } else {
                tile.skip((int) (key & 7));
            }
        }
        return new VectorTile(layers);
    }

    private static Layer layer(Reader layer) {
        String name = null;
        int extent = 4096;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Reader> features = new ArrayList<>();
        while (layer.more()) {
            long key = layer.varint();
            switch ((int) (key >>> 3)) {
                case 1 -> name = layer.string();
                case 2 -> features.add(layer.message());
                case 3 -> keys.add(layer.string());
                case 4 -> values.add(value(layer.message()));
                case 5 -> extent = (int) layer.varint();
                default -> layer.skip((int) (key & 7));
            }
        }
        List<Feature> decoded = new ArrayList<>();
        for (Reader feature : features) {
            decoded.add(feature(feature, keys, values));
        }
        return new Layer(name, extent, decoded);
    }

    private static Feature feature(Reader feature, List<String> keys, List<Object> values) {
        long id = 0;
        int type = 0;
        Map<String, Object> attributes = new LinkedHashMap<>();
        while (feature.more()) {
            long key = feature.varint();
            switch ((int) (key >>> 3)) {
                case 1 -> id = feature.varint();
                case 2 -> {
                    Reader tags = feature.message();
                    while (tags.more()) {
                        int k = (int) tags.varint();
                        int v = (int) tags.varint();
                        attributes.put(keys.get(k), values.get(v));
                    }
                }
                case 3 -> type = (int) feature.varint();
                default -> feature.skip((int) (key & 7));
            }
        }
        return new Feature(id, type, attributes);
    }

    private static Object value(Reader value) {
        Object decoded = null;
        while (value.more()) {
            long key = value.varint();
            switch ((int) (key >>> 3)) {
                case 1 -> decoded = value.string();
                case 2 -> decoded = (double) Float.intBitsToFloat((int) value.fixed(4));
                case 3 -> decoded = Double.longBitsToDouble(value.fixed(8));
                case 4, 5 -> decoded = value.varint();
                case 6 -> {
                    long zigzag = value.varint();
                    decoded = (zigzag >>> 1) ^ -(zigzag & 1);
                }
                case 7 -> decoded = value.varint() != 0;
                default -> value.skip((int) (key & 7));
            }
        }
        return decoded;
    }

    /** Protobuf's wire format over a slice of the bytes. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;
        private final int end;

        Reader(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.position = start;
            this.end = end;
        }

        boolean more() {
            return position < end;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[position++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
        }

        long fixed(int size) {
            long result = 0;
            for (int i = 0; i < size; i++) {
                result |= (long) (bytes[position++] & 0xFF) << (8 * i);
            }
            return result;
        }

        Reader message() {
            int length = (int) varint();
            Reader inner = new Reader(bytes, position, position + length);
            position += length;
            return inner;
        }

        String string() {
            int length = (int) varint();
            String text = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> position += 8;
                case 2 -> {
                    // Read the length first: "position += varint()" would add it to the position before the read.
                    int length = (int) varint();
                    position += length;
                }
                case 5 -> position += 4;
                default -> throw new IllegalStateException("Unknown protobuf wire type " + wireType);
            }
        }
    }
}
