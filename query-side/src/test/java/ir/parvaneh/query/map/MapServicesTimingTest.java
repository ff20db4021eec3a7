package ir.parvaneh.query.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.query.support.MapFixtures;
import ir.parvaneh.query.support.MapFixtures.Town;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import ir.parvaneh.query.support.VectorTile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static ir.parvaneh.query.support.MapFixtures.CELL_LAT;
import static ir.parvaneh.query.support.MapFixtures.CELL_LON;
import static ir.parvaneh.query.support.MapFixtures.ORIGIN_LAT;
import static ir.parvaneh.query.support.MapFixtures.ORIGIN_LON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages and tiles of realistic size over real HTTP: a town of 10,000 parcels, its whole parcel layer in one
 * page, and tiles over thousands of parcels. The bounds are loose (a slow CI machine must not fail them);
 * the measured times are logged for comparison.
 */
@QuerySideIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapServicesTimingTest {

    private static final Logger log = LoggerFactory.getLogger(MapServicesTimingTest.class);
    private static final int RUNS = 5;

    @LocalServerPort
    int port;
    @Autowired
    MapFixtures fixtures;
    @Autowired
    ObjectMapper json;

    Town town;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void aTownOfTenThousandParcels() {
        town = fixtures.townOfParcels(100, 100);
    }

    @Test
    void givenTenThousandParcelsThenOnePageOfAllOfThemIsQuick() throws Exception {
        URI page = URI.create("http://127.0.0.1:" + port + "/ogc/collections/" + town.collection(LayerKind.PARCELS)
                + "/items?limit=10000");
        Timed<byte[]> timed = fastestOf(page);
        JsonNode collection = json.readTree(timed.body());
        log.info("OGC items page of 10,000 parcels: {} ms (fastest of {}; {} KB)", timed.millis(), RUNS,
                timed.body().length / 1024);

        assertThat(collection.get("numberReturned").asInt()).isEqualTo(10_000);
        assertThat(collection.get("features").get(9_999).get("properties").get("plate").asText()).isEqualTo("5000/10000");
        assertThat(timed.millis()).as("ms for a page of 10,000 parcels").isLessThan(1_500);
    }

    @Test
    void givenTilesOverThousandsOfParcelsThenEachIsQuick() throws Exception {
        for (int z : new int[]{15, 14}) {
            // The tile over the middle of the town: the 100 x 100 grid covers it entirely at zoom 15.
            int x = MapFixtures.tileX(ORIGIN_LON + 50 * CELL_LON, z);
            int y = MapFixtures.tileY(ORIGIN_LAT + 50 * CELL_LAT, z);
            URI tile = URI.create("http://127.0.0.1:" + port + "/tiles/" + town.slug() + "/parcels/" + z + "/" + x
                    + "/" + y + ".mvt");
            Timed<byte[]> timed = fastestOf(tile);
            int features = VectorTile.decode(timed.body()).layer("parcels").features().size();
            log.info("Vector tile z{} of {} parcels: {} ms (fastest of {}; {} KB)", z, features, timed.millis(), RUNS,
                    timed.body().length / 1024);

            assertThat(features).as("parcels in tile z%d", z).isGreaterThan(1_500);
            assertThat(timed.millis()).as("ms for tile z%d", z).isLessThan(1_500);
        }
    }

    private record Timed<T>(long millis, T body) {
    }

    /** The fastest of a few runs, after one to warm up: the cost of the work, not of a cold JIT or cache. */
    private Timed<byte[]> fastestOf(URI uri) throws Exception {
        List<Long> times = new ArrayList<>();
        byte[] body = null;
        for (int run = 0; run <= RUNS; run++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
            body = response.body();
            if (run > 0) {
                times.add(millis);
            }
        }
        return new Timed<>(Collections.min(times), body);
    }
}
