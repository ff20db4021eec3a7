package ir.parvaneh.query.support;

import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRegistered;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.query.infrastructure.postgis.PostGis;
import ir.parvaneh.query.map.layers.LayerStore;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static ir.parvaneh.query.jooq.layers.Tables.BOUNDARY;
import static ir.parvaneh.query.jooq.layers.Tables.LAYER_ACTIVATION;
import static ir.parvaneh.query.jooq.layers.Tables.LAYER_VERSION;
import static ir.parvaneh.query.jooq.layers.Tables.OVERLAY;
import static ir.parvaneh.query.jooq.layers.Tables.PARCEL;
import static ir.parvaneh.query.jooq.layers.Tables.PASSAGE;
import static ir.parvaneh.query.jooq.layers.Tables.PRICE_BLOCK;
import static ir.parvaneh.query.jooq.layers.Tables.ZONE;
import static org.awaitility.Awaitility.await;

/**
 * A small town around central Qazvin with every layer, written into the layer store as the command side's
 * import would (the query side has no import of its own), and registered through the event store so the
 * municipality read model knows it. Every town has its own slug and ids: the test database outlives a run.
 *
 * <p>The town lies in the middle of one zoom-15 tile ({@link #TILE_X}, {@link #TILE_Y}), clear of its edges,
 * so that one tile holds all of it.
 */
@Component
public class MapFixtures {

    public static final int TILE_ZOOM = 15;
    /** The zoom-15 tile over central Qazvin (36.268 N, 50.004 E). */
    public static final int TILE_X = tileX(50.004, TILE_ZOOM);
    public static final int TILE_Y = tileY(36.268, TILE_ZOOM);
    /** The town's south-west corner, a little south-west of that tile's centre. */
    public static final double ORIGIN_LON = tileCentreLon(TILE_X, TILE_ZOOM) - 0.001;
    public static final double ORIGIN_LAT = tileCentreLat(TILE_Y, TILE_ZOOM) - 0.001;
    /** Parcels sit on a grid of cells this many degrees apart (about 22 m by 22 m here). */
    public static final double CELL_LON = 0.00025;
    public static final double CELL_LAT = 0.0002;

