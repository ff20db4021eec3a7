package ir.parvaneh.query.map.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.query.support.MapFixtures;
import ir.parvaneh.query.support.MapFixtures.Town;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static ir.parvaneh.query.support.MapFixtures.CELL_LAT;
import static ir.parvaneh.query.support.MapFixtures.CELL_LON;
import static ir.parvaneh.query.support.MapFixtures.ORIGIN_LAT;
import static ir.parvaneh.query.support.MapFixtures.ORIGIN_LON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** OGC API – Features over the layer store, as an anonymous client sees it. */
@QuerySideIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcFeaturesApiTest {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    @Autowired
    MockMvc mvc;
    @Autowired
    MapFixtures fixtures;
    @Autowired
    ObjectMapper json;

    Town town;
    String parcels;

    @BeforeAll
    void aTownWithItsLayers() {
        town = fixtures.town();
        parcels = "/ogc/collections/" + town.collection(LayerKind.PARCELS);
    }

    @Test
    void givenTheLandingPageThenItLinksTheApiDefinitionTheConformanceAndTheData() throws Exception {
        mvc.perform(get("/ogc"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.title").value(containsString("قزوین")))
                .andExpect(jsonPath("$.links[?(@.rel == 'self')].href").value(contains("http://localhost/ogc")))
                .andExpect(jsonPath("$.links[?(@.rel == 'service-desc')].href")
                        .value(contains("http://localhost/v3/api-docs")))
                .andExpect(jsonPath("$.links[?(@.rel == 'conformance')].href")
                        .value(contains("http://localhost/ogc/conformance")))
                .andExpect(jsonPath("$.links[?(@.rel == 'data')].href")
                        .value(contains("http://localhost/ogc/collections")));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/ogc/collections/{collectionId}/items']").exists());
    }

    @Test
    void givenTheConformanceThenCoreGeoJsonAndOpenApi() throws Exception {
        mvc.perform(get("/ogc/conformance").param("f", "json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conformsTo", containsInAnyOrder(
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30")));
    }

    @Test
    void givenTheCollectionsThenEveryLayerInForceOfTheTownIsOne() throws Exception {
        List<String> ids = new ArrayList<>();
        for (LayerKind layer : LayerKind.values()) {
            ids.add(town.collection(layer));
        }
        mvc.perform(get("/ogc/collections"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.links[0].rel").value("self"))
                .andExpect(jsonPath("$.collections[*].id", hasItems(ids.toArray(String[]::new))));
    }

    @Test
    void givenOneCollectionThenItsTitlesExtentAndVersionInForce() throws Exception {
        mvc.perform(get(parcels))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(town.collection(LayerKind.PARCELS)))
                .andExpect(jsonPath("$.title_fa").value("قطعات قزوین آزمون"))
                .andExpect(jsonPath("$.title_en").value(town.nameEn() + " parcels"))
                .andExpect(jsonPath("$.itemType").value("feature"))
                .andExpect(jsonPath("$.layer_version").value("layer-version-" + town.currentParcels()))
                .andExpect(jsonPath("$.in_force_from").value(MapFixtures.CURRENT_VERSION_FROM.toString()))
                .andExpect(jsonPath("$.feature_count").value(30))
                .andExpect(jsonPath("$.extent.spatial.bbox[0][0]").value(closeTo(ORIGIN_LON, 1e-9)))
                .andExpect(jsonPath("$.extent.spatial.bbox[0][1]").value(closeTo(ORIGIN_LAT, 1e-9)))
                .andExpect(jsonPath("$.extent.spatial.crs").value(OgcDocuments.CRS84))
                // 2024-03-20 starts at midnight in Tehran, 20:30 the evening before in UTC.
                .andExpect(jsonPath("$.extent.temporal.interval[0][0]").value("2024-03-19T20:30:00Z"))
                .andExpect(jsonPath("$.links[?(@.rel == 'items')].type").value(contains("application/geo+json")));
    }

    @Test
    void givenTheItemsThenGeoJsonFeaturesWithTheirPropertiesInLongitudeLatitude() throws Exception {
        mvc.perform(get(parcels + "/items"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(GEO_JSON))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.numberMatched").value(30))
                .andExpect(jsonPath("$.numberReturned").value(30))
                .andExpect(jsonPath("$.timeStamp").isString())
                .andExpect(jsonPath("$.links[?(@.rel == 'next')]").isEmpty())
                .andExpect(jsonPath("$.features[0].type").value("Feature"))
                .andExpect(jsonPath("$.features[0].id").value(0))
                .andExpect(jsonPath("$.features[0].properties.plate").value("1234/1"))
                .andExpect(jsonPath("$.features[0].properties.renovation_code").value("R-07"))
                .andExpect(jsonPath("$.features[1].properties.renovation_code").isEmpty())
                .andExpect(jsonPath("$.features[0].geometry.type").value("MultiPolygon"))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[0][0][0][0]").value(closeTo(ORIGIN_LON, 1e-7)))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[0][0][0][1]").value(closeTo(ORIGIN_LAT, 1e-7)));
    }

    @Test
    void givenEveryLayerThenItsOwnPropertiesArePublished() throws Exception {
        mvc.perform(get("/ogc/collections/" + town.collection(LayerKind.PASSAGES) + "/items"))
                .andExpect(jsonPath("$.features[0].geometry.type").value("MultiLineString"))
                .andExpect(jsonPath("$.features[0].properties.name").value("خیابان پیروزی"))
                .andExpect(jsonPath("$.features[0].properties.width_m").value(12.0))
                .andExpect(jsonPath("$.features[1].properties.width_m").value(6.5));
        mvc.perform(get("/ogc/collections/" + town.collection(LayerKind.PRICE_BLOCKS) + "/items"))
                .andExpect(jsonPath("$.features[1].properties.block_code").value("B-18"))
                .andExpect(jsonPath("$.features[1].properties.price_rials").value(240_000_000));
        mvc.perform(get("/ogc/collections/" + town.collection(LayerKind.OVERLAYS) + "/items"))
                .andExpect(jsonPath("$.features[0].properties.overlay_code").value("H-01"))
                .andExpect(jsonPath("$.features[0].properties.kind").value("HERITAGE"))
                .andExpect(jsonPath("$.features[0].properties.precedence").value("RESTRICT"))
                .andExpect(jsonPath("$.features[0].properties.max_floors").value(2))
                .andExpect(jsonPath("$.features[0].properties.max_height_m").value(7.5))
                .andExpect(jsonPath("$.features[0].properties.setback_m").isEmpty())
                .andExpect(jsonPath("$.features[0].properties.replacement_zone").isEmpty())
                .andExpect(jsonPath("$.features[0].properties.description").value("حریم کاخ چهلستون"));
        mvc.perform(get("/ogc/collections/" + town.collection(LayerKind.BOUNDARY) + "/items"))
                .andExpect(jsonPath("$.features[0].properties.name").value("محدوده قانونی شهر"));
    }

    @Test
    void givenTwoActivationsOnOneDayThenTheLaterOneIsInForce() throws Exception {
        mvc.perform(get("/ogc/collections/" + town.collection(LayerKind.ZONES) + "/items"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features[*].properties.zone_code", contains("R-111", "C-211")));
    }

    @Test
    void givenABoundingBoxThenOnlyTheFeaturesThatMeetIt() throws Exception {
        // Reaches into the parcels of the first two columns of the first two rows, and no others.
        String bbox = (ORIGIN_LON + 0.1 * CELL_LON) + "," + (ORIGIN_LAT + 0.1 * CELL_LAT) + ","
                + (ORIGIN_LON + 1.5 * CELL_LON) + "," + (ORIGIN_LAT + 1.5 * CELL_LAT);
        mvc.perform(get(parcels + "/items").param("bbox", bbox))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.numberMatched").value(4))
                .andExpect(jsonPath("$.features[*].properties.plate", contains("1234/1", "1234/2", "1234/7", "1234/8")))
                .andExpect(jsonPath("$.links[?(@.rel == 'self')].href").value(contains(containsString("bbox="))));
    }

    @Test
    void givenALimitThenTheNextLinksPageThroughEveryFeatureExactlyOnce() throws Exception {
        Set<Integer> seen = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        URI page = URI.create(parcels + "/items?limit=7");
        while (page != null) {
            String body = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            JsonNode collection = json.readTree(body);
            assertThat(collection.get("numberMatched").asInt()).isEqualTo(30);
            pageSizes.add(collection.get("numberReturned").asInt());
            for (JsonNode feature : collection.get("features")) {
                assertThat(seen.add(feature.get("id").asInt())).as("feature %s seen twice", feature.get("id")).isTrue();
            }
            page = null;
            for (JsonNode link : collection.get("links")) {
                if (link.get("rel").asText().equals("next")) {
                    assertThat(link.get("type").asText()).isEqualTo("application/geo+json");
                    page = URI.create(link.get("href").asText());
                }
            }
            assertThat(pageSizes).as("pages followed").hasSizeLessThan(10);
        }
        assertThat(pageSizes).containsExactly(7, 7, 7, 7, 2);
        assertThat(seen).hasSize(30);

        mvc.perform(get(parcels + "/items").param("limit", "7").param("offset", "7"))
                .andExpect(jsonPath("$.features[0].id").value(7))
                .andExpect(jsonPath("$.links[?(@.rel == 'prev')].href").value(contains(startsWith("http://localhost"))))
                .andExpect(jsonPath("$.links[?(@.rel == 'prev')].href").value(contains(
                        "http://localhost" + parcels + "/items?limit=7")));
    }

    @Test
    void givenAFeatureIdThenThatFeatureWithItsLinks() throws Exception {
        mvc.perform(get(parcels + "/items/5"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(GEO_JSON))
                .andExpect(jsonPath("$.type").value("Feature"))
                .andExpect(jsonPath("$.id").value(5))
                .andExpect(jsonPath("$.properties.plate").value("1234/6"))
                .andExpect(jsonPath("$.links[?(@.rel == 'self')].href").value(contains("http://localhost" + parcels + "/items/5")))
                .andExpect(jsonPath("$.links[?(@.rel == 'collection')].href").value(contains("http://localhost" + parcels)));
    }

    @Test
    void givenAPlateTypedInPersianDigitsThenThatParcel() throws Exception {
        mvc.perform(get(parcels + "/items").param("plate", "۱۲۳۴/۸"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.numberMatched").value(1))
                .andExpect(jsonPath("$.features[0].id").value(7))
                .andExpect(jsonPath("$.features[0].properties.plate").value("1234/8"))
                .andExpect(jsonPath("$.links[?(@.rel == 'self')].href").value(contains(containsString("plate=1234/8"))));
        mvc.perform(get(parcels + "/items").param("plate", "1234/99"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.numberMatched").value(0))
                .andExpect(jsonPath("$.features").isEmpty());
        mvc.perform(get(parcels + "/items").param("plate", "north of the bazaar"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PLATE_INVALID"));
        mvc.perform(get("/ogc/collections/" + town.collection(LayerKind.ZONES) + "/items").param("plate", "1234/8"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void givenADayThenTheVersionInForceThatDay() throws Exception {
        mvc.perform(get(parcels + "/items").param("datetime", "2022-06-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features[*].properties.plate", contains("900/1", "900/2", "900/3")))
                .andExpect(jsonPath("$.links[?(@.rel == 'self')].href").value(contains(containsString("datetime=2022-06-01"))));
        mvc.perform(get(parcels + "/items").param("datetime", MapFixtures.FUTURE_VERSION_FROM.toString()))
                .andExpect(jsonPath("$.features[*].properties.plate", contains("777/1")));
        // The day before the current version came into force, in Tehran, is still the old version's.
        mvc.perform(get(parcels + "/items/0").param("datetime", "2024-03-19T20:29:59Z"))
                .andExpect(jsonPath("$.properties.plate").value("900/1"));
        mvc.perform(get(parcels + "/items/0").param("datetime", "2024-03-19T20:30:00Z"))
                .andExpect(jsonPath("$.properties.plate").value("1234/1"));
        mvc.perform(get(parcels + "/items").param("datetime", "2019-01-01").header(HttpHeaders.ACCEPT_LANGUAGE, "fa"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("LAYER_NOT_IN_FORCE"))
                .andExpect(jsonPath("$.title").value("برای این تاریخ لایه اجرایی وجود ندارد"));
        mvc.perform(get(parcels + "/items").param("datetime", "2019-01-01/2020-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void givenAnUnknownCollectionOrFeatureThenNotFoundProblems() throws Exception {
        mvc.perform(get("/ogc/collections/nowhere-parcels/items"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MUNICIPALITY_NOT_FOUND"));
        mvc.perform(get("/ogc/collections/" + town.slug() + "-roads"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("LAYER_UNKNOWN"));
        mvc.perform(get(parcels + "/items/999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        // Feature ids are indexes; a plate is not one (look parcels up with ?plate=).
        mvc.perform(get(parcels + "/items/1234-6"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"50.0,36.2,50.1", "west,south,east,north", "50.1,36.2,50.0,36.3", "50.0,-91,50.1,36.3",
            "50.0,36.2,50.1,36.3,1", ""})
    void givenABadBoundingBoxThenABadRequestProblem(String bbox) throws Exception {
        mvc.perform(get(parcels + "/items").param("bbox", bbox))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("BBOX_INVALID"));
    }

    @Test
    void givenALimitOrOffsetOutOfRangeOrAnUnknownParameterThenBadRequestProblems() throws Exception {
        for (String limit : List.of("0", "10001", "-5")) {
            mvc.perform(get(parcels + "/items").param("limit", limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.parameter").value("limit"));
        }
        mvc.perform(get(parcels + "/items").param("limit", "10000")).andExpect(status().isOk());
        mvc.perform(get(parcels + "/items").param("offset", "-1"))
                .andExpect(status().isBadRequest());
        mvc.perform(get(parcels + "/items").param("colour", "red"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameters", contains("colour")));
        mvc.perform(get("/ogc/collections").param("f", "html"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void givenAClientThatAcceptsOnlyJsonThenTheSameFeaturesLabelledJson() throws Exception {
        mvc.perform(get(parcels + "/items").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.type").value("FeatureCollection"));
        mvc.perform(get(parcels + "/items").accept(MediaType.TEXT_HTML))
                .andExpect(content().contentType(GEO_JSON));
    }

    @Test
    void givenAWebMapOnAnotherSiteThenItMayReadTheFeatures() throws Exception {
        mvc.perform(get(parcels + "/items").header(HttpHeaders.ORIGIN, "https://qazvin.ir"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
        mvc.perform(get("/ogc/collections"))
                .andExpect(jsonPath("$.collections[*].id", hasItem(town.collection(LayerKind.OVERLAYS))));
    }
}
