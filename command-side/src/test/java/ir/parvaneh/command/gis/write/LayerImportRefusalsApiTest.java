package ir.parvaneh.command.gis.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.LayerUploads;
import ir.parvaneh.command.support.StoreFootprint;
import ir.parvaneh.command.support.StreamedUpload;
import ir.parvaneh.command.support.TestCity;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerVersionId;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.time.IranTime;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static ir.parvaneh.command.jooq.layers.Tables.LAYER_ACTIVATION;
import static ir.parvaneh.command.support.Actors.CITIZEN;
import static ir.parvaneh.command.support.Actors.PROVINCE_ADMIN;
import static ir.parvaneh.command.support.Actors.TAKESTAN_ADMIN;
import static ir.parvaneh.command.support.GeoJson.collection;
import static ir.parvaneh.command.support.GeoJson.feature;
import static ir.parvaneh.command.support.GeoJson.line;
import static ir.parvaneh.command.support.GeoJson.polygon;
import static ir.parvaneh.command.support.GeoJson.rectangle;
import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way an import or an activation is refused over HTTP: the problem document carries the stable code,
 * the Persian title and, where one feature is at fault, its index in the file; and nothing at all is
 * written: no row in any layer table, no event. One town with its boundary in force serves all tests.
 */
@CommandSideIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayerImportRefusalsApiTest {

    /** parvaneh.layers.max-upload-size in the test configuration. */
    private static final long MAX_UPLOAD_BYTES = 1024 * 1024;

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ActingCommands commands;
    @Autowired
    DSLContext dsl;
    @Autowired
    Clock clock;

    private LayerUploads layers;
    private TestCity town;
    private LocalDate today;

    @BeforeAll
    void aTownWithItsBoundaryInForce() throws Exception {
        layers = new LayerUploads(mvc, json);
        town = TestCity.register(commands);
        today = IranTime.today(clock);
        layers.importAndActivate(town, "boundary", town.boundaryFile(), today);
    }

    /** A valid parcel of the town: the n-th of a grid of 20 m × 30 m plots west and south of the centre. */
    private String parcel(int n) {
        double west = (n % 40) * 25 - 1000;
        double south = (n / 40) * 35 - 1000;
        return feature(Map.of("plate", "۵۰۰/" + (n + 1)), town.rectangleAt(west, south, west + 20, south + 30));
    }

    private String parcels(String... features) {
        return collection(null, List.of(features));
    }

    /**
     * Sends the upload and checks the refusal: status, problem content type, code, Persian title, the
     * feature at fault (or none) — and that the layer store and the event store hold what they held before.
     */
    private JsonNode refused(ResultActions upload, ErrorCode code, Integer featureIndex) throws Exception {
        MockHttpServletResponse response = upload.andReturn().getResponse();
        JsonNode problem = json.readTree(response.getContentAsByteArray());
        assertThat(response.getStatus()).as(problem.toString()).isEqualTo(code.httpStatus());
        assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(response.getContentType()).isTrue();
        assertThat(problem.path("code").asText()).as(problem.toString()).isEqualTo(code.name());
        assertThat(problem.path("title_fa").asText()).isEqualTo(code.titleFa());
        if (featureIndex == null) {
            assertThat(problem.has("featureIndex")).as(problem.toString()).isFalse();
        } else {
            assertThat(problem.path("featureIndex").isInt()).as(problem.toString()).isTrue();
            assertThat(problem.get("featureIndex").asInt()).as(problem.toString()).isEqualTo(featureIndex);
        }
        return problem;
    }

    private JsonNode refusedImport(String layer, String geoJson, ErrorCode code, Integer featureIndex) throws Exception {
        return refusedImport(town, layer, geoJson, null, town.admin(), code, featureIndex);
    }

    private JsonNode refusedImport(TestCity city, String layer, String geoJson, String crs, Actor actor, ErrorCode code,
                                   Integer featureIndex) throws Exception {
        StoreFootprint before = StoreFootprint.of(dsl);
        JsonNode problem = refused(layers.upload(city, layer, geoJson, actor, crs), code, featureIndex);
        assertThat(StoreFootprint.of(dsl)).as("rows and events after the refusal").isEqualTo(before);
        return problem;
    }

    // --- The file is not a GeoJSON FeatureCollection -------------------------------------------------------------

    @Test
    void givenATruncatedFileWhenImportedThenInvalidJsonWithTheLineAndColumnAndNothingStored() throws Exception {
        String whole = parcels(parcel(0), parcel(1), parcel(2));
        JsonNode problem = refusedImport("parcels", whole.substring(0, whole.length() * 2 / 3),
                ErrorCode.LAYER_IMPORT_INVALID_JSON, null);
        assertThat(problem.get("line").asInt()).isEqualTo(1);
        assertThat(problem.get("column").asInt()).isPositive();
    }

    static Stream<String> notFeatureCollections() {
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[50.0,36.3],[50.001,36.3],[50.001,36.301],[50.0,36.3]]]}";
        return Stream.of(
                "{\"type\":\"Feature\",\"properties\":{\"plate\":\"100/1\"},\"geometry\":" + polygon + "}",
                "[{\"type\":\"Feature\",\"properties\":{\"plate\":\"100/1\"},\"geometry\":" + polygon + "}]",
                "{\"type\":\"GeometryCollection\",\"geometries\":[" + polygon + "]}",
                "{\"type\":\"FeatureCollection\",\"features\":{\"plate\":\"100/1\"}}",
                "\"parcels.geojson\"",
                "<?xml version=\"1.0\"?><gml:FeatureCollection/>");
    }

    @ParameterizedTest
    @MethodSource("notFeatureCollections")
    void givenSomethingOtherThanAFeatureCollectionWhenImportedThenInvalidJsonAndNothingStored(String body) throws Exception {
        refusedImport("parcels", body, ErrorCode.LAYER_IMPORT_INVALID_JSON, null);
    }

    @Test
    void givenTwoCollectionsOneAfterTheOtherWhenImportedThenInvalidJsonRatherThanTheFirstAloneAndNothingStored() throws Exception {
        refusedImport("parcels", parcels(parcel(0), parcel(1)) + "\n" + parcels(parcel(2), parcel(3)),
                ErrorCode.LAYER_IMPORT_INVALID_JSON, null);
        refusedImport("parcels", parcels(parcel(0), parcel(1)) + "]}", ErrorCode.LAYER_IMPORT_INVALID_JSON, null);
    }

    @Test
    void givenAMemberOfFeaturesThatIsNotAFeatureWhenImportedThenInvalidJsonNamingItAndNothingStored() throws Exception {
        String bareGeometry = "{\"type\":\"Polygon\",\"coordinates\":[[[50.0,36.3],[50.001,36.3],[50.001,36.301],[50.0,36.3]]]}";
        refusedImport("parcels", parcels(parcel(0), bareGeometry, parcel(2)), ErrorCode.LAYER_IMPORT_INVALID_JSON, 1);
    }

    @Test
    void givenAFeatureCollectionWithoutFeaturesWhenImportedThenRefusedAsEmptyAndNothingStored() throws Exception {
        refusedImport("parcels", "{\"type\":\"FeatureCollection\",\"features\":[]}", ErrorCode.LAYER_IMPORT_EMPTY, null);
        refusedImport("zones", "{\"type\":\"FeatureCollection\"}", ErrorCode.LAYER_IMPORT_EMPTY, null);
    }

    // --- A feature's geometry -----------------------------------------------------------------------------------

    @Test
    void givenAPointAmongParcelsWhenImportedThenWrongGeometryTypeNamingItAndNothingStored() throws Exception {
        double[] centre = town.at(0, 0);
        String point = feature(Map.of("plate", "۵۰۰/۹۹"),
                "{\"type\":\"Point\",\"coordinates\":[" + centre[0] + "," + centre[1] + "]}");
        refusedImport("parcels", parcels(parcel(0), parcel(1), point), ErrorCode.LAYER_IMPORT_WRONG_GEOMETRY_TYPE, 2);
    }

    @Test
    void givenAPolygonAmongPassagesWhenImportedThenWrongGeometryTypeNamingItAndNothingStored() throws Exception {
        double[] west = town.at(-500, 0);
        double[] east = town.at(500, 0);
        refusedImport("passages", collection(null, List.of(
                        feature(Map.of("width_m", 16, "name", "خیابان طالقانی"), line(new double[][]{west, east})),
                        feature(Map.of("width_m", 10, "name", "میدان آزادی"), town.rectangleAt(-40, -40, 40, 40)))),
                ErrorCode.LAYER_IMPORT_WRONG_GEOMETRY_TYPE, 1);
    }

    @Test
    void givenAParcelWithoutGeometryWhenImportedThenWrongGeometryTypeNamingItAndNothingStored() throws Exception {
        refusedImport("parcels", parcels(parcel(0), feature(Map.of("plate", "۵۰۰/۷۷"), "null")),
                ErrorCode.LAYER_IMPORT_WRONG_GEOMETRY_TYPE, 1);
    }

    @Test
    void givenASelfIntersectingBowTieParcelWhenImportedThenInvalidGeometryNamingItAndNothingStored() throws Exception {
        double[] a = town.at(0, 0);
        double[] b = town.at(20, 30);
        double[][] bowTie = {a, {b[0], a[1]}, {a[0], b[1]}, b, a};
        refusedImport("parcels", parcels(parcel(0), feature(Map.of("plate", "۵۰۰/۸۸"), polygon(bowTie)), parcel(2)),
                ErrorCode.LAYER_IMPORT_INVALID_GEOMETRY, 1);
    }

    @Test
    void givenALopsidedBowTieParcelWhenImportedThenInvalidGeometryNamingItAndNothingStored() throws Exception {
        double[] a = town.at(0, 0);
        double[] b = town.at(20, 30);
        double[] c = town.at(30, 0);
        double[][] bowTie = {a, c, {a[0], b[1]}, b, a};
        refusedImport("parcels", parcels(parcel(0), feature(Map.of("plate", "۵۰۰/۸۸"), polygon(bowTie))),
                ErrorCode.LAYER_IMPORT_INVALID_GEOMETRY, 1);
    }

    @Test
    void givenAParcelCollapsedOntoALineWhenImportedThenInvalidGeometryNamingItAndNothingStored() throws Exception {
        double[][] collapsed = {town.at(0, 0), town.at(10, 0), town.at(20, 0), town.at(0, 0)};
        refusedImport("parcels", parcels(parcel(0), feature(Map.of("plate", "۵۰۰/۴۴"), polygon(collapsed))),
                ErrorCode.LAYER_IMPORT_INVALID_GEOMETRY, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"Polygon\",\"coordinates\":[]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[]]}",
            "{\"type\":\"MultiPolygon\",\"coordinates\":[]}"})
    void givenAParcelWithEmptyCoordinatesWhenImportedThenEmptyGeometryNamingItAndNothingStored(String empty) throws Exception {
        refusedImport("parcels", parcels(parcel(0), feature(Map.of("plate", "۵۰۰/۶۶"), empty)),
                ErrorCode.LAYER_IMPORT_EMPTY_GEOMETRY, 1);
    }

    @Test
    void givenAPassageOfZeroLengthWhenImportedThenEmptyGeometryNamingItAndNothingStored() throws Exception {
        double[] here = town.at(0, 0);
        refusedImport("passages", collection(null, List.of(
                        feature(Map.of("width_m", 6), line(new double[][]{here, here})))),
                ErrorCode.LAYER_IMPORT_EMPTY_GEOMETRY, 0);
    }

    @Test
    void givenAParcelWhoseRingIsNotClosedWhenImportedThenInvalidGeometryNamingItAndNothingStored() throws Exception {
        double[] a = town.at(0, 0);
        double[] b = town.at(20, 30);
        double[][] open = {a, {b[0], a[1]}, b, {a[0], b[1]}};
        refusedImport("parcels", parcels(parcel(0), feature(Map.of("plate", "۵۰۰/۵۵"), polygon(open))),
                ErrorCode.LAYER_IMPORT_INVALID_GEOMETRY, 1);
    }

    // --- A feature's attributes ---------------------------------------------------------------------------------

    @Test
    void givenAParcelWithoutAPlateWhenImportedThenMissingAttributeNamingItAndNothingStored() throws Exception {
        String noPlate = feature(Map.of("renovation_code", "03-12-045-009"), town.rectangleAt(0, 0, 20, 30));
        JsonNode problem = refusedImport("parcels", parcels(parcel(0), noPlate), ErrorCode.LAYER_IMPORT_MISSING_ATTRIBUTE, 1);
        assertThat(problem.get("attribute").asText()).isEqualTo("plate");

        String blankPlate = feature(Map.of("plate", "  "), town.rectangleAt(0, 0, 20, 30));
        refusedImport("parcels", parcels(blankPlate), ErrorCode.LAYER_IMPORT_MISSING_ATTRIBUTE, 0);
    }

    @Test
    void givenAParcelWhosePlateIsNotAPlateWhenImportedThenInvalidAttributeNamingItAndNothingStored() throws Exception {
        String badPlate = feature(Map.of("plate", "abc"), town.rectangleAt(0, 0, 20, 30));
        JsonNode problem = refusedImport("parcels", parcels(parcel(0), parcel(1), badPlate),
                ErrorCode.LAYER_IMPORT_INVALID_ATTRIBUTE, 2);
        assertThat(problem.get("attribute").asText()).isEqualTo("plate");
    }

    @Test
    void givenTheSamePlateInPersianAndLatinDigitsWhenImportedThenDuplicatePlateNamingBothFeaturesAndNothingStored() throws Exception {
        String first = feature(Map.of("plate", "۱۲۳۴/۵۶"), town.rectangleAt(300, 300, 320, 330));
        String again = feature(Map.of("plate", "1234/56"), town.rectangleAt(400, 300, 420, 330));
        JsonNode problem = refusedImport("parcels", parcels(first, parcel(1), parcel(2), again, parcel(4)),
                ErrorCode.LAYER_IMPORT_DUPLICATE_PLATE, 3);
        assertThat(problem.get("plate").asText()).isEqualTo("1234/56");
        assertThat(problem.get("firstFeatureIndex").asInt()).isZero();
        assertThat(problem.get("detail").asText()).contains("feature 0");
    }

    Stream<Arguments> requiredAttributes() {
        double[] west = town.at(-500, 0);
        double[] east = town.at(500, 0);
        return Stream.of(
                Arguments.of("zones", "zone_code", collection(null, List.of(
                        feature(Map.of("zone_code", "R121"), town.rectangleAt(-900, -900, 0, 900)),
                        feature(Map.of("name", "تجاری"), town.rectangleAt(0, -900, 900, 900))))),
                Arguments.of("passages", "width_m", collection(null, List.of(
                        feature(Map.of("width_m", 20, "name", "بلوار امام خمینی"), line(new double[][]{west, east})),
                        feature(Map.of("name", "کوچه یاس"), line(new double[][]{town.at(0, -300), town.at(0, 300)}))))),
                Arguments.of("price-blocks", "price_rials", collection(null, List.of(
                        feature(Map.of("price_rials", 185_000_000), town.rectangleAt(-900, -900, 0, 900)),
                        feature(Map.of("block_code", "ب-۱۳"), town.rectangleAt(0, -900, 900, 900))))),
                Arguments.of("overlays", "replacement_zone", collection(null, List.of(
                        feature(Map.of("overlay_code", "HB-1", "kind", "HERITAGE_BUFFER", "precedence", "RESTRICT",
                                "max_floors", 2), town.rectangleAt(-50, -50, 50, 50)),
                        feature(Map.of("overlay_code", "RZ-1", "kind", "REGENERATION", "precedence", "REPLACE",
                                "description", "بافت فرسوده محله راه‌ری"), town.rectangleAt(-700, -700, -500, -500))))));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredAttributes")
    void givenAFeatureWithoutARequiredAttributeWhenImportedThenMissingAttributeNamingItAndNothingStored(
            String layer, String attribute, String geoJson) throws Exception {
        JsonNode problem = refusedImport(layer, geoJson, ErrorCode.LAYER_IMPORT_MISSING_ATTRIBUTE, 1);
        assertThat(problem.get("attribute").asText()).isEqualTo(attribute);
    }

    @Test
    void givenAPriceTooLargeForAnyBlockWhenImportedThenInvalidAttributeAndNothingStored() throws Exception {
        String absurd = feature(Map.of("price_rials", "1e30"), town.rectangleAt(-900, -900, 0, 900));
        JsonNode problem = refusedImport("price-blocks", collection(null, List.of(absurd)),
                ErrorCode.LAYER_IMPORT_INVALID_ATTRIBUTE, 0);
        assertThat(problem.get("attribute").asText()).isEqualTo("price_rials");

        String absurdNumber = "{\"type\":\"Feature\",\"properties\":{\"price_rials\":1e30},\"geometry\":"
                + town.rectangleAt(-900, -900, 0, 900) + "}";
        refusedImport("price-blocks", collection(null, List.of(absurdNumber)), ErrorCode.LAYER_IMPORT_INVALID_ATTRIBUTE, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e9999999", "1e-9999999"})
    void givenAPassageWidthWithAnAbsurdExponentWhenImportedThenInvalidAttributeAtOnceAndNothingStored(String width)
            throws Exception {
        String absurd = feature(Map.of("width_m", width), line(new double[][]{town.at(-500, 0), town.at(500, 0)}));
        long started = System.nanoTime();
        JsonNode problem = refusedImport("passages", collection(null, List.of(absurd)), ErrorCode.LAYER_IMPORT_INVALID_ATTRIBUTE, 0);
        assertThat(problem.get("attribute").asText()).isEqualTo("width_m");
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to refuse it").isLessThan(1_000);
    }

    // --- Where the features lie ---------------------------------------------------------------------------------

    @Test
    void givenTwelveHundredParcelsWhoseLastLiesOutsideTheBoundaryWhenImportedThenOutsideExtentNamingItAndEveryBatchRolledBack()
            throws Exception {
        List<String> features = new ArrayList<>();
        for (int n = 0; n < 1_199; n++) {
            features.add(parcel(n));
        }
        features.add(feature(Map.of("plate", "۵۰۰/۱۲۰۰"), town.rectangleAt(2_600, 0, 2_620, 30)));
        String file = collection(null, features);
        assertThat(file.length()).isLessThan((int) MAX_UPLOAD_BYTES);

        JsonNode problem = refusedImport("parcels", file, ErrorCode.LAYER_IMPORT_OUTSIDE_EXTENT, 1_199);
        assertThat(problem.get("detail").asText()).contains("boundary");
    }

    @Test
    void givenParcelsInUtmMetresWithoutADeclaredCrsWhenImportedThenOutsideExtentNamingTheFirstAndNothingStored() throws Exception {
        String projected = feature(Map.of("plate", "۵۰۰/۱"), polygon(new double[][]{
                {405_120.0, 4_014_300.0}, {405_140.0, 4_014_300.0}, {405_140.0, 4_014_330.0}, {405_120.0, 4_014_330.0},
                {405_120.0, 4_014_300.0}}));
        refusedImport("parcels", parcels(projected), ErrorCode.LAYER_IMPORT_OUTSIDE_EXTENT, 0);
    }

    @Test
    void givenANewBoundaryWithLatitudeAndLongitudeSwappedWhenImportedThenOutsideIranAndNothingStored() throws Exception {
        double[] min = town.at(-TestCity.HALF_SIDE, -TestCity.HALF_SIDE);
        double[] max = town.at(TestCity.HALF_SIDE, TestCity.HALF_SIDE);
        String swapped = collection(null, List.of(feature(Map.of("name", "محدوده"),
                rectangle(min[1], min[0], max[1], max[0]))));
        JsonNode problem = refusedImport("boundary", swapped, ErrorCode.LAYER_IMPORT_OUTSIDE_EXTENT, 0);
        assertThat(problem.get("detail").asText()).contains("Iran");
    }

    @Test
    void givenATownWithoutABoundaryInForceWhenItsParcelsAreImportedThenBoundaryNotInForceAndNothingStored() throws Exception {
        TestCity newTown = TestCity.register(commands);
        String file = collection(null, List.of(feature(Map.of("plate", "۱/۱"), newTown.rectangleAt(0, 0, 20, 30))));
        refusedImport(newTown, "parcels", file, null, newTown.admin(), ErrorCode.LAYER_BOUNDARY_NOT_IN_FORCE, null);

        String boundary = layers.imported(newTown, "boundary", newTown.boundaryFile()).get("versionId").asText();
        refusedImport(newTown, "parcels", file, null, newTown.admin(), ErrorCode.LAYER_BOUNDARY_NOT_IN_FORCE, null);

        layers.activate(newTown, "boundary", boundary, today.plusDays(1), newTown.admin());
        refusedImport(newTown, "parcels", file, null, newTown.admin(), ErrorCode.LAYER_BOUNDARY_NOT_IN_FORCE, null);
    }

    // --- The coordinate reference system ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:999999", "foo", "EPSG:"})
    void givenAnUnknownCrsOnTheRequestWhenImportedThenUnknownCrsNamingItAndNothingStored(String crs) throws Exception {
        JsonNode problem = refusedImport(town, "parcels", parcels(parcel(0)), crs, town.admin(),
                ErrorCode.LAYER_IMPORT_UNKNOWN_CRS, null);
        assertThat(problem.get("crs").asText()).isEqualTo(crs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:ogc:def:crs:EPSG::999999", "foo"})
    void givenAnUnknownCrsInTheFileWhenImportedThenUnknownCrsNamingItAndNothingStored(String crs) throws Exception {
        JsonNode problem = refusedImport("parcels", collection(crs, List.of(parcel(0))), ErrorCode.LAYER_IMPORT_UNKNOWN_CRS, null);
        assertThat(problem.get("crs").asText()).isIn(crs, "EPSG:999999");
    }

    @Test
    void givenACrsMemberAfterTheFeaturesWhenImportedThenUnknownCrsAndNothingStored() throws Exception {
        String late = "{\"type\":\"FeatureCollection\",\"features\":[" + parcel(0)
                + "],\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32639\"}}}";
        refusedImport("parcels", late, ErrorCode.LAYER_IMPORT_UNKNOWN_CRS, null);
    }

    // --- The size of the upload ---------------------------------------------------------------------------------

    @Test
    void givenAnUploadWhoseContentLengthIsOverTheLimitWhenImportedThenTooLargeAndNothingStored() throws Exception {
        String padded = parcels(parcel(0)) + " ".repeat((int) MAX_UPLOAD_BYTES);
        JsonNode problem = refusedImport("parcels", padded, ErrorCode.LAYER_IMPORT_TOO_LARGE, null);
        assertThat(problem.get("maxBytes").asLong()).isEqualTo(MAX_UPLOAD_BYTES);
    }

    @Test
    void givenAChunkedUploadThatNeverEndsWhenImportedThenTooLargeOnceTheLimitIsReadAndNothingStored() throws Exception {
        EndlessParcels endless = new EndlessParcels(town);
        StoreFootprint before = StoreFootprint.of(dsl);

        JsonNode problem = refused(mvc.perform(StreamedUpload.post(LayerUploads.versionsPath(town, "parcels"), endless)
                        .contentType("application/geo+json").with(tokenOf(town.admin()))),
                ErrorCode.LAYER_IMPORT_TOO_LARGE, null);

        assertThat(problem.get("maxBytes").asLong()).isEqualTo(MAX_UPLOAD_BYTES);
        assertThat(endless.served).as("bytes read").isBetween(MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES + 64 * 1024);
        assertThat(StoreFootprint.of(dsl)).isEqualTo(before);
    }

    // --- Who imports, and what -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "application/zip"})
    void givenAFileSentWithAnotherContentTypeWhenImportedThenUnsupportedMediaTypeAndNothingStored(String contentType)
            throws Exception {
        StoreFootprint before = StoreFootprint.of(dsl);
        JsonNode problem = refused(mvc.perform(post(LayerUploads.versionsPath(town, "parcels")).contentType(contentType)
                .content(parcels(parcel(0))).with(tokenOf(town.admin()))), ErrorCode.UNSUPPORTED_MEDIA_TYPE, null);
        assertThat(problem.get("detail").asText()).contains("application/geo+json");
        assertThat(StoreFootprint.of(dsl)).isEqualTo(before);
    }

    @Test
    void givenAnUnknownLayerWhenImportedThenLayerUnknownAndNothingStored() throws Exception {
        refusedImport("buildings", parcels(parcel(0)), ErrorCode.LAYER_UNKNOWN, null);
    }

    @Test
    void givenACitizensTokenWhenImportingThenForbiddenForRoleAndNothingStored() throws Exception {
        refusedImport(town, "parcels", parcels(parcel(0)), null, CITIZEN, ErrorCode.FORBIDDEN_ROLE, null);
    }

    @Test
    void givenTheTownsClerkWhenImportingThenForbiddenForRoleAndNothingStored() throws Exception {
        Actor clerk = new Actor("clerk." + town.slug(), "امیر نوروزی", Role.CLERK, town.slug(), null);
        refusedImport(town, "parcels", parcels(parcel(0)), null, clerk, ErrorCode.FORBIDDEN_ROLE, null);
    }

    @Test
    void givenAnotherMunicipalitysAdminWhenImportingThenForbiddenForMunicipalityAndNothingStored() throws Exception {
        refusedImport(town, "parcels", parcels(parcel(0)), null, TAKESTAN_ADMIN, ErrorCode.FORBIDDEN_MUNICIPALITY, null);
    }

    @Test
    void givenNoTokenWhenImportingThenUnauthenticatedAndNothingStored() throws Exception {
        refusedImport(town, "parcels", parcels(parcel(0)), null, null, ErrorCode.UNAUTHENTICATED, null);
    }

    @Test
    void givenAnUnknownTownWhenTheProvinceImportsThenMunicipalityNotFoundAndNothingStored() throws Exception {
        TestCity nowhere = new TestCity(town.id(), "no-such-town", "ناکجاآباد", PROVINCE_ADMIN, 50.0, 36.3);
        refusedImport(nowhere, "boundary", town.boundaryFile(), null, PROVINCE_ADMIN, ErrorCode.MUNICIPALITY_NOT_FOUND, null);
    }

    // --- Activation ----------------------------------------------------------------------------------------------

    @Test
    void givenAnImportedVersionWhenActivatedFromYesterdayThenActivationInPastAndNothingStored() throws Exception {
        String versionId = layers.imported(town, "zones", collection(null, List.of(
                feature(Map.of("zone_code", "G111"), town.rectangleAt(-900, -900, 900, 900))))).get("versionId").asText();
        StoreFootprint before = StoreFootprint.of(dsl);
        refused(layers.activate(town, "zones", versionId, today.minusDays(1), town.admin()),
                ErrorCode.LAYER_ACTIVATION_IN_PAST, null);
        refused(layers.activate(town, "parcels", versionId, today, town.admin()), ErrorCode.LAYER_VERSION_NOT_FOUND, null);
        refused(layers.activate(town, "zones", LayerVersionId.random().toString(), today, town.admin()),
                ErrorCode.LAYER_VERSION_NOT_FOUND, null);
        refused(layers.activate(town, "zones", versionId, today, TAKESTAN_ADMIN), ErrorCode.FORBIDDEN_MUNICIPALITY, null);
        refused(layers.activate(town, "zones", versionId, today, CITIZEN), ErrorCode.FORBIDDEN_ROLE, null);
        refused(layers.activate(town, "zones", "zones-v2", today, town.admin()), ErrorCode.INVALID_IDENTIFIER, null);
        refused(mvc.perform(post("/api/municipalities/" + town.slug() + "/layers/zones/activations")
                        .with(tokenOf(town.admin())).contentType("application/json")
                        .content("{\"versionId\":\"" + versionId + "\"}")),
                ErrorCode.VALIDATION_FAILED, null);
        assertThat(StoreFootprint.of(dsl)).isEqualTo(before);
    }

    @Test
    void givenATownWithoutLayersWhenAVersionIsActivatedThenNotFoundAndNothingStored() throws Exception {
        TestCity newTown = TestCity.register(commands);
        StoreFootprint before = StoreFootprint.of(dsl);
        refused(layers.activate(newTown, "boundary", LayerVersionId.random().toString(), today, newTown.admin()),
                ErrorCode.NOT_FOUND, null);
        TestCity nowhere = new TestCity(newTown.id(), "no-such-town", "ناکجاآباد", PROVINCE_ADMIN, 50.0, 36.3);
        refused(layers.activate(nowhere, "boundary", LayerVersionId.random().toString(), today, PROVINCE_ADMIN),
                ErrorCode.MUNICIPALITY_NOT_FOUND, null);
        assertThat(StoreFootprint.of(dsl)).isEqualTo(before);
    }

    @Test
    void givenTheBoundaryInForceWhenActivatedAgainFromTodayThenAlreadyInForceAndNothingStored() throws Exception {
        String inForce = dsl.select(LAYER_ACTIVATION.VERSION_ID)
                .from(LAYER_ACTIVATION)
                .where(LAYER_ACTIVATION.MUNICIPALITY_ID.eq(town.id().toString()))
                .and(LAYER_ACTIVATION.LAYER.eq("boundary"))
                .fetchSingle(r -> new LayerVersionId(r.value1()).toString());
        StoreFootprint before = StoreFootprint.of(dsl);
        refused(layers.activate(town, "boundary", inForce, today, town.admin()), ErrorCode.LAYER_VERSION_ALREADY_IN_FORCE, null);
        assertThat(StoreFootprint.of(dsl)).isEqualTo(before);
    }

    /**
     * An upload that never ends: a FeatureCollection whose parcels (all valid, all different) keep coming,
     * generated as they are read. Counts the bytes the server took.
     */
    private static final class EndlessParcels extends InputStream {

        private final TestCity town;
        private ByteArrayInputStream current = new ByteArrayInputStream(
                "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8));
        private int next;
        long served;

        EndlessParcels(TestCity town) {
            this.town = town;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = current.read(buffer, offset, length);
            if (n <= 0) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("plate", String.format(Locale.ROOT, "%d/%d", 600 + next / 1000, next % 1000 + 1));
                double west = (next % 80) * 25 - 2000;
                double south = (next / 80 % 120) * 35 - 2000;
                String feature = (next == 0 ? "" : ",") + feature(properties, town.rectangleAt(west, south, west + 20, south + 30));
                next++;
                current = new ByteArrayInputStream(feature.getBytes(StandardCharsets.UTF_8));
                n = current.read(buffer, offset, length);
            }
            served += n;
            return n;
        }
    }
}
