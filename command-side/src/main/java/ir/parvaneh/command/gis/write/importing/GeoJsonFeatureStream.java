package ir.parvaneh.command.gis.write.importing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Reads a GeoJSON FeatureCollection one feature at a time: only the current feature is ever held as a
 * tree, so a file of any size streams through in constant memory. The collection's {@code crs} member,
 * when present, must come before {@code features} (as ogr2ogr writes it).
 */
final class GeoJsonFeatureStream {

    /** One feature as read: its position in the file (from 0), its properties and its geometry object. */
    record Feature(int index, JsonNode properties, JsonNode geometry) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private GeoJsonFeatureStream() {
    }

    /**
     * Streams the collection's features to {@code features}, after telling {@code crs} the CRS the file
     * declares ({@code null} when it declares none). Returns the number of features read.
     */
    static int read(InputStream in, Consumer<String> crs, Consumer<Feature> features) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.setCodec(JSON);
            expect(parser, parser.nextToken() == JsonToken.START_OBJECT, "a GeoJSON object");
            boolean featureCollection = false;
            boolean crsSeen = false;
            int count = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (member) {
                    case "type" -> {
                        featureCollection = "FeatureCollection".equals(parser.getValueAsString());
                        expect(parser, featureCollection, "\"type\": \"FeatureCollection\"");
                    }
                    case "crs" -> {
                        if (count > 0) {
                            throw new DomainException(ErrorCode.LAYER_IMPORT_UNKNOWN_CRS,
                                    "The 'crs' member must come before 'features'");
                        }
                        JsonNode node = parser.readValueAsTree();
                        crs.accept(node == null || node.isNull() ? null : node.path("properties").path("name").asText(null));
                        crsSeen = true;
                    }
                    case "features" -> {
                        expect(parser, value == JsonToken.START_ARRAY, "'features' to be an array");
                        if (!crsSeen) {
                            crs.accept(null);
                            crsSeen = true;
                        }
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            expect(parser, parser.currentToken() == JsonToken.START_OBJECT, "a Feature object");
                            JsonNode feature = parser.readValueAsTree();
                            if (!"Feature".equals(feature.path("type").asText())) {
                                throw FeatureRejection.at(count, ErrorCode.LAYER_IMPORT_INVALID_JSON,
                                        "is not an object of \"type\": \"Feature\"");
                            }
                            features.accept(new Feature(count, feature.get("properties"), feature.get("geometry")));
                            count++;
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            expect(parser, parser.currentToken() == JsonToken.END_OBJECT, "the end of the object");
            expect(parser, featureCollection, "\"type\": \"FeatureCollection\"");
            // A file is one JSON text: two exports run together, or a collection cut and pasted twice, would
            // otherwise import the first part alone, without a word.
            expect(parser, parser.nextToken() == null, "nothing after the FeatureCollection");
            if (!crsSeen) {
                crs.accept(null);
            }
            return count;
        } catch (JsonProcessingException e) {
            throw invalid(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the upload failed", e);
        }
    }

    private static void expect(JsonParser parser, boolean condition, String expected) {
        if (!condition) {
            throw invalid(parser.currentLocation(), "expected " + expected);
        }
    }

    private static DomainException invalid(JsonLocation at, String reason) {
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        DomainException e = new DomainException(ErrorCode.LAYER_IMPORT_INVALID_JSON, "Not a GeoJSON FeatureCollection"
                + where + ": " + reason);
        if (at != null) {
            e.with("line", at.getLineNr()).with("column", at.getColumnNr());
        }
        return e;
    }
}
