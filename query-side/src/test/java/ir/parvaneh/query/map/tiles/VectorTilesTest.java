package ir.parvaneh.query.map.tiles;

import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.query.support.MapFixtures;
import ir.parvaneh.query.support.MapFixtures.Town;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import ir.parvaneh.query.support.VectorTile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.stream.IntStream;

import static ir.parvaneh.query.support.MapFixtures.TILE_X;
import static ir.parvaneh.query.support.MapFixtures.TILE_Y;
import static ir.parvaneh.query.support.MapFixtures.TILE_ZOOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Mapbox vector tiles cut by PostGIS from the layers in force, decoded as a map client would. */
@QuerySideIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorTilesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MapFixtures fixtures;

    Town town;

    @BeforeAll
    void aTownWithItsLayers() {
        town = fixtures.town();
    }

    private String tile(LayerKind layer, int z, int x, int y) {
        return "/tiles/" + town.slug() + "/" + layer.path() + "/" + z + "/" + x + "/" + y + ".mvt";
    }

    private VectorTile fetch(String uri) throws Exception {
        MvcResult result = mvc.perform(get(uri))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.mapbox-vector-tile"))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("max-age=")))
                .andReturn();
        return VectorTile.decode(result.getResponse().getContentAsByteArray());
    }

    @Test
    void givenTheTileOverTheTownThenEveryParcelWithItsPlate() throws Exception {
        VectorTile.Layer parcels = fetch(tile(LayerKind.PARCELS, TILE_ZOOM, TILE_X, TILE_Y)).layer("parcels");

        assertThat(parcels.extent()).isEqualTo(4096);
        assertThat(parcels.features()).hasSize(30);
        assertThat(parcels.features()).allSatisfy(f -> assertThat(f.type()).as("polygon").isEqualTo(3));
        assertThat(parcels.features()).extracting(VectorTile.Feature::id)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).mapToObj(i -> (long) i).toList());
        assertThat(parcels.features()).extracting(f -> f.attributes().get("plate"))
                .containsExactlyInAnyOrderElementsOf(town.plates());
    }

    @Test
    void givenZonesAndPassagesThenTheirAttributes() throws Exception {
        VectorTile.Layer zones = fetch(tile(LayerKind.ZONES, TILE_ZOOM, TILE_X, TILE_Y)).layer("zones");
        assertThat(zones.features()).extracting(f -> f.attributes().get("zone_code"))
                .containsExactlyInAnyOrder("R-111", "C-211");

        VectorTile.Layer passages = fetch(tile(LayerKind.PASSAGES, TILE_ZOOM, TILE_X, TILE_Y)).layer("passages");
        assertThat(passages.features()).allSatisfy(f -> assertThat(f.type()).as("line").isEqualTo(2));
        assertThat(passages.features()).extracting(f -> f.attributes().get("width_m"))
                .containsExactlyInAnyOrder(12.0, 6.5, 30.0);
    }

    @Test
    void givenALowZoomThenFeaturesSmallerThanATileUnitAreLeftOut() throws Exception {
        // At zoom 8 a tile spans the province: the town's zones are a few tile units each, still drawn.
        int z = 8;
        VectorTile tile = fetch(tile(LayerKind.ZONES, z, MapFixtures.tileX(50.004, z), MapFixtures.tileY(36.268, z)));
        assertThat(tile.layer("zones").features()).hasSize(2);
        // At zoom 0 the whole town is a fraction of one unit: PostGIS drops it, and the tile is empty.
        mvc.perform(get(tile(LayerKind.BOUNDARY, 0, 0, 0))).andExpect(status().isNoContent());
    }

    @Test
    void givenATileAwayFromTheTownThenNoContent() throws Exception {
        mvc.perform(get(tile(LayerKind.PARCELS, TILE_ZOOM, TILE_X + 3, TILE_Y)))
                .andExpect(status().isNoContent())
                .andExpect(header().exists(HttpHeaders.ETAG));
    }

    @Test
    void givenTheSameVersionThenTheTileIsNotCutAgain() throws Exception {
        String uri = tile(LayerKind.PARCELS, TILE_ZOOM, TILE_X, TILE_Y);
        String etag = mvc.perform(get(uri)).andExpect(status().isOk()).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).contains(town.currentParcels().toString());
        mvc.perform(get(uri).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());
    }

    @Test
    void givenATileAddressOutsideThePyramidThenABadRequestProblem() throws Exception {
        for (String uri : new String[]{tile(LayerKind.PARCELS, 23, 0, 0), tile(LayerKind.PARCELS, -1, 0, 0),
                tile(LayerKind.PARCELS, 2, 4, 0), tile(LayerKind.PARCELS, 2, 0, -1)}) {
            mvc.perform(get(uri))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        }
        mvc.perform(get("/tiles/" + town.slug() + "/parcels/15/x/y.mvt"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void givenAnUnknownLayerOrTownThenNotFoundProblems() throws Exception {
        mvc.perform(get("/tiles/" + town.slug() + "/roads/15/0/0.mvt"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("LAYER_UNKNOWN"));
        mvc.perform(get("/tiles/nowhere/parcels/15/0/0.mvt"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("MUNICIPALITY_NOT_FOUND"));
    }

    @Test
    void givenTileJsonThenTheTileUrlBoundsAndAttributes() throws Exception {
        mvc.perform(get("/tiles/" + town.slug() + "/parcels.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tilejson").value("3.0.0"))
                .andExpect(jsonPath("$.tiles[0]").value("http://localhost/tiles/" + town.slug() + "/parcels/{z}/{x}/{y}.mvt"))
                .andExpect(jsonPath("$.bounds.length()").value(4))
                .andExpect(jsonPath("$.maxzoom").value(22))
                .andExpect(jsonPath("$.vector_layers[0].id").value("parcels"))
                .andExpect(jsonPath("$.vector_layers[0].fields.plate").value("String"))
                .andExpect(jsonPath("$.description", endsWith("(Asia/Tehran)")));
        mvc.perform(get("/tiles/" + town.slug() + "/passages.json"))
                .andExpect(jsonPath("$.vector_layers[0].fields.width_m").value("Number"));
    }
}
