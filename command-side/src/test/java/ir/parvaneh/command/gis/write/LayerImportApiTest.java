package ir.parvaneh.command.gis.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.gis.store.LayerVersionsInForce;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.LayerUploads;
import ir.parvaneh.command.support.StoreFootprint;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.command.support.TestCity;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.LayerVersionId;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.kernel.time.IranTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static ir.parvaneh.command.jooq.layers.Tables.*;
import static ir.parvaneh.command.support.GeoJson.collection;
import static ir.parvaneh.command.support.GeoJson.feature;
import static ir.parvaneh.command.support.GeoJson.line;
import static ir.parvaneh.command.support.GeoJson.polygon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A town's GIS unit imports and activates its layers through the command API, against the real layer
 * store and event store: what the response says, which rows and which events are stored, how attributes
 * are normalised, that the checksum is of the content and not of the JSON, and that a declared CRS puts
 * the features where they belong.
 */
@CommandSideIntegrationTest
class LayerImportApiTest {

    private static final String UTM_39N = "urn:ogc:def:crs:EPSG::32639";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ActingCommands commands;
    @Autowired
    StoredEvents events;
    @Autowired
    DSLContext dsl;
    @Autowired
    Clock clock;
    @Autowired
    LayerVersionsInForce versionsInForce;

    private LayerUploads layers;
    private TestCity city;
    private LocalDate today;

    @BeforeEach
    void aNewlyRegisteredTown() {
        layers = new LayerUploads(mvc, json);
        city = TestCity.register(commands);
        today = IranTime.today(clock);
    }

