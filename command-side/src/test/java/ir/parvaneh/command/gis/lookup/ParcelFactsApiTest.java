package ir.parvaneh.command.gis.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.TestSlugs;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RegisterMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.municipality.ProgrammePhase;
import ir.parvaneh.kernel.time.IranTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static ir.parvaneh.command.support.GeoJson.collection;
import static ir.parvaneh.command.support.GeoJson.feature;
import static ir.parvaneh.command.support.GeoJson.line;
import static ir.parvaneh.command.support.GeoJson.rectangle;
import static ir.parvaneh.command.support.Tokens.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Look-ups and derived facts through the public API, on layers imported through the command API in UTM
 * 39N (so the expected metres are exact): a mid-block parcel on a 20 m street, a corner parcel also on a
 * 12 m street, an interior parcel with no access split between two zones, a heritage overlay.
 */
@CommandSideIntegrationTest
class ParcelFactsApiTest {

    /**
     * A place in Iran in UTM 39N, a different one for each test (the test database keeps earlier runs'
     * municipalities, and a point must fall inside one boundary only); fixtures are offsets in metres.
     */
    private final double X = 250_000 + 2_500 * ThreadLocalRandom.current().nextInt(200);
    private final double Y = 3_500_000 + 2_500 * ThreadLocalRandom.current().nextInt(200);
    private static final String UTM = "urn:ogc:def:crs:EPSG::32639";

    @Autowired
    MockMvc mvc;
    @Autowired
    ActingCommands commands;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    private String slug;
    private Actor admin;
    private LocalDate today;

    @BeforeEach
    void aMunicipalityWithItsLayersInForce() throws Exception {
        slug = TestSlugs.unique("facts");
        commands.send(new RegisterMunicipality(MunicipalityId.random(), slug, "شهر آزمون", "Test City", 36.27, 50.0,
                ProgrammePhase.PILOT), Actor.system("test"));
        admin = new Actor("gis." + slug, "واحد GIS", ir.parvaneh.kernel.identity.Role.MUNICIPAL_ADMIN, slug, null);
        today = IranTime.today(clock);

        importAndActivate("boundary", collection(UTM, List.of(
                feature(Map.of("name", "محدوده"), rectangle(X - 1000, Y - 1000, X + 1000, Y + 1000)))), today);
        importAndActivate("passages", collection(UTM, List.of(
                feature(Map.of("width_m", 20, "name", "خیابان امام"), line(new double[][]{{X - 500, Y}, {X + 500, Y}})),
                feature(Map.of("width_m", 12, "name", "کوچه ۳"), line(new double[][]{{X + 100, Y - 300}, {X + 100, Y + 300}})))), today);
        importAndActivate("parcels", collection(UTM, List.of(
                feature(Map.of("plate", "۱۰۰/۱", "renovation_code", "03-12-045-007"), rectangle(X, Y + 10, X + 20, Y + 40)),
                feature(Map.of("plate", "100/2"), rectangle(X + 80, Y + 10, X + 94, Y + 40)),
                feature(Map.of("plate", "100/3"), rectangle(X + 30, Y + 100, X + 50, Y + 120)))), today);
        importAndActivate("zones", collection(UTM, List.of(
                feature(Map.of("zone_code", "R121"), rectangle(X - 900, Y - 900, X + 40, Y + 900)),
                feature(Map.of("zone_code", "S211"), rectangle(X + 40, Y - 900, X + 900, Y + 900)))), today);
        importAndActivate("price-blocks", collection(UTM, List.of(
                feature(Map.of("price_rials", 20_000_000, "block_code", "B1"), rectangle(X - 900, Y - 900, X + 60, Y + 900)),
                feature(Map.of("price_rials", 35_000_000, "block_code", "B2"), rectangle(X + 60, Y - 900, X + 900, Y + 900)))), today);
        importAndActivate("overlays", collection(UTM, List.of(
                feature(Map.of("overlay_code", "HB-1", "kind", "HERITAGE_BUFFER", "precedence", "RESTRICT", "max_floors", 2,
                        "description", "حریم بنای تاریخی"), rectangle(X - 10, Y + 10, X + 10, Y + 50)))), today);
    }

