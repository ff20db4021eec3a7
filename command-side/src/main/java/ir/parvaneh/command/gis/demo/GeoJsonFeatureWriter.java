package ir.parvaneh.command.gis.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Streams a GeoJSON FeatureCollection (RFC 7946) one feature at a time: geometries given in local metres
 * are written as WGS 84 longitude/latitude rounded to 7 decimals (about a centimetre), exterior rings
 * counter-clockwise and holes clockwise, one feature per line and no {@code crs} member. Nothing but the
 * current feature is held; the caller's stream is flushed, never closed.
 */
final class GeoJsonFeatureWriter implements AutoCloseable {

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final long SCALE = 10_000_000L;

    /** Writes a feature's properties into the open {@code properties} object. */
    @FunctionalInterface
    interface Properties {
        void write(JsonGenerator json) throws IOException;
    }

    private final JsonGenerator json;
    private final LocalFrame frame;
    private final char[] digits = new char[32];
    private boolean first = true;

    GeoJsonFeatureWriter(OutputStream out, LocalFrame frame) throws IOException {
        this.json = JSON.createGenerator(out, JsonEncoding.UTF8);
        // Features are written as a sequence of root values inside a hand-written envelope, which is what
        // lets each feature start on its own line; no separator between root values is wanted.
        this.json.setRootValueSeparator(null);
        this.frame = frame;
        json.writeRaw("{\"type\":\"FeatureCollection\",\"features\":[\n");
    }

    /** A polygon: its exterior ring, then any holes, each an open ring of (x, y) pairs in local metres. */
    void polygon(Properties properties, List<double[]> rings) throws IOException {
        begin(properties, "Polygon");
        rings(rings);
        end();
    }

    /** A multipolygon of single-ring parts (written as a Polygon when there is one part). */
    void multiPolygon(Properties properties, List<double[]> parts) throws IOException {
        if (parts.size() == 1) {
            polygon(properties, parts);
            return;
        }
        begin(properties, "MultiPolygon");
        json.writeStartArray();
        for (double[] part : parts) {
            rings(List.of(part));
        }
        json.writeEndArray();
        end();
    }

    /** A line string through the (x, y) pairs, local metres. */
    void lineString(Properties properties, double[] points) throws IOException {
        begin(properties, "LineString");
        json.writeStartArray();
        for (int i = 0; i < points.length; i += 2) {
            position(points[i], points[i + 1]);
        }
        json.writeEndArray();
        end();
    }

    @Override
    public void close() throws IOException {
        json.writeRaw("\n]}\n");
        json.close();
    }

    /** Writes a number of metres (or any measure) with at most two decimals, as the layers keep them. */
    static void decimal(JsonGenerator json, String field, double value) throws IOException {
        json.writeFieldName(field);
        json.writeNumber(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    }

    private void begin(Properties properties, String type) throws IOException {
        if (!first) {
            json.writeRaw(",\n");
        }
        first = false;
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("properties");
        properties.write(json);
        json.writeEndObject();
        json.writeObjectFieldStart("geometry");
        json.writeStringField("type", type);
        json.writeFieldName("coordinates");
    }

    private void end() throws IOException {
        json.writeEndObject();
        json.writeEndObject();
    }

    private void rings(List<double[]> rings) throws IOException {
        json.writeStartArray();
        for (int r = 0; r < rings.size(); r++) {
            double[] ring = rings.get(r);
            boolean counterClockwise = DemoParcel.signedArea(ring) > 0;
            boolean reverse = (r == 0) != counterClockwise;
            int n = ring.length / 2;
            json.writeStartArray();
            for (int k = 0; k <= n; k++) {
                int i = reverse ? (n - k % n) % n : k % n;
                position(ring[2 * i], ring[2 * i + 1]);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private void position(double x, double y) throws IOException {
        json.writeStartArray();
        coordinate(frame.longitudeOf(x));
        coordinate(frame.latitudeOf(y));
        json.writeEndArray();
    }

    /** Degrees to 7 decimals, without trailing zeros, formatted by hand: this runs millions of times. */
    private void coordinate(double degrees) throws IOException {
        long scaled = Math.round(degrees * SCALE);
        int length = 0;
        if (scaled < 0) {
            digits[length++] = '-';
            scaled = -scaled;
        }
        long whole = scaled / SCALE;
        int start = length;
        do {
            digits[length++] = (char) ('0' + whole % 10);
            whole /= 10;
        } while (whole != 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            char swap = digits[i];
            digits[i] = digits[j];
            digits[j] = swap;
        }
        long fraction = scaled % SCALE;
        if (fraction != 0) {
            digits[length++] = '.';
            long divisor = SCALE / 10;
            while (fraction != 0) {
                digits[length++] = (char) ('0' + fraction / divisor);
                fraction %= divisor;
                divisor /= 10;
            }
        }
        json.writeNumber(digits, 0, length);
    }
}
