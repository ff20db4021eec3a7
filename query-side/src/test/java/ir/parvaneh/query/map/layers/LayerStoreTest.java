package ir.parvaneh.query.map.layers;

import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.query.support.MapFixtures;
import ir.parvaneh.query.support.MapFixtures.Town;
import ir.parvaneh.query.support.QuerySideIntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static ir.parvaneh.query.jooq.layers.Tables.LAYER_VERSION;
import static ir.parvaneh.query.jooq.layers.Tables.PARCEL;
import static ir.parvaneh.query.jooq.layers.Tables.PASSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The layer store as the map services read it: versions in force by day, and its geometry columns. */
@QuerySideIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayerStoreTest {

    @Autowired
    LayerStore layers;
    @Autowired
    MapFixtures fixtures;
    @Autowired
    DSLContext dsl;

    Town town;

    @BeforeAll
    void aTown() {
        town = fixtures.town();
    }

    @Test
    void givenActivationsThenTheVersionInForceIsTheLatestOnOrBeforeTheDay() {
        assertThat(layers.inForce(town.slug(), LayerKind.PARCELS, LocalDate.of(2020, 3, 19))).isEmpty();
        assertThat(layers.inForce(town.slug(), LayerKind.PARCELS, MapFixtures.OLD_VERSION_FROM).orElseThrow().version()
                .value()).isEqualTo(town.oldParcels());
        assertThat(layers.inForce(town.slug(), LayerKind.PARCELS, layers.today()).orElseThrow().version().value())
                .isEqualTo(town.currentParcels());
        assertThat(layers.inForce(town.slug(), LayerKind.PARCELS, MapFixtures.FUTURE_VERSION_FROM).orElseThrow()
                .version().value()).isEqualTo(town.futureParcels());
        // Two activations on one day: the later one.
        assertThat(layers.inForce(town.slug(), LayerKind.ZONES, layers.today()).orElseThrow().version().value())
                .isEqualTo(town.zones());
        assertThat(layers.allInForce(layers.today()))
                .filteredOn(l -> l.municipality().slug().equals(town.slug()))
                .extracting(LayerInForce::layer)
                .containsExactly(LayerKind.values());
    }

    @Test
    void givenEveryGeometryColumnThenTheBindingReadsItWithItsTypeAndReferenceSystem() {
        var parcel = dsl.select(PARCEL.GEOM, PARCEL.GEOM_UTM).from(PARCEL)
                .where(PARCEL.VERSION_ID.eq(town.currentParcels()), PARCEL.FEATURE_INDEX.eq(0)).fetchOne();
        Geometry wgs84 = parcel.value1();
        Geometry utm = parcel.value2();
        assertThat(wgs84).isInstanceOf(MultiPolygon.class);
        assertThat(wgs84.getSRID()).isEqualTo(4326);
        assertThat(wgs84.getEnvelopeInternal().getMinX()).isCloseTo(MapFixtures.ORIGIN_LON, offset(1e-9));
        assertThat(utm).isInstanceOf(MultiPolygon.class);
        assertThat(utm.getSRID()).isEqualTo(32639);
        // Qazvin lies about 90 km west of zone 39's central meridian (51° E), some 4,010 km north of the equator.
        assertThat(utm.getCentroid().getX()).isBetween(405_000.0, 415_000.0);
        assertThat(utm.getCentroid().getY()).isBetween(4_010_000.0, 4_020_000.0);
        // 90% of a 0.00025° x 0.0002° cell: about 20 m by 20 m.
        assertThat(utm.getArea()).isBetween(350.0, 450.0);

        Geometry street = dsl.select(PASSAGE.GEOM_UTM).from(PASSAGE)
                .join(LAYER_VERSION)
                .on(LAYER_VERSION.VERSION_ID.eq(PASSAGE.VERSION_ID))
                .where(LAYER_VERSION.MUNICIPALITY_ID.eq(town.municipalityId()),
                        PASSAGE.FEATURE_INDEX.eq(0))
                .fetchOne(PASSAGE.GEOM_UTM);
        assertThat(street).isInstanceOf(MultiLineString.class);
        assertThat(street.getSRID()).isEqualTo(32639);
    }
}
