package ir.parvaneh.query.map;

import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.query.support.MapFixtures;
import ir.parvaneh.query.support.MapFixtures.Town;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ir.parvaneh.query.support.MapFixtures.CELL_LAT;
import static ir.parvaneh.query.support.MapFixtures.CELL_LON;
import static ir.parvaneh.query.support.MapFixtures.ORIGIN_LAT;
import static ir.parvaneh.query.support.MapFixtures.ORIGIN_LON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.data.Offset.offset;

/**
 * A real GIS client, GDAL's {@code ogrinfo}, reads the map services over HTTP from the running query side:
 * its OGC API – Features driver (OAPIF) lists the collections, counts and pages through features, filters
 * by bounding box; its MVT driver opens a tile. GDAL must be installed ({@code gdal-bin}, which
 * {@code scripts/setup} installs); without it this test fails rather than skips, so CI cannot pass
 * without having run it.
 */
@QuerySideIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GdalClientTest {

    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern LAYER_LINE = Pattern.compile("^\\d+: (\\S+) \\(title: .*\\) \\(([^()]+)\\)$");

    @LocalServerPort
    int port;
    @Autowired
    MapFixtures fixtures;

    Town town;
    String ogc;

    @BeforeAll
    void gdalAndATown() {
        String version = ogrinfo("--version");
        assertThat(version).as("ogrinfo --version").startsWith("GDAL ");
        town = fixtures.town();
        ogc = "OAPIF:http://127.0.0.1:" + port + "/ogc";
    }

    @Test
    void givenTheLandingPageThenGdalListsEveryLayerOfTheTownWithItsGeometryType() {
        Map<String, String> layers = new HashMap<>();
        for (String line : ogrinfo("-ro", "-so", ogc).split("\n")) {
            Matcher matcher = LAYER_LINE.matcher(line.strip());
            if (matcher.matches()) {
                layers.put(matcher.group(1), matcher.group(2));
            }
        }
        assertThat(layers).containsEntry(town.collection(LayerKind.PARCELS), "Multi Polygon")
                .containsEntry(town.collection(LayerKind.ZONES), "Multi Polygon")
                .containsEntry(town.collection(LayerKind.PASSAGES), "Multi Line String")
                .containsEntry(town.collection(LayerKind.BOUNDARY), "Multi Polygon")
                .containsEntry(town.collection(LayerKind.PRICE_BLOCKS), "Multi Polygon")
                .containsEntry(town.collection(LayerKind.OVERLAYS), "Multi Polygon");
    }

    @Test
    void givenTheParcelsThenGdalCountsThemAndKnowsTheirFieldsAndExtent() {
        String summary = ogrinfo("-ro", ogc, town.collection(LayerKind.PARCELS), "-al", "-so");

        assertThat(summary).contains("Geometry: Multi Polygon", "Feature Count: 30", "plate: String",
                "renovation_code: String", "TITLE=قطعات قزوین آزمون");
        Matcher extent = Pattern.compile("Extent: \\(([-\\d.]+), ([-\\d.]+)\\) - \\(([-\\d.]+), ([-\\d.]+)\\)")
                .matcher(summary);
        assertThat(extent.find()).as("an Extent line in\n%s", summary).isTrue();
        assertThat(Double.parseDouble(extent.group(1))).isCloseTo(ORIGIN_LON, offset(1e-6));
        assertThat(Double.parseDouble(extent.group(2))).isCloseTo(ORIGIN_LAT, offset(1e-6));

        String passages = ogrinfo("-ro", ogc, town.collection(LayerKind.PASSAGES), "-al", "-so");
        assertThat(passages).contains("Feature Count: 3", "name: String", "width_m: Real");
    }

    @Test
    void givenEveryFeatureThenGdalPagesThroughThemAllOnce() {
        // GDAL asks for 10 features a page and follows the next links.
        List<String> plates = plates(ogrinfo("-ro", "-al", "-q", ogc, town.collection(LayerKind.PARCELS)));
        assertThat(plates).containsExactlyElementsOf(town.plates());
    }

    @Test
    void givenASpatialFilterThenGdalGetsTheParcelsInIt() {
        List<String> plates = plates(ogrinfo("-ro", "-al", "-q", ogc, town.collection(LayerKind.PARCELS), "-spat",
                String.valueOf(ORIGIN_LON + 0.1 * CELL_LON), String.valueOf(ORIGIN_LAT + 0.1 * CELL_LAT),
                String.valueOf(ORIGIN_LON + 1.5 * CELL_LON), String.valueOf(ORIGIN_LAT + 1.5 * CELL_LAT)));
        assertThat(plates).containsExactly("1234/1", "1234/2", "1234/7", "1234/8");
    }

    @Test
    void givenATileThenGdalReadsItAsAVectorTile() {
        String tile = "/vsicurl/http://127.0.0.1:" + port + "/tiles/" + town.slug() + "/parcels/"
                + MapFixtures.TILE_ZOOM + "/" + MapFixtures.TILE_X + "/" + MapFixtures.TILE_Y + ".mvt";
        assertThat(ogrinfo("-ro", "-al", "-so", tile)).contains("Layer name: parcels", "Feature Count: 30",
                "plate: String");
    }

    private static List<String> plates(String listing) {
        List<String> plates = new ArrayList<>();
        Matcher plate = Pattern.compile("^\\s*plate \\(String\\) = (\\S+)$", Pattern.MULTILINE).matcher(listing);
        while (plate.find()) {
            plates.add(plate.group(1));
        }
        return plates;
    }

    /** Runs ogrinfo to completion within the timeout and returns what it printed; fails on any error. */
    private static String ogrinfo(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("ogrinfo");
        command.addAll(List.of(arguments));
        Path output = null;
        try {
            output = Files.createTempFile("ogrinfo", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            // Loopback only: a proxy from the environment must not see these requests.
            for (String proxy : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
                builder.environment().remove(proxy);
            }
            builder.environment().put("GDAL_HTTP_TIMEOUT", "30");
            builder.environment().put("GDAL_HTTP_MAX_RETRY", "0");
            builder.environment().put("CPL_DEBUG", "OFF");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return fail("GDAL's ogrinfo is not installed (apt-get install gdal-bin; scripts/setup installs it): "
                        + e.getMessage());
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("ogrinfo did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || printed.contains("ERROR")) {
                return fail("ogrinfo failed (exit " + process.exitValue() + "): " + command + "\n" + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot capture ogrinfo's output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