    public static final LocalDate OLD_VERSION_FROM = LocalDate.of(2020, 3, 20);
    public static final LocalDate CURRENT_VERSION_FROM = LocalDate.of(2024, 3, 20);
    public static final LocalDate FUTURE_VERSION_FROM = LocalDate.of(2100, 3, 21);

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), PostGis.WGS84);

    private final DSLContext dsl;
    private final TestEvents events;
    private final LayerStore layers;

    public MapFixtures(DSLContext dsl, TestEvents events, LayerStore layers) {
        this.dsl = dsl;
        this.events = events;
        this.layers = layers;
    }

    /**
     * A town with its layers.
     *
     * @param plates        the plates of the parcels in force today, in feature order
     * @param currentParcels the parcels version in force today
     */
    public record Town(String municipalityId, String slug, String nameEn, List<String> plates, UUID currentParcels,
                       UUID oldParcels, UUID futureParcels, UUID zones) {

        public String collection(LayerKind layer) {
            return slug + "-" + layer.path();
        }
    }

    /**
     * A town of 6 x 5 parcels (in force since {@link #CURRENT_VERSION_FROM}; an older version of 3 parcels
     * from {@link #OLD_VERSION_FROM}, a future one of 1 parcel from {@link #FUTURE_VERSION_FROM}), two zones
     * (a first activation the same day is overridden by a later one), three passages, a boundary, two price
     * blocks and an overlay.
     */
    public Town town() {
        String slug = slug();
        String municipalityId = register(slug, "قزوین آزمون", "Test Qazvin " + slug);

        List<String> plates = new ArrayList<>();
        List<Geometry> parcels = new ArrayList<>();
        for (int row = 0; row < 5; row++) {
            for (int column = 0; column < 6; column++) {
                plates.add("1234/" + (row * 6 + column + 1));
                parcels.add(cell(column, row));
            }
        }
        UUID currentParcels = parcels(municipalityId, plates, parcels, CURRENT_VERSION_FROM);
        UUID oldParcels = parcels(municipalityId, List.of("900/1", "900/2", "900/3"),
                List.of(cell(0, 0), cell(1, 0), cell(2, 0)), OLD_VERSION_FROM);
        UUID futureParcels = parcels(municipalityId, List.of("777/1"), List.of(cell(0, 0)), FUTURE_VERSION_FROM);

        // Zones: west half residential, east half commercial; a draft of one zone was activated first that day.
        Geometry west = box(ORIGIN_LON, ORIGIN_LAT, ORIGIN_LON + 3 * CELL_LON, ORIGIN_LAT + 5 * CELL_LAT);
        Geometry east = box(ORIGIN_LON + 3 * CELL_LON, ORIGIN_LAT, ORIGIN_LON + 6 * CELL_LON, ORIGIN_LAT + 5 * CELL_LAT);
        MultiPolygon whole = multi(west.union(east));
        UUID draft = version(municipalityId, LayerKind.ZONES, 1, whole.getEnvelopeInternal());
        dsl.insertInto(ZONE).set(ZONE.VERSION_ID, draft).set(ZONE.FEATURE_INDEX, 0).set(ZONE.ZONE_CODE, "DRAFT")
                .set(ZONE.GEOM, whole).set(ZONE.GEOM_UTM, utm(whole)).execute();
        activate(municipalityId, LayerKind.ZONES, draft, CURRENT_VERSION_FROM);
        UUID zones = version(municipalityId, LayerKind.ZONES, 2, whole.getEnvelopeInternal());
        dsl.insertInto(ZONE).set(ZONE.VERSION_ID, zones).set(ZONE.FEATURE_INDEX, 0).set(ZONE.ZONE_CODE, "R-111")
                .set(ZONE.GEOM, multi(west)).set(ZONE.GEOM_UTM, utm(multi(west))).execute();
        dsl.insertInto(ZONE).set(ZONE.VERSION_ID, zones).set(ZONE.FEATURE_INDEX, 1).set(ZONE.ZONE_CODE, "C-211")
                .set(ZONE.GEOM, multi(east)).set(ZONE.GEOM_UTM, utm(multi(east))).execute();
        activate(municipalityId, LayerKind.ZONES, zones, CURRENT_VERSION_FROM);

        // Passages: two streets along the rows, one avenue along the columns.
        List<MultiLineString> streets = List.of(
                line(ORIGIN_LON, ORIGIN_LAT + 2 * CELL_LAT, ORIGIN_LON + 6 * CELL_LON, ORIGIN_LAT + 2 * CELL_LAT),
                line(ORIGIN_LON, ORIGIN_LAT + 4 * CELL_LAT, ORIGIN_LON + 6 * CELL_LON, ORIGIN_LAT + 4 * CELL_LAT),
                line(ORIGIN_LON + 3 * CELL_LON, ORIGIN_LAT, ORIGIN_LON + 3 * CELL_LON, ORIGIN_LAT + 5 * CELL_LAT));
        List<String> names = List.of("خیابان پیروزی", "کوچه ۱۲", "بلوار امام خمینی");
        List<BigDecimal> widths = List.of(new BigDecimal("12.00"), new BigDecimal("6.50"), new BigDecimal("30.00"));
        UUID passages = version(municipalityId, LayerKind.PASSAGES, 3, extent(streets));
        for (int i = 0; i < streets.size(); i++) {
            dsl.insertInto(PASSAGE).set(PASSAGE.VERSION_ID, passages).set(PASSAGE.FEATURE_INDEX, i)
                    .set(PASSAGE.NAME, names.get(i)).set(PASSAGE.WIDTH_M, widths.get(i))
                    .set(PASSAGE.GEOM, streets.get(i)).set(PASSAGE.GEOM_UTM, utm(streets.get(i))).execute();
        }
        activate(municipalityId, LayerKind.PASSAGES, passages, CURRENT_VERSION_FROM);

        MultiPolygon limits = multi(box(ORIGIN_LON - CELL_LON, ORIGIN_LAT - CELL_LAT, ORIGIN_LON + 7 * CELL_LON,
                ORIGIN_LAT + 6 * CELL_LAT));
        UUID boundary = version(municipalityId, LayerKind.BOUNDARY, 1, limits.getEnvelopeInternal());
        dsl.insertInto(BOUNDARY).set(BOUNDARY.VERSION_ID, boundary).set(BOUNDARY.FEATURE_INDEX, 0)
                .set(BOUNDARY.NAME, "محدوده قانونی شهر").set(BOUNDARY.GEOM, limits).set(BOUNDARY.GEOM_UTM, utm(limits))
                .execute();
        activate(municipalityId, LayerKind.BOUNDARY, boundary, OLD_VERSION_FROM);

        UUID prices = version(municipalityId, LayerKind.PRICE_BLOCKS, 2, whole.getEnvelopeInternal());
        dsl.insertInto(PRICE_BLOCK).set(PRICE_BLOCK.VERSION_ID, prices).set(PRICE_BLOCK.FEATURE_INDEX, 0)
                .set(PRICE_BLOCK.BLOCK_CODE, "B-17").set(PRICE_BLOCK.PRICE_RIALS_PER_M2, 185_000_000L)
                .set(PRICE_BLOCK.GEOM, multi(west)).set(PRICE_BLOCK.GEOM_UTM, utm(multi(west))).execute();
        dsl.insertInto(PRICE_BLOCK).set(PRICE_BLOCK.VERSION_ID, prices).set(PRICE_BLOCK.FEATURE_INDEX, 1)
                .set(PRICE_BLOCK.BLOCK_CODE, "B-18").set(PRICE_BLOCK.PRICE_RIALS_PER_M2, 240_000_000L)
                .set(PRICE_BLOCK.GEOM, multi(east)).set(PRICE_BLOCK.GEOM_UTM, utm(multi(east))).execute();
        activate(municipalityId, LayerKind.PRICE_BLOCKS, prices, CURRENT_VERSION_FROM);

        MultiPolygon heritage = multi(box(ORIGIN_LON, ORIGIN_LAT, ORIGIN_LON + 2 * CELL_LON, ORIGIN_LAT + 2 * CELL_LAT));
        UUID overlays = version(municipalityId, LayerKind.OVERLAYS, 1, heritage.getEnvelopeInternal());
        dsl.insertInto(OVERLAY).set(OVERLAY.VERSION_ID, overlays).set(OVERLAY.FEATURE_INDEX, 0)
                .set(OVERLAY.OVERLAY_CODE, "H-01").set(OVERLAY.KIND, "HERITAGE").set(OVERLAY.PRECEDENCE, "RESTRICT")
                .set(OVERLAY.MAX_FLOORS, 2).set(OVERLAY.MAX_HEIGHT_M, new BigDecimal("7.50"))
                .set(OVERLAY.DESCRIPTION, "حریم کاخ چهلستون").set(OVERLAY.GEOM, heritage)
                .set(OVERLAY.GEOM_UTM, utm(heritage)).execute();
        activate(municipalityId, LayerKind.OVERLAYS, overlays, CURRENT_VERSION_FROM);

        return new Town(municipalityId, slug, "Test Qazvin " + slug, plates, currentParcels, oldParcels, futureParcels,
                zones);
    }

    /** The cell of the parcel grid at a column and row, a little smaller than the cell so parcels do not touch. */
    public static MultiPolygon cell(int column, int row) {
        double west = ORIGIN_LON + column * CELL_LON;
        double south = ORIGIN_LAT + row * CELL_LAT;
        return multi(box(west, south, west + 0.9 * CELL_LON, south + 0.9 * CELL_LAT));
    }

    private String register(String slug, String nameFa, String nameEn) {
        String id = MunicipalityId.random().toString();
        events.append("Municipality", id, new MunicipalityRegistered(id, slug, nameFa, nameEn, 36.268, 50.004, "LIVE"));
        await().atMost(Duration.ofSeconds(15)).until(() -> layers.municipality(slug).isPresent());
        return id;
    }

    private UUID parcels(String municipalityId, List<String> plates, List<? extends Geometry> cells, LocalDate from) {
        Envelope extent = new Envelope();
        cells.forEach(c -> extent.expandToInclude(c.getEnvelopeInternal()));
        UUID version = version(municipalityId, LayerKind.PARCELS, plates.size(), extent);
        for (int i = 0; i < plates.size(); i++) {
            dsl.insertInto(PARCEL).set(PARCEL.VERSION_ID, version).set(PARCEL.FEATURE_INDEX, i)
                    .set(PARCEL.PLATE, plates.get(i)).set(PARCEL.RENOVATION_CODE, i % 2 == 0 ? "R-07" : null)
                    .set(PARCEL.GEOM, cells.get(i)).set(PARCEL.GEOM_UTM, utm(cells.get(i))).execute();
        }
        activate(municipalityId, LayerKind.PARCELS, version, from);
        return version;
    }

    private UUID version(String municipalityId, LayerKind layer, int featureCount, Envelope extent) {
        UUID version = UUID.randomUUID();
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        dsl.insertInto(LAYER_VERSION)
                .set(LAYER_VERSION.VERSION_ID, version)
                .set(LAYER_VERSION.MUNICIPALITY_ID, municipalityId)
                .set(LAYER_VERSION.LAYER, layer.path())
                .set(LAYER_VERSION.SHA256, HexFormat.of().formatHex(hash))
                .set(LAYER_VERSION.FEATURE_COUNT, featureCount)
                .set(LAYER_VERSION.SOURCE_CRS, "EPSG:4326")
                .set(LAYER_VERSION.MIN_LON, extent.getMinX())
                .set(LAYER_VERSION.MIN_LAT, extent.getMinY())
                .set(LAYER_VERSION.MAX_LON, extent.getMaxX())
                .set(LAYER_VERSION.MAX_LAT, extent.getMaxY())
                .set(LAYER_VERSION.IMPORTED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(LAYER_VERSION.IMPORTED_BY, TestEvents.PROVINCE_ADMIN.subject())
                .execute();
        return version;
    }

    private void activate(String municipalityId, LayerKind layer, UUID version, LocalDate from) {
        dsl.insertInto(LAYER_ACTIVATION)
                .set(LAYER_ACTIVATION.MUNICIPALITY_ID, municipalityId)
                .set(LAYER_ACTIVATION.LAYER, layer.path())
                .set(LAYER_ACTIVATION.VERSION_ID, version)
                .set(LAYER_ACTIVATION.EFFECTIVE_FROM, from)
                .set(LAYER_ACTIVATION.ACTIVATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(LAYER_ACTIVATION.ACTIVATED_BY, TestEvents.PROVINCE_ADMIN.subject())
                .execute();
    }

    private static Field<Geometry> utm(Geometry wgs84) {
        return PostGis.transform(DSL.val(wgs84, PARCEL.GEOM), 32639);
    }

    private static Polygon box(double west, double south, double east, double north) {
        return WGS84.createPolygon(new Coordinate[]{new Coordinate(west, south), new Coordinate(east, south),
                new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south)});
    }

    private static MultiPolygon multi(Geometry polygon) {
        if (polygon instanceof MultiPolygon multi) {
            return multi;
        }
        return WGS84.createMultiPolygon(new Polygon[]{(Polygon) polygon});
    }

    private static MultiLineString line(double lon1, double lat1, double lon2, double lat2) {
        LineString line = WGS84.createLineString(new Coordinate[]{new Coordinate(lon1, lat1), new Coordinate(lon2, lat2)});
        return WGS84.createMultiLineString(new LineString[]{line});
    }

    private static Envelope extent(List<? extends Geometry> geometries) {
        Envelope extent = new Envelope();
        geometries.forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
        return extent;
    }

    private static String slug() {
        return "map" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    public static int tileX(double lon, int zoom) {
        return (int) Math.floor((lon + 180) / 360 * (1 << zoom));
    }

    public static int tileY(double lat, int zoom) {
        double radians = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2 * (1 << zoom));
    }

    private static double tileCentreLon(int x, int zoom) {
        return (x + 0.5) / (1 << zoom) * 360 - 180;
    }

    private static double tileCentreLat(int y, int zoom) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (y + 0.5) / (1 << zoom)))));
    }
}