    @Test
    void givenAMidBlockParcelWhenItsFactsAreAskedThenFrontageDepthOrientationZoneOverlayAndPriceFollowFromTheLayers() throws Exception {
        JsonNode facts = getJson("/api/parcels/facts?municipality=" + slug + "&plate=100/1");

        assertThat(facts.get("plate").asText()).isEqualTo("100/1");
        assertThat(facts.get("renovationCode").asText()).isEqualTo("03-12-045-007");
        assertThat(facts.get("asOf").asText()).isEqualTo(today.toString());
        assertThat(facts.get("areaM2").asDouble()).isEqualTo(600.0);
        assertThat(facts.get("frontages")).hasSize(1);
        assertThat(facts.at("/frontages/0/passageName").asText()).isEqualTo("خیابان امام");
        assertThat(facts.at("/frontages/0/lengthM").asDouble()).isEqualTo(20.0);
        assertThat(facts.get("widestPassageWidthM").asDouble()).isEqualTo(20.0);
        assertThat(facts.get("mainFrontageLengthM").asDouble()).isEqualTo(20.0);
        assertThat(facts.get("depthM").asDouble()).isEqualTo(30.0);
        assertThat(facts.get("mainFrontageSide").asText()).isEqualTo("SOUTH");
        assertThat(facts.get("northSide").asText()).isEqualTo("REAR");
        assertThat(facts.get("zones")).hasSize(1);
        assertThat(facts.at("/zones/0/zoneCode").asText()).isEqualTo("R121");
        assertThat(facts.at("/zones/0/sharePercent").asDouble()).isEqualTo(100.0);
        assertThat(facts.get("unzonedSharePercent").asDouble()).isEqualTo(0.0);
        assertThat(facts.get("overlays")).hasSize(1);
        assertThat(facts.at("/overlays/0/overlayCode").asText()).isEqualTo("HB-1");
        assertThat(facts.at("/overlays/0/maxFloors").asInt()).isEqualTo(2);
        assertThat(facts.at("/overlays/0/sharePercent").asDouble()).isEqualTo(50.0);
        assertThat(facts.get("priceRialsPerM2").asLong()).isEqualTo(20_000_000L);
        assertThat(facts.get("priceBlockCode").asText()).isEqualTo("B1");
        assertThat(facts.get("layerVersions")).hasSize(5);
        assertThat(facts.get("layerVersions").findValuesAsText("layer"))
                .containsExactlyInAnyOrder("parcels", "passages", "zones", "overlays", "price-blocks");
        assertThat(facts.at("/layerVersions/0/sha256").asText()).hasSize(64);
        assertThat(facts.get("missing")).isEmpty();
        assertThat(facts.get("parcelWkt").asText()).startsWith("MULTIPOLYGON");
    }

    @Test
    void givenACornerParcelWhenItsFactsAreAskedThenBothFrontagesAreListedAndTheWidestPassageIsTheMainOne() throws Exception {
        JsonNode facts = getJson("/api/parcels/facts?municipality=" + slug + "&plate=100/2");

        assertThat(facts.get("frontages")).hasSize(2);
        assertThat(facts.at("/frontages/0/widthM").asDouble()).isEqualTo(20.0);
        assertThat(facts.at("/frontages/0/lengthM").asDouble()).isEqualTo(14.0);
        assertThat(facts.at("/frontages/1/widthM").asDouble()).isEqualTo(12.0);
        assertThat(facts.at("/frontages/1/lengthM").asDouble()).isEqualTo(30.0);
        assertThat(facts.get("widestPassageWidthM").asDouble()).isEqualTo(20.0);
        assertThat(facts.get("depthM").asDouble()).isEqualTo(30.0);
        assertThat(facts.at("/zones/0/zoneCode").asText()).isEqualTo("S211");
        assertThat(facts.get("priceRialsPerM2").asLong()).isEqualTo(35_000_000L);
        assertThat(facts.get("overlays")).isEmpty();
    }

    @Test
    void givenAnInteriorParcelWhenItsFactsAreAskedThenMissingAccessIsSaidAndItsTwoZonesShareIt() throws Exception {
        JsonNode facts = getJson("/api/parcels/facts?municipality=" + slug + "&plate=100/3");

        assertThat(facts.get("frontages")).isEmpty();
        assertThat(facts.get("widestPassageWidthM").isNull()).isTrue();
        assertThat(facts.get("depthM").isNull()).isTrue();
        assertThat(facts.get("mainFrontageSide").isNull()).isTrue();
        assertThat(facts.get("missing").findValuesAsText("fact")).containsExactly("frontages");
        assertThat(facts.at("/missing/0/reason").asText()).contains("no access");
        assertThat(facts.get("zones")).hasSize(2);
        assertThat(facts.get("zones").findValuesAsText("zoneCode")).containsExactlyInAnyOrder("R121", "S211");
        assertThat(facts.at("/zones/0/sharePercent").asDouble()).isEqualTo(50.0);
        assertThat(facts.at("/zones/1/sharePercent").asDouble()).isEqualTo(50.0);
    }