    @Test
    void givenANewTownWhenItsAdminImportsItsBoundaryThenTheVersionItsRowsItsRegisterRowAndItsEventAreStored() throws Exception {
        JsonNode body = layers.read(layers.upload(city, "boundary", city.boundaryFile())
                .andExpect(status().isCreated())
                .andExpect(header().string("Location",
                        startsWith("/api/municipalities/" + city.slug() + "/layers/boundary/versions/layer-version-"))));

        String versionId = body.get("versionId").asText();
        assertThat(body.get("municipalityId").asText()).isEqualTo(city.id().toString());
        assertThat(body.get("layer").asText()).isEqualTo("boundary");
        assertThat(body.get("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(body.get("featureCount").asInt()).isEqualTo(1);
        assertThat(body.get("sourceCrs").asText()).isEqualTo("EPSG:4326");

        double[] southWest = city.at(-TestCity.HALF_SIDE, -TestCity.HALF_SIDE);
        double[] northEast = city.at(TestCity.HALF_SIDE, TestCity.HALF_SIDE);
        List<StoredEvents.Stored> stored = events.of(city.catalogue().toString());
        assertThat(stored).singleElement().satisfies(event -> {
            assertThat(event.simpleType()).isEqualTo("LayerVersionImported");
            JsonNode payload = event.payload();
            assertThat(payload.get("catalogueId").asText()).isEqualTo(city.catalogue().toString());
            assertThat(payload.get("municipalityId").asText()).isEqualTo(city.id().toString());
            assertThat(payload.get("municipalitySlug").asText()).isEqualTo(city.slug());
            assertThat(payload.get("layer").asText()).isEqualTo("boundary");
            assertThat(payload.get("versionId").asText()).isEqualTo(versionId);
            assertThat(payload.get("sha256").asText()).isEqualTo(body.get("sha256").asText());
            assertThat(payload.get("featureCount").asInt()).isEqualTo(1);
            assertThat(payload.get("sourceCrs").asText()).isEqualTo("EPSG:4326");
            assertThat(payload.get("minLongitude").asDouble()).isCloseTo(southWest[0], within(1e-7));
            assertThat(payload.get("minLatitude").asDouble()).isCloseTo(southWest[1], within(1e-7));
            assertThat(payload.get("maxLongitude").asDouble()).isCloseTo(northEast[0], within(1e-7));
            assertThat(payload.get("maxLatitude").asDouble()).isCloseTo(northEast[1], within(1e-7));
            assertThat(event.metaData().get(Actor.SUBJECT).asText()).isEqualTo(city.admin().subject());
            assertThat(event.metaData().get(Actor.NAME).asText()).isEqualTo("زهرا موسوی");
            assertThat(event.metaData().get(Actor.ROLE).asText()).isEqualTo("MUNICIPAL_ADMIN");
            assertThat(event.metaData().get(Actor.MUNICIPALITY).asText()).isEqualTo(city.slug());
        });

        UUID version = LayerVersionId.parse(versionId).value();
        var register = dsl.selectFrom(LAYER_VERSION).where(LAYER_VERSION.VERSION_ID.eq(version)).fetchSingle();
        assertThat(register.getMunicipalityId()).isEqualTo(city.id().toString());
        assertThat(register.getLayer()).isEqualTo("boundary");
        assertThat(register.getSha256()).isEqualTo(body.get("sha256").asText());
        assertThat(register.getFeatureCount()).isEqualTo(1);
        assertThat(register.getSourceCrs()).isEqualTo("EPSG:4326");
        assertThat(register.getImportedBy()).isEqualTo(city.admin().subject());
        assertThat(register.getMinLon()).isCloseTo(southWest[0], within(1e-7));
        assertThat(register.getMaxLat()).isCloseTo(northEast[1], within(1e-7));

        Record boundary = dsl.select(BOUNDARY.NAME, BOUNDARY.FEATURE_INDEX, srid(BOUNDARY.GEOM), srid(BOUNDARY.GEOM_UTM),
                        areaM2(BOUNDARY.GEOM_UTM))
                .from(BOUNDARY).where(BOUNDARY.VERSION_ID.eq(version)).fetchSingle();
        assertThat(boundary.get(BOUNDARY.NAME)).isEqualTo("محدوده قانونی شهرک نمونه");
        assertThat(boundary.get(BOUNDARY.FEATURE_INDEX)).isZero();
        assertThat(boundary.get(2, Integer.class)).isEqualTo(4326);
        assertThat(boundary.get(3, Integer.class)).isEqualTo(32639);
        assertThat(boundary.get(4, Double.class)).isCloseTo(25_000_000.0, within(250_000.0));

        assertThat(versionsInForce.on(city.id().toString(), LayerKind.BOUNDARY, today)).isEmpty();
    }

    @Test
    void givenAnImportedBoundaryWhenActivatedFromTodayThenTheActivationIsRecordedAndTheBoundaryIsInForce() throws Exception {
        String versionId = layers.imported(city, "boundary", city.boundaryFile()).get("versionId").asText();

        layers.activate(city, "boundary", versionId, today, city.admin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versionId").value(versionId))
                .andExpect(jsonPath("$.layer").value("boundary"))
                .andExpect(jsonPath("$.effectiveFrom").value(today.toString()));

        UUID version = LayerVersionId.parse(versionId).value();
        var activation = dsl.selectFrom(LAYER_ACTIVATION).where(LAYER_ACTIVATION.VERSION_ID.eq(version)).fetchSingle();
        assertThat(activation.getMunicipalityId()).isEqualTo(city.id().toString());
        assertThat(activation.getLayer()).isEqualTo("boundary");
        assertThat(activation.getEffectiveFrom()).isEqualTo(today);
        assertThat(activation.getActivatedBy()).isEqualTo(city.admin().subject());

        StoredEvents.Stored last = events.of(city.catalogue().toString()).get(1);
        assertThat(last.simpleType()).isEqualTo("LayerVersionActivated");
        assertThat(last.payload().get("versionId").asText()).isEqualTo(versionId);
        assertThat(last.payload().get("effectiveFrom").asText()).isEqualTo(today.toString());
        assertThat(last.payload().get("supersededVersionId").isNull()).isTrue();
        assertThat(last.metaData().get(Actor.SUBJECT).asText()).isEqualTo(city.admin().subject());

        assertThat(versionsInForce.on(city.id().toString(), LayerKind.BOUNDARY, today))
                .hasValueSatisfying(inForce -> assertThat(inForce.versionIdText()).isEqualTo(versionId));
    }

    @Test
    void givenABoundaryInForceWhenParcelsWithPlatesInPersianAndArabicDigitsAreImportedThenPlatesAreStoredInLatinDigits() throws Exception {
        layers.importAndActivate(city, "boundary", city.boundaryFile(), today);
        String multiPolygon = "{\"type\":\"MultiPolygon\",\"coordinates\":[" + rings(city.rectangleAt(100, 0, 115, 20)) + ","
                + rings(city.rectangleAt(120, 0, 130, 20)) + "]}";

        JsonNode body = layers.imported(city, "parcels", collection(null, List.of(
                feature(Map.of("plate", "۱۲۳۴/۵۶", "renovation_code", "03-12-045-007"), city.rectangleAt(0, 0, 20, 30)),
                feature(Map.of("plate", "1234/57"), city.rectangleAt(20, 0, 40, 30)),
                feature(Map.of("plate", "١٢٣٤ / ٥٨"), city.rectangleAt(40, 0, 60, 30)),
                feature(Map.of("plate", "۸۷۶"), city.rectangleAt(60, 0, 80, 30)),
                feature(Map.of("plate", "۱۲۳۵/۱"), multiPolygon))));

        assertThat(body.get("featureCount").asInt()).isEqualTo(5);
        UUID version = LayerVersionId.parse(body.get("versionId").asText()).value();
        var parcels = dsl.select(PARCEL.PLATE, PARCEL.RENOVATION_CODE, areaM2(PARCEL.GEOM_UTM), DSL.field("ST_NumGeometries({0})",
                        Integer.class, PARCEL.GEOM))
                .from(PARCEL).where(PARCEL.VERSION_ID.eq(version)).orderBy(PARCEL.FEATURE_INDEX).fetch();
        assertThat(parcels.getValues(PARCEL.PLATE)).containsExactly("1234/56", "1234/57", "1234/58", "876", "1235/1");
        assertThat(parcels.get(0).get(PARCEL.RENOVATION_CODE)).isEqualTo("03-12-045-007");
        assertThat(parcels.get(1).get(PARCEL.RENOVATION_CODE)).isNull();
        assertThat(parcels.get(0).get(2, Double.class)).isCloseTo(600.0, within(6.0));
        assertThat(parcels.get(4).get(2, Double.class)).isCloseTo(500.0, within(5.0));
        assertThat(parcels.get(4).get(3, Integer.class)).isEqualTo(2);
        assertThat(parcels.get(0).get(3, Integer.class)).isEqualTo(1);
    }

    @Test
    void givenABoundaryInForceWhenZonesPassagesPriceBlocksAndOverlaysAreImportedThenEachIsStoredWithItsAttributesNormalised() throws Exception {
        layers.importAndActivate(city, "boundary", city.boundaryFile(), today);

        UUID zones = version(layers.imported(city, "zones", collection(null, List.of(
                feature(Map.of("zone_code", "r۱۲۱", "name", "مسکونی کم‌تراکم"), city.rectangleAt(-1000, -1000, 0, 1000)),
                feature(Map.of("zone_code", "S211"), city.rectangleAt(0, -1000, 1000, 1000))))));
        assertThat(dsl.select(ZONE.ZONE_CODE).from(ZONE).where(ZONE.VERSION_ID.eq(zones)).orderBy(ZONE.FEATURE_INDEX)
                .fetch(ZONE.ZONE_CODE)).containsExactly("R121", "S211");

        double[] west = city.at(-800, 0);
        double[] east = city.at(800, 0);
        double[] south = city.at(300, -600);
        double[] north = city.at(300, 600);
        UUID passages = version(layers.imported(city, "passages", collection(null, List.of(
                feature(Map.of("width_m", 20, "name", "خیابان شهید بهشتی"), line(new double[][]{west, east})),
                feature(Map.of("width_m", "۱۲٫۵", "name", "کوچه ارغوان"), line(new double[][]{south, north})),
                feature(Map.of("width_m", 8.004), "{\"type\":\"MultiLineString\",\"coordinates\":[[["
                        + west[0] + "," + north[1] + "],[" + east[0] + "," + north[1] + "]],[["
                        + west[0] + "," + south[1] + "],[" + east[0] + "," + south[1] + "]]]}")))));
        var passageRows = dsl.select(PASSAGE.WIDTH_M, PASSAGE.NAME, lengthM(PASSAGE.GEOM_UTM)).from(PASSAGE)
                .where(PASSAGE.VERSION_ID.eq(passages)).orderBy(PASSAGE.FEATURE_INDEX).fetch();
        assertThat(passageRows.getValues(PASSAGE.WIDTH_M)).containsExactly(new BigDecimal("20.00"), new BigDecimal("12.50"),
                new BigDecimal("8.00"));
        assertThat(passageRows.getValues(PASSAGE.NAME)).containsExactly("خیابان شهید بهشتی", "کوچه ارغوان", null);
        assertThat(passageRows.get(0).get(2, Double.class)).isCloseTo(1600.0, within(16.0));

        UUID priceBlocks = version(layers.imported(city, "price-blocks", collection(null, List.of(
                feature(Map.of("price_rials", 185_000_000, "block_code", "ب-۱۲"), city.rectangleAt(-1000, -1000, 0, 1000)),
                feature(Map.of("price_rials", "۲۴۰٬۰۰۰٬۰۰۰"), city.rectangleAt(0, -1000, 1000, 1000))))));
        var blocks = dsl.select(PRICE_BLOCK.PRICE_RIALS_PER_M2, PRICE_BLOCK.BLOCK_CODE).from(PRICE_BLOCK)
                .where(PRICE_BLOCK.VERSION_ID.eq(priceBlocks)).orderBy(PRICE_BLOCK.FEATURE_INDEX).fetch();
        assertThat(blocks.getValues(PRICE_BLOCK.PRICE_RIALS_PER_M2)).containsExactly(185_000_000L, 240_000_000L);
        assertThat(blocks.getValues(PRICE_BLOCK.BLOCK_CODE)).containsExactly("ب-۱۲", null);

        UUID overlays = version(layers.imported(city, "overlays", collection(null, List.of(
                feature(Map.of("overlay_code", "HB-1", "kind", "HERITAGE_BUFFER", "precedence", "RESTRICT", "max_floors", 2,
                        "max_height_m", 7.5, "description", "حریم درجه یک کاروانسرای سعدالسلطنه"), city.rectangleAt(-50, -50, 50, 50)),
                feature(Map.of("overlay_code", "RV-1", "kind", "RIVER_SETBACK", "precedence", "restrict", "setback_m", "۱۵"),
                        city.rectangleAt(-1000, 900, 1000, 950)),
                feature(Map.of("overlay_code", "inc-2", "kind", "INCENTIVE", "precedence", "RELAX", "max_floors", 6),
                        city.rectangleAt(500, 500, 700, 700)),
                feature(Map.of("overlay_code", "RZ-1", "kind", "REGENERATION", "precedence", "REPLACE", "replacement_zone", "M111"),
                        city.rectangleAt(-700, -700, -500, -500))))));
        var overlayRows = dsl.select(OVERLAY.OVERLAY_CODE, OVERLAY.KIND, OVERLAY.PRECEDENCE, OVERLAY.MAX_FLOORS,
                        OVERLAY.MAX_HEIGHT_M, OVERLAY.SETBACK_M, OVERLAY.REPLACEMENT_ZONE, OVERLAY.DESCRIPTION)
                .from(OVERLAY).where(OVERLAY.VERSION_ID.eq(overlays)).orderBy(OVERLAY.FEATURE_INDEX).fetch();
        assertThat(overlayRows.getValues(OVERLAY.OVERLAY_CODE)).containsExactly("HB-1", "RV-1", "INC-2", "RZ-1");
        assertThat(overlayRows.getValues(OVERLAY.KIND)).containsExactly("HERITAGE_BUFFER", "RIVER_SETBACK", "INCENTIVE",
                "REGENERATION");
        assertThat(overlayRows.getValues(OVERLAY.PRECEDENCE)).containsExactly("RESTRICT", "RESTRICT", "RELAX", "REPLACE");
        assertThat(overlayRows.getValues(OVERLAY.MAX_FLOORS)).containsExactly(2, null, 6, null);
        assertThat(overlayRows.get(0).get(OVERLAY.MAX_HEIGHT_M)).isEqualByComparingTo("7.5");
        assertThat(overlayRows.get(0).get(OVERLAY.DESCRIPTION)).isEqualTo("حریم درجه یک کاروانسرای سعدالسلطنه");
        assertThat(overlayRows.get(1).get(OVERLAY.SETBACK_M)).isEqualByComparingTo("15");
        assertThat(overlayRows.getValues(OVERLAY.REPLACEMENT_ZONE)).containsExactly(null, null, null, "M111");

        assertThat(versionsInForce.allOn(city.id().toString(), today)).containsOnlyKeys(LayerKind.BOUNDARY);
    }

    @Test
    void givenImportedParcelsWhenTheSameFeaturesAreSentReformattedReorderedAndWithOtherPropertiesThenRefusedAsTheSameVersion()
            throws Exception {
        layers.importAndActivate(city, "boundary", city.boundaryFile(), today);
        List<double[][]> rings = List.of(ring(0, 0, 20, 30), ring(20, 0, 40, 30), ring(40, 0, 60, 30));
        List<String> plates = List.of("۲۱۰/۱", "۲۱۰/۲", "۲۱۰/۳");
        List<String> compact = new ArrayList<>();
        for (int i = 0; i < rings.size(); i++) {
            compact.add(feature(Map.of("plate", plates.get(i)), polygon(rings.get(i))));
        }
        JsonNode first = layers.imported(city, "parcels", collection(null, compact));

        StringBuilder reformatted = new StringBuilder("{\n  \"features\": [\n");
        for (int i = 0; i < rings.size(); i++) {
            reformatted.append(i == 0 ? "" : ",\n").append("""
                        {
                          "geometry": {
                            "coordinates": [ %s ],
                            "type": "Polygon"
                          },
                          "id": %d,
                          "properties": {
                            "OBJECTID": %d,
                            "Shape_Area": 600.02,
                            "نام_مالک": "علی محمدی",
                            "plate": "%s",
                            "renovation_code": null
                          },
                          "type": "Feature"
                        }""".formatted(positions(rings.get(i), "%.10f"), 1000 + i, 17 + i,
                    PersianText.latinDigits(plates.get(i))));
        }
        reformatted.append("\n  ],\n  \"name\": \"parcels_export\",\n  \"type\": \"FeatureCollection\"\n}\n");

        StoreFootprint before = StoreFootprint.of(dsl);
        layers.upload(city, "parcels", reformatted.toString())
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("LAYER_VERSION_ALREADY_IMPORTED"))
                .andExpect(jsonPath("$.versionId").value(first.get("versionId").asText()))
                .andExpect(jsonPath("$.title_fa").value("همین نسخه از لایه قبلاً بارگذاری شده است"));
        assertThat(StoreFootprint.of(dsl)).isEqualTo(before);

        List<String> onePlateChanged = new ArrayList<>(compact);
        onePlateChanged.set(2, feature(Map.of("plate", "۲۱۰/۴"), polygon(rings.get(2))));
        JsonNode second = layers.imported(city, "parcels", collection(null, onePlateChanged));
        assertThat(second.get("sha256").asText()).isNotEqualTo(first.get("sha256").asText());
    }

    @Test
    void givenParcelsInLongitudeLatitudeWhenTheSameParcelsAreImportedInUtm39NByTheFilesCrsOrByTheRequestThenTheyLandInTheSamePlace()
            throws Exception {
        layers.importAndActivate(city, "boundary", city.boundaryFile(), today);
        List<double[][]> rings = List.of(ring(-30, -20, -10, 10), ring(-10, -20, 12, 10), ring(12, -20, 30, 15));
        List<String> wgs84 = new ArrayList<>();
        List<String> utm = new ArrayList<>();
        for (int i = 0; i < rings.size(); i++) {
            Map<String, Object> properties = Map.of("plate", "۳۴۵/" + (i + 1));
            wgs84.add(feature(properties, polygon(rings.get(i))));
            utm.add(feature(properties, polygon(toUtm(rings.get(i)))));
        }
        UUID inDegrees = version(layers.imported(city, "parcels", collection(null, wgs84)));

        JsonNode byFile = layers.imported(city, "parcels", collection(UTM_39N, utm));
        assertThat(byFile.get("sourceCrs").asText()).isEqualTo("EPSG:32639");
        assertSamePlaces(inDegrees, version(byFile));

        TestCity twin = TestCity.register(commands, city.longitude(), city.latitude());
        layers.importAndActivate(twin, "boundary", twin.boundaryFile(), today);
        JsonNode byRequest = layers.imported(twin, "parcels", collection(null, utm), "EPSG:32639");
        assertThat(byRequest.get("sourceCrs").asText()).isEqualTo("EPSG:32639");
        assertThat(byRequest.get("sha256").asText()).isEqualTo(byFile.get("sha256").asText());
        assertSamePlaces(inDegrees, version(byRequest));
    }

    @Test
    void givenImportedParcelsWhenTheSameFileDeclaresCrs84ThenItIsTheSameContentInWgs84AndRefusedAsTheSameVersion()
            throws Exception {
        layers.importAndActivate(city, "boundary", city.boundaryFile(), today);
        List<String> features = List.of(feature(Map.of("plate", "۴۵۶/۷"), polygon(ring(0, 0, 20, 30))));
        JsonNode first = layers.imported(city, "parcels", collection(null, features));

        layers.upload(city, "parcels", collection("urn:ogc:def:crs:OGC:1.3:CRS84", features))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("LAYER_VERSION_ALREADY_IMPORTED"))
                .andExpect(jsonPath("$.versionId").value(first.get("versionId").asText()));
        layers.upload(city, "parcels", collection(null, features), city.admin(), "EPSG:4326")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.versionId").value(first.get("versionId").asText()));
    }

    @Test
    void givenTwoSimultaneousImportsOfTheSameParcelsThenExactlyOneIsStored() throws Exception {
        layers.importAndActivate(city, "boundary", city.boundaryFile(), today);
        List<String> features = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            features.add(feature(Map.of("plate", "۷۰۰/" + (i + 1)), polygon(ring(-1000 + (i % 30) * 25, -1000 + (i / 30) * 35,
                    -980 + (i % 30) * 25, -970 + (i / 30) * 35))));
        }
        String file = collection(null, features);
        Callable<Integer> attempt = () -> layers.upload(city, "parcels", file).andReturn().getResponse().getStatus();
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = pool.invokeAll(List.of(attempt, attempt));
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(dsl.fetchCount(LAYER_VERSION, LAYER_VERSION.MUNICIPALITY_ID.eq(city.id().toString())
                .and(LAYER_VERSION.LAYER.eq("parcels")))).isEqualTo(1);
        UUID stored = dsl.select(LAYER_VERSION.VERSION_ID).from(LAYER_VERSION)
                .where(LAYER_VERSION.MUNICIPALITY_ID.eq(city.id().toString())).and(LAYER_VERSION.LAYER.eq("parcels"))
                .fetchSingle(LAYER_VERSION.VERSION_ID);
        assertThat(dsl.fetchCount(PARCEL, PARCEL.VERSION_ID.eq(stored))).isEqualTo(600);
        assertThat(events.of(city.catalogue().toString())).extracting(StoredEvents.Stored::simpleType)
                .containsExactly("LayerVersionImported", "LayerVersionActivated", "LayerVersionImported");
    }

