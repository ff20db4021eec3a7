package ir.parvaneh.command.gis.demo;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scaled to the benchmark's million parcels, the cities near Qazvin grow into one another; the limits of
 * neighbouring municipalities must still never overlap, or a point would belong to two of them.
 */
class DemoProvinceLimitsTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @Test
    void theLimitsOfAMillionParcelProvinceNeverOverlapAndEveryCityKeepsItsParcels() {
        List<DemoCity> province = ProvincePlan.read(1_000_000);
        Map<String, Polygon> limits = new LinkedHashMap<>();
        for (DemoCity city : province) {
            DemoFabric fabric = DemoFabric.generate(city, ProvincePlan.PROVINCE_SEED, province);
            assertThat(fabric.blocks().stream().mapToInt(UrbanBlock::builtParcels).sum())
                    .as(city.slug()).isEqualTo(city.parcelCount());
            limits.put(city.slug(), polygon(fabric.limitsLonLat()));
        }
        List<String> overlapping = new ArrayList<>();
        List<String> slugs = List.copyOf(limits.keySet());
        for (int a = 0; a < slugs.size(); a++) {
            for (int b = a + 1; b < slugs.size(); b++) {
                if (limits.get(slugs.get(a)).intersects(limits.get(slugs.get(b)))) {
                    overlapping.add(slugs.get(a) + " × " + slugs.get(b));
                }
            }
        }
        assertThat(overlapping).isEmpty();
    }

    @Test
    void withoutItsNeighboursABigCityWouldSpillOverThem() {
        List<DemoCity> province = ProvincePlan.read(1_000_000);
        DemoCity mohammadiyeh = province.stream().filter(c -> c.slug().equals("mohammadiyeh")).findFirst().orElseThrow();
        DemoCity sharifiyeh = province.stream().filter(c -> c.slug().equals("sharifiyeh")).findFirst().orElseThrow();

        Polygon alone = polygon(DemoFabric.generate(mohammadiyeh, ProvincePlan.PROVINCE_SEED).limitsLonLat());
        Polygon hemmedIn = polygon(DemoFabric.generate(mohammadiyeh, ProvincePlan.PROVINCE_SEED, province).limitsLonLat());
        Polygon neighbour = polygon(DemoFabric.generate(sharifiyeh, ProvincePlan.PROVINCE_SEED, province).limitsLonLat());

        assertThat(alone.intersects(neighbour)).as("the test's premise: alone, Mohammadiyeh reaches Sharifiyeh").isTrue();
        assertThat(hemmedIn.intersects(neighbour)).isFalse();
    }

    @Test
    void aCityWhoseHullHasNearlyCollinearCornersStillHasLimitsThatDoNotCrossThemselves() {
        // Found by generating thousands of test towns: rounding made one corner's turn a hair negative, and the
        // widening drew a full circle round it, so the boundary import refused the town.
        DemoCity city = new DemoCity("rules-ee64dc72e2bf", 37.6, 50.38, 300);
        Polygon limits = polygon(DemoFabric.generate(city, ProvincePlan.PROVINCE_SEED).limitsLonLat());
        assertThat(limits.isValid()).as("%s", new org.locationtech.jts.operation.valid.IsValidOp(limits).getValidationError())
                .isTrue();
    }

    private static Polygon polygon(double[] ring) {
        Coordinate[] points = new Coordinate[ring.length / 2 + 1];
        for (int k = 0; k < ring.length; k += 2) {
            points[k / 2] = new Coordinate(ring[k], ring[k + 1]);
        }
        points[points.length - 1] = points[0];
        return GEOMETRY.createPolygon(points);
    }
}