    @Test
    void givenAPlateInPersianDigitsWhenLookedUpThenTheParcelIsFoundAndThePointLookupFindsItAgain() throws Exception {
        JsonNode byPlate = getJson("/api/parcels?municipality=" + slug + "&plate=۱۰۰/۲");
        assertThat(byPlate.get("plate").asText()).isEqualTo("100/2");
        assertThat(byPlate.get("areaM2").asDouble()).isEqualTo(420.0);
        assertThat(byPlate.at("/geometry/type").asText()).isEqualTo("MultiPolygon");

        JsonNode atPoint = getJson("/api/parcels/at?lat=" + byPlate.get("latitude").asDouble()
                + "&lon=" + byPlate.get("longitude").asDouble());
        assertThat(atPoint.get("municipality").asText()).isEqualTo(slug);
        assertThat(atPoint.get("plate").asText()).isEqualTo("100/2");

        JsonNode factsAtPoint = getJson("/api/parcels/facts?lat=" + byPlate.get("latitude").asDouble()
                + "&lon=" + byPlate.get("longitude").asDouble());
        assertThat(factsAtPoint.get("plate").asText()).isEqualTo("100/2");

        JsonNode box = getJson("/api/parcels?municipality=" + slug + "&bbox="
                + (byPlate.get("longitude").asDouble() - 0.002) + "," + (byPlate.get("latitude").asDouble() - 0.002) + ","
                + (byPlate.get("longitude").asDouble() + 0.002) + "," + (byPlate.get("latitude").asDouble() + 0.002));
        assertThat(box.findValuesAsText("plate")).contains("100/1", "100/2", "100/3");
    }

    @Test
    void givenANewParcelsVersionInForceFromALaterDayWhenLookedUpAsOfEachDayThenEachDaySeesItsOwnVersion() throws Exception {
        LocalDate later = today.plusDays(10);
        importAndActivate("parcels", collection(UTM, List.of(
                feature(Map.of("plate", "100/1"), rectangle(X, Y + 10, X + 20, Y + 50)))), later);

        assertThat(getJson("/api/parcels/facts?municipality=" + slug + "&plate=100/1").get("areaM2").asDouble())
                .isEqualTo(600.0);
        JsonNode then = getJson("/api/parcels/facts?municipality=" + slug + "&plate=100/1&asOf=" + later);
        assertThat(then.get("areaM2").asDouble()).isEqualTo(800.0);
        assertThat(then.get("asOf").asText()).isEqualTo(later.toString());
        assertProblem("/api/parcels?municipality=" + slug + "&plate=100/2&asOf=" + later, 404, "PARCEL_NOT_FOUND");
        assertProblem("/api/parcels?municipality=" + slug + "&plate=100/1&asOf=" + today.minusDays(1), 404,
                "LAYER_NOT_IN_FORCE");

        JsonNode first = getJson("/api/parcels?municipality=" + slug + "&plate=100/2");
        String point = "lat=" + first.get("latitude").asDouble() + "&lon=" + first.get("longitude").asDouble();
        assertThat(getJson("/api/parcels/at?" + point).get("plate").asText()).isEqualTo("100/2");
        assertProblem("/api/parcels/at?" + point + "&asOf=" + later, 404, "PARCEL_NOT_FOUND");
        assertProblem("/api/parcels/at?" + point + "&asOf=" + today.minusDays(1), 404, "PARCEL_NOT_FOUND");
    }