    /** Each plate of one version lies where the same plate of the other does, to the millimetre. */
    private void assertSamePlaces(UUID expected, UUID actual) {
        var a = PARCEL.as("a");
        var b = PARCEL.as("b");
        var distances = dsl.select(a.PLATE,
                        DSL.field("ST_HausdorffDistance({0}, {1})", Double.class, a.GEOM_UTM, b.GEOM_UTM),
                        DSL.field("ST_HausdorffDistance({0}, {1})", Double.class, a.GEOM, b.GEOM))
                .from(a).join(b).on(a.PLATE.eq(b.PLATE))
                .where(a.VERSION_ID.eq(expected)).and(b.VERSION_ID.eq(actual))
                .fetch();
        assertThat(distances).hasSize(3);
        distances.forEach(r -> {
            assertThat(r.value2()).as("metres apart in UTM 39N, plate " + r.value1()).isLessThan(0.001);
            assertThat(r.value3()).as("degrees apart in WGS 84, plate " + r.value1()).isLessThan(1e-8);
        });
    }

    /** The corners of a rectangle in metres from the town's centre, as longitude/latitude rounded to 7 decimals. */
    private double[][] ring(double west, double south, double east, double north) {
        double[][] corners = {city.at(west, south), city.at(east, south), city.at(east, north), city.at(west, north),
                city.at(west, south)};
        for (double[] corner : corners) {
            corner[0] = Math.round(corner[0] * 1e7) / 1e7;
            corner[1] = Math.round(corner[1] * 1e7) / 1e7;
        }
        return corners;
    }

