package ir.parvaneh.command.gis.demo;

import ir.parvaneh.command.gis.demo.DemoFabricLayers.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sample parcels other tests rely on exist in every city of the province, and what the generator says
 * about them is what its layers show.
 */
class DemoFabricSamplesTest {

    @Test
    void everyCityOfTheDefaultProvinceHasItsThreeSamples() {
        for (DemoCity city : ProvincePlan.read(ProvincePlan.DEFAULT_TOTAL_PARCELS)) {
            DemoFabricSamples samples = DemoFabric.generate(city, ProvincePlan.PROVINCE_SEED).samples();
            assertThat(samples.splitAcrossZones().plate()).as(city.slug()).isNotBlank();
            assertThat(samples.splitAcrossZones().largerZoneCode()).isNotEqualTo(samples.splitAcrossZones().smallerZoneCode());
            assertThat(samples.landlockedPlate()).as(city.slug()).isNotBlank();
            assertThat(samples.ordinary().frontageWidthM()).as(city.slug()).isBetween(6.0, 45.0);
        }
    }

    @Test
    void theSamplesFactsAreWhatTheLayersShow() {
        for (DemoCity city : List.of(new DemoCity("takestan", "تاکستان", 36.0706, 49.6957, 1_700),
                new DemoCity("sirdan", "سیردان", 36.6473, 49.1888, 150))) {
            DemoFabric fabric = DemoFabric.generate(city, ProvincePlan.PROVINCE_SEED);
            DemoFabricSamples samples = fabric.samples();
            DemoFabricLayers layers = new DemoFabricLayers(fabric);
            Map<String, DemoFabricRealismTest.Frontage> frontages = new LinkedHashMap<>();
            DemoFabricRealismTest.frontages(layers).forEach(f -> frontages.put(f.plate(), f));

            DemoFabricSamples.SplitParcel split = samples.splitAcrossZones();
            Map<String, Double> shares = zoneShares(layers, parcel(layers, split.plate()));
            assertThat(shares.keySet()).as(city.slug()).containsExactly(split.largerZoneCode(), split.smallerZoneCode());
            assertThat(shares.get(split.smallerZoneCode())).isCloseTo(split.smallerSharePercent(), within(0.2));

            assertThat(frontages.get(samples.landlockedPlate()).width()).as("no frontage").isNull();

            DemoFabricSamples.OrdinaryParcel ordinary = samples.ordinary();
            Feature parcel = parcel(layers, ordinary.plate());
            assertThat(frontages.get(ordinary.plate()).width()).isEqualTo(ordinary.frontageWidthM());
            assertThat(zoneShares(layers, parcel)).containsOnlyKeys(ordinary.zoneCode());
            assertThat(parcel.metres().getArea()).as("rounding to 7 decimals moves corners by a centimetre")
                    .isCloseTo(ordinary.areaM2(), within(0.25));
            assertThat(layers.layer("overlays")).noneMatch(o -> o.metres().intersects(parcel.metres()));
            Feature block = layers.layer("price-blocks").stream()
                    .filter(b -> b.metres().covers(parcel.metres().getInteriorPoint())).findFirst().orElseThrow();
            assertThat((long) block.number("price_rials")).isEqualTo(ordinary.priceRials());
            assertThat(block.text("block_code")).isEqualTo(ordinary.priceBlockCode());
            Optional<Feature> street = layers.layer("passages").stream()
                    .filter(p -> p.number("width_m") == ordinary.frontageWidthM())
                    .filter(p -> Math.abs(p.metres().distance(parcel.metres()) - ordinary.frontageWidthM() / 2) < 0.05)
                    .findFirst();
            assertThat(street).isPresent();
            assertThat(street.get().text("name")).isEqualTo(ordinary.frontageName());
            double dy = street.get().metres().getCentroid().getY() - parcel.metres().getCentroid().getY();
            assertThat(ordinary.frontageSide()).isEqualTo(dy < 0 ? "SOUTH" : "NORTH");
        }
    }

    private static Feature parcel(DemoFabricLayers layers, String plate) {
        return layers.layer("parcels").stream().filter(p -> p.text("plate").equals(plate)).findFirst().orElseThrow();
    }

    /** Percent of the parcel in each zone code, largest first. */
    private static Map<String, Double> zoneShares(DemoFabricLayers layers, Feature parcel) {
        Map<String, Double> areas = new LinkedHashMap<>();
        for (Feature zone : layers.layer("zones")) {
            Geometry shape = zone.metres();
            if (shape.getEnvelopeInternal().intersects(parcel.metres().getEnvelopeInternal())) {
                double area = shape.intersection(parcel.metres()).getArea();
                if (area > 0.01) {
                    areas.merge(zone.text("zone_code"), 100 * area / parcel.metres().getArea(), Double::sum);
                }
            }
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        areas.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
