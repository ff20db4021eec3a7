package ir.parvaneh.command.gis.write.importing;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks and stores the features of one new layer version as they stream in, and hashes their canonical
 * content. Rows go out in multi-row inserts of {@value #BATCH} inside the import's transaction: a feature
 * refused later rolls all of them back.
 *
 * <p>The canonical content, whose SHA-256 identifies the version: the header {@code parvaneh-layer/1},
 * the layer and the source CRS, then per feature in file order its checked attribute values (in the
 * layer schema's order, as text, each followed by the byte 0x1F), the length of its geometry's WKB (4
 * bytes, big-endian) and that WKB (2D, big-endian, in the source CRS). JSON formatting, member order and
 * properties outside the schema do not change it.
 */
final class LayerVersionWriter {

    static final int BATCH = 500;
    private static final byte UNIT_SEPARATOR = 0x1F;

    private final DSLContext dsl;
    private final LayerSchema schema;
    private final UUID versionId;
    private final MessageDigest digest;
    private final WKBWriter wkb = new WKBWriter(2);
    private final Map<String, Integer> plates = new HashMap<>();
    private final List<Object[]> batch = new ArrayList<>(BATCH);
    private SourceCrs crs;
    private GeometryFactory factory;
    private int count;

    LayerVersionWriter(DSLContext dsl, LayerSchema schema, UUID versionId) {
        this.dsl = dsl;
        this.schema = schema;
        this.versionId = versionId;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Fixes the source CRS (before the first feature) and starts the canonical content. */
    void begin(SourceCrs sourceCrs) {
        this.crs = sourceCrs;
        this.factory = new GeometryFactory();
        digest.update(("parvaneh-layer/1\n" + schema.layer().path() + "\n" + sourceCrs.name() + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    void accept(GeoJsonFeatureStream.Feature feature) {
        int index = feature.index();
        Geometry geometry = geometry(feature);
        Object[] values = schema.read(index, feature.properties());
        if (schema.layer() == LayerKind.PARCELS) {
            Integer first = plates.putIfAbsent((String) values[0], index);
            if (first != null) {
                throw FeatureRejection.at(index, ErrorCode.LAYER_IMPORT_DUPLICATE_PLATE,
                        "the plate " + values[0] + " is also feature " + first).with("plate", values[0])
                        .with("firstFeatureIndex", first);
            }
        }
        byte[] bytes = wkb.write(geometry);
        for (Object value : values) {
            digest.update(LayerSchema.canonical(value).getBytes(StandardCharsets.UTF_8));
            digest.update(UNIT_SEPARATOR);
        }
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
        Object[] row = new Object[values.length + 4];
        row[0] = versionId;
        row[1] = index;
        System.arraycopy(values, 0, row, 2, values.length);
        row[values.length + 2] = inSrid(bytes, 4326);
        row[values.length + 3] = inSrid(bytes, 32639);
        batch.add(row);
        count++;
        if (batch.size() == BATCH) {
            flush();
        }
    }

    /** Stores what is still batched; returns the number of features and the content's SHA-256 (hex). */
    Result finish() {
        flush();
        return new Result(count, HexFormat.of().formatHex(digest.digest()));
    }

    record Result(int featureCount, String sha256) {
    }

    private Geometry geometry(GeoJsonFeatureStream.Feature feature) {
        int index = feature.index();
        LayerKind layer = schema.layer();
        String expected = layer.geometryFamily() == LayerKind.GeometryFamily.POLYGONAL ? "Polygon or MultiPolygon"
                : "LineString or MultiLineString";
        Geometry geometry;
        try {
            geometry = GeoJsonGeometries.read(feature.geometry(), factory);
        } catch (GeoJsonGeometries.UnsupportedType wrong) {
            throw wrongType(index, layer, wrong.getMessage(), expected);
        } catch (IllegalArgumentException malformed) {
            throw FeatureRejection.at(index, ErrorCode.LAYER_IMPORT_INVALID_GEOMETRY, malformed.getMessage());
        }
        boolean fits = layer.geometryFamily() == LayerKind.GeometryFamily.POLYGONAL
                ? geometry instanceof Polygonal : geometry instanceof Lineal;
        if (!fits) {
            throw wrongType(index, layer, geometry.getGeometryType(), expected);
        }
        if (geometry.isEmpty() || geometry instanceof Lineal && geometry.getLength() == 0) {
            throw FeatureRejection.at(index, ErrorCode.LAYER_IMPORT_EMPTY_GEOMETRY, "the geometry is empty or has no extent");
        }
        // Validity before area: JTS's area is the ring's signed (shoelace) area, in which the two lobes of a
        // symmetric bow-tie cancel out to 0, and a bow-tie is self-intersecting, not empty. A valid polygon
        // always has an area; a collapsed one is invalid, with JTS's reason.
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            throw FeatureRejection.at(index, ErrorCode.LAYER_IMPORT_INVALID_GEOMETRY,
                    error.getMessage() + " near (" + error.getCoordinate().x + ", " + error.getCoordinate().y + ")");
        }
        if (geometry instanceof Polygonal && geometry.getArea() == 0) {
            throw FeatureRejection.at(index, ErrorCode.LAYER_IMPORT_EMPTY_GEOMETRY, "the geometry is empty or has no extent");
        }
        if (crs.isWgs84()) {
            Envelope e = geometry.getEnvelopeInternal();
            if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
                throw FeatureRejection.at(index, ErrorCode.LAYER_IMPORT_OUTSIDE_EXTENT, "the coordinates are not "
                        + "longitude/latitude; if the file is projected (UTM 39N, say) declare its CRS");
            }
        }
        return geometry;
    }

    private static DomainException wrongType(int index, LayerKind layer, String actual, String expected) {
        return FeatureRejection.at(index, ErrorCode.LAYER_IMPORT_WRONG_GEOMETRY_TYPE,
                "the geometry is " + actual + "; the " + layer.path() + " layer holds " + expected);
    }

    private Field<Object> inSrid(byte[] bytes, int srid) {
        return DSL.field("ST_Multi(ST_Transform(ST_GeomFromWKB({0}, {1}), {2}))", Object.class,
                DSL.val(bytes), DSL.inline(crs.srid()), DSL.inline(srid));
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<Field<?>> columns = new ArrayList<>();
        columns.add(schema.table().field("version_id"));
        columns.add(schema.featureIndexColumn());
        schema.attributes().forEach(a -> columns.add(a.column()));
        columns.add(schema.geometryColumn());
        columns.add(schema.table().field("geom_utm"));
        InsertValuesStepN<?> insert = dsl.insertInto(schema.table(), columns);
        for (Object[] row : batch) {
            insert = insert.values(row);
        }
        insert.execute();
        batch.clear();
    }
}
