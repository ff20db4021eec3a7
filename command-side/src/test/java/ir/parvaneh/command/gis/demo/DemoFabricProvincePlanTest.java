package ir.parvaneh.command.gis.demo;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The province's parcels are shared out over its 25 cities by population, exactly and with a floor. */
class DemoFabricProvincePlanTest {

    @Test
    void theDefaultTotalIsSharedOverTheTwentyFiveCitiesByPopulation() {
        List<DemoCity> cities = ProvincePlan.read(ProvincePlan.DEFAULT_TOTAL_PARCELS);
        assertThat(cities).hasSize(25);
        assertThat(cities.stream().mapToInt(DemoCity::parcelCount).sum()).isEqualTo(20_000);
        Map<String, DemoCity> bySlug = cities.stream().collect(Collectors.toMap(DemoCity::slug, Function.identity()));
        DemoCity qazvin = bySlug.get("qazvin");
        assertThat(qazvin.nameFa()).isEqualTo("قزوین");
        assertThat(qazvin.lat()).isEqualTo(36.26877);
        assertThat(qazvin.lon()).isEqualTo(50.0041);
        // 402,748 people of 843,167 (the 20 cities without a census figure count 12,000 each)
        assertThat(qazvin.parcelCount()).isBetween(9_540, 9_565);
        assertThat(bySlug.get("mohammadiyeh").parcelCount()).isGreaterThan(bySlug.get("takestan").parcelCount());
        assertThat(Math.abs(bySlug.get("abgarm").parcelCount() - bySlug.get("sirdan").parcelCount())).isLessThanOrEqualTo(1);
        assertThat(cities).allSatisfy(c -> assertThat(c.parcelCount()).isGreaterThanOrEqualTo(150));
    }

    @Test
    void aMillionParcelsAreAMillionExactly() {
        List<DemoCity> cities = ProvincePlan.read(1_000_000);
        assertThat(cities.stream().mapToInt(DemoCity::parcelCount).sum()).isEqualTo(1_000_000);
    }

    @Test
    void smallCitiesGetTheFloorAndTheRestIsSharedAgain() {
        List<DemoCity> cities = ProvincePlan.read(6_000);
        assertThat(cities.stream().mapToInt(DemoCity::parcelCount).sum()).isEqualTo(6_000);
        assertThat(cities.stream().filter(c -> c.parcelCount() == 150).count()).isGreaterThan(15);
        assertThat(cities).allSatisfy(c -> assertThat(c.parcelCount()).isGreaterThanOrEqualTo(150));
        assertThat(ProvincePlan.read(3_750)).allSatisfy(c -> assertThat(c.parcelCount()).isEqualTo(150));
    }

    @Test
    void aTotalBelowTheFloorsIsRefused() {
        assertThatThrownBy(() -> ProvincePlan.read(3_749)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3750");
    }
}