    /** The same positions in UTM zone 39N, as PostGIS computes them, to the millimetre. */
    private double[][] toUtm(double[][] lonLat) {
        double[][] utm = new double[lonLat.length][];
        for (int i = 0; i < lonLat.length; i++) {
            Record xy = dsl.select(
                            DSL.field("ST_X(ST_Transform(ST_SetSRID(ST_MakePoint({0}, {1}), 4326), 32639))", Double.class,
                                    DSL.val(lonLat[i][0]), DSL.val(lonLat[i][1])),
                            DSL.field("ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint({0}, {1}), 4326), 32639))", Double.class,
                                    DSL.val(lonLat[i][0]), DSL.val(lonLat[i][1])))
                    .fetchSingle();
            utm[i] = new double[]{Math.round(xy.get(0, Double.class) * 1000) / 1000.0,
                    Math.round(xy.get(1, Double.class) * 1000) / 1000.0};
        }
        return utm;
    }

    private static String positions(double[][] positions, String format) {
        List<String> text = new ArrayList<>();
        for (double[] position : positions) {
            text.add(String.format(Locale.ROOT, "[ " + format + ", " + format + " ]", position[0], position[1]));
        }
        return "[ " + String.join(", ", text) + " ]";
    }

    /** The rings of a GeoJSON Polygon geometry text, to nest it in a MultiPolygon. */
    private String rings(String polygonGeometry) throws Exception {
        return json.readTree(polygonGeometry).get("coordinates").toString();
    }

    private static UUID version(JsonNode imported) {
        return LayerVersionId.parse(imported.get("versionId").asText()).value();
    }

    private static Field<Integer> srid(Field<?> geometry) {
        return DSL.field("ST_SRID({0})", Integer.class, geometry);
    }

    private static Field<Double> areaM2(Field<?> geometry) {
        return DSL.field("ST_Area({0})", Double.class, geometry);
    }

    private static Field<Double> lengthM(Field<?> geometry) {
        return DSL.field("ST_Length({0})", Double.class, geometry);
    }
}