    @Test
    void givenAPointInTheStreetWhenLookedUpThenNoParcelIsFoundInThatMunicipality() throws Exception {
        JsonNode parcel = getJson("/api/parcels?municipality=" + slug + "&plate=100/2");
        // 0.0003° south of the parcel's middle is about 8 m south of the street's centre line: no parcel there.
        String body = mvc.perform(get("/api/parcels/at?lat=" + (parcel.get("latitude").asDouble() - 0.0003)
                        + "&lon=" + parcel.get("longitude").asDouble()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(body).get("code").asText()).isEqualTo("PARCEL_NOT_FOUND");
        assertThat(json.readTree(body).get("detail").asText()).contains("No parcel of " + slug);
    }

    @Test
    void givenZoneEdgesThatMissTheParcelsEdgeByACentimetreWhenItsFactsAreAskedThenTheSliverIsNoZone() throws Exception {
        LocalDate later = today.plusDays(3);
        // Parcel 100/2 spans x = 80..94; this zoning puts its border 1 cm inside it (a 0.3 m² sliver of G111),
        // and leaves a 2 cm strip along its other side in no zone at all (0.6 m²).
        importAndActivate("zones", collection(UTM, List.of(
                feature(Map.of("zone_code", "S211"), rectangle(X + 80.02, Y - 900, X + 93.99, Y + 900)),
                feature(Map.of("zone_code", "G111"), rectangle(X + 93.99, Y - 900, X + 900, Y + 900)))), later);

        JsonNode facts = getJson("/api/parcels/facts?municipality=" + slug + "&plate=100/2&asOf=" + later);

        assertThat(facts.get("zones").findValuesAsText("zoneCode")).containsExactly("S211");
        assertThat(facts.at("/zones/0/sharePercent").asDouble()).isEqualTo(99.79);
        assertThat(facts.get("unzonedSharePercent").asDouble()).isZero();

        // A real split (here 2 m of the 14 m width, 60 m²) is zoning, and it is kept.
        LocalDate after = later.plusDays(1);
        importAndActivate("zones", collection(UTM, List.of(
                feature(Map.of("zone_code", "S211"), rectangle(X + 80, Y - 900, X + 92, Y + 900)),
                feature(Map.of("zone_code", "G111"), rectangle(X + 92, Y - 900, X + 900, Y + 900)))), after);
        JsonNode split = getJson("/api/parcels/facts?municipality=" + slug + "&plate=100/2&asOf=" + after);
        assertThat(split.get("zones").findValuesAsText("zoneCode")).containsExactly("S211", "G111");
        assertThat(split.at("/zones/1/areaM2").asDouble()).isEqualTo(60.0);
    }

    @Test
    void givenOnlyParcelsInForceWhenFactsAreAskedThenEachOtherLayerIsNamedMissingAndNothingIsGuessed() throws Exception {
        slug = TestSlugs.unique("bare");
        commands.send(new RegisterMunicipality(MunicipalityId.random(), slug, "شهر بی‌لایه", "Bare Town", 36.27, 50.0,
                ProgrammePhase.PILOT), Actor.system("test"));
        admin = new Actor("gis." + slug, "واحد GIS", ir.parvaneh.kernel.identity.Role.MUNICIPAL_ADMIN, slug, null);
        importAndActivate("boundary", collection(UTM, List.of(
                feature(Map.of("name", "محدوده"), rectangle(X + 1200, Y - 500, X + 2200, Y + 500)))), today);
        importAndActivate("parcels", collection(UTM, List.of(
                feature(Map.of("plate", "7/1"), rectangle(X + 1500, Y, X + 1520, Y + 30)))), today);

        JsonNode facts = getJson("/api/parcels/facts?municipality=" + slug + "&plate=7/1");

        assertThat(facts.get("areaM2").asDouble()).isEqualTo(600.0);
        assertThat(facts.get("missing").findValuesAsText("fact"))
                .containsExactly("frontages", "zones", "overlays", "priceRialsPerM2");
        assertThat(facts.get("missing").findValuesAsText("reason")).allMatch(reason -> reason.contains("layer is in force"));
        assertThat(facts.get("frontages")).isEmpty();
        assertThat(facts.get("zones")).isEmpty();
        assertThat(facts.get("priceRialsPerM2").isNull()).isTrue();
        assertThat(facts.get("layerVersions").findValuesAsText("layer")).containsExactly("parcels");
    }

    @Test
    void givenBadLookupsWhenAskedThenEachIsAClearProblem() throws Exception {
        assertProblem("/api/parcels?municipality=" + slug + "&plate=abc", 400, "PLATE_INVALID");
        assertProblem("/api/parcels?municipality=" + slug + "&plate=999/9", 404, "PARCEL_NOT_FOUND");
        assertProblem("/api/parcels?municipality=no-such-city&plate=100/1", 404, "MUNICIPALITY_NOT_FOUND");
        assertProblem("/api/parcels/at?lat=95&lon=50", 400, "COORDINATES_INVALID");
        assertProblem("/api/parcels/at?lat=30.0&lon=60.0", 404, "PARCEL_NOT_FOUND");
        assertProblem("/api/parcels?municipality=" + slug + "&bbox=50,36,49,37", 400, "BBOX_INVALID");
        assertProblem("/api/parcels?municipality=" + slug + "&bbox=1,2,3", 400, "BBOX_INVALID");
    }

    private void importAndActivate(String layer, String geoJson, LocalDate from) throws Exception {
        String body = mvc.perform(post("/api/municipalities/" + slug + "/layers/" + layer + "/versions")
                        .with(tokenOf(admin)).contentType("application/geo+json").content(geoJson))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String versionId = json.readTree(body).get("versionId").asText();
        mvc.perform(post("/api/municipalities/" + slug + "/layers/" + layer + "/activations")
                        .with(tokenOf(admin)).contentType("application/json")
                        .content("{\"versionId\":\"" + versionId + "\",\"effectiveFrom\":\"" + from + "\"}"))
                .andExpect(status().isOk());
    }

    private JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private void assertProblem(String url, int status, String code) throws Exception {
        String body = mvc.perform(get(url)).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(body).get("code").asText()).isEqualTo(code);
    }
}
