package ir.parvaneh.query.map.ogc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import ir.parvaneh.query.map.layers.Feature;
import ir.parvaneh.query.map.ogc.OgcDocuments.Link;
import org.springframework.http.MediaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes GeoJSON (RFC 7946) features and feature collections as bytes. Geometries arrive as GeoJSON text
 * from PostGIS and are copied in raw, so a page of ten thousand parcels is never parsed into objects.
 */
final class GeoJson {

    static final MediaType MEDIA_TYPE = new MediaType("application", "geo+json");
    private static final JsonFactory JSON = new JsonFactory();

    private GeoJson() {
    }

    /**
     * A page of an OGC API items response: a FeatureCollection with its links, when it was written, how many
     * features matched in all and how many this page holds.
     */
    static byte[] featureCollection(List<Feature> features, List<Link> links, Instant timeStamp, long numberMatched) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeFieldName("features");
            json.writeStartArray();
            for (Feature feature : features) {
                writeFeature(json, feature, List.of());
            }
            json.writeEndArray();
            writeLinks(json, links);
            json.writeStringField("timeStamp", timeStamp.toString());
            json.writeNumberField("numberMatched", numberMatched);
            json.writeNumberField("numberReturned", features.size());
            json.writeEndObject();
        });
    }

    /** One feature with its own links. */
    static byte[] feature(Feature feature, List<Link> links) {
        return write(json -> writeFeature(json, feature, links));
    }

    private static void writeFeature(JsonGenerator json, Feature feature, List<Link> links) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeNumberField("id", feature.id());
        json.writeFieldName("geometry");
        json.writeRawValue(feature.geoJson());
        json.writeFieldName("properties");
        json.writeStartObject();
        for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
            json.writeFieldName(property.getKey());
            writeValue(json, property.getValue());
        }
        json.writeEndObject();
        if (!links.isEmpty()) {
            writeLinks(json, links);
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof Number n) {
            json.writeNumber(n.doubleValue());
        } else {
            json.writeString(value.toString());
        }
    }

    private static void writeLinks(JsonGenerator json, List<Link> links) throws IOException {
        json.writeFieldName("links");
        json.writeStartArray();
        for (Link link : links) {
            json.writeStartObject();
            json.writeStringField("href", link.href());
            json.writeStringField("rel", link.rel());
            if (link.type() != null) {
                json.writeStringField("type", link.type());
            }
            if (link.title() != null) {
                json.writeStringField("title", link.title());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }
}
