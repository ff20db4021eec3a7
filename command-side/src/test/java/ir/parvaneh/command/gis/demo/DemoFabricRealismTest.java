package ir.parvaneh.command.gis.demo;

import ir.parvaneh.command.gis.demo.DemoFabricLayers.Feature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The realism the demo fabric promises, checked on what it writes: the layers are parsed back and measured
 * in local metres, the way the import and the derived facts will see them.
 */
class DemoFabricRealismTest {

    private static final DemoCity QAZVIN = new DemoCity("qazvin", "قزوین", 36.26877, 50.0041, 6_000);
    private static final Set<Double> LEGAL_WIDTHS = Set.of(6.0, 8.0, 10.0, 12.0, 16.0, 18.0, 20.0, 24.0, 30.0, 35.0,
            40.0, 45.0);

    private static DemoFabric fabric;
    private static DemoFabricLayers layers;
    private static List<Frontage> frontages;

    @BeforeAll
    static void generate() {
        fabric = DemoFabric.generate(QAZVIN, ProvincePlan.PROVINCE_SEED);
        layers = new DemoFabricLayers(fabric);
        frontages = frontages(layers);
    }

    @Test
    void theStreetsFormAHierarchyOfLegalWidths() {
        List<Feature> passages = layers.layer("passages");
        Map<String, Integer> byRank = new LinkedHashMap<>();
        for (Feature passage : passages) {
            double width = passage.number("width_m");
            assertThat(LEGAL_WIDTHS).contains(width);
            String rank = width >= 30 ? "arterial" : width >= 16 ? "collector" : width >= 8 ? "local" : "alley";
            byRank.merge(rank, 1, Integer::sum);
        }
        assertThat(byRank.get("arterial")).isGreaterThanOrEqualTo(2);
        assertThat(byRank.get("collector")).isGreaterThanOrEqualTo(2);
        assertThat(byRank.get("alley")).isGreaterThanOrEqualTo(1);
        assertThat(byRank.get("local")).isGreaterThan(byRank.get("arterial") + byRank.get("collector"));
    }

    @Test
    void theGridIsRotatedPerCityAndItsSpacingJittered() {
        double qazvin = gridBearing(layers);
        DemoCity other = new DemoCity("takestan", 36.0706, 49.6957, 800);
        double takestan = gridBearing(new DemoFabricLayers(DemoFabric.generate(other, ProvincePlan.PROVINCE_SEED)));
        assertThat(Math.min(Math.abs(qazvin), 90 - Math.abs(qazvin))).as("rotated off north").isGreaterThan(2);
        assertThat(Math.abs(qazvin - takestan)).as("each city its own rotation").isGreaterThan(0.5);

        List<Double> offsets = new ArrayList<>();
        for (Feature passage : layers.layer("passages")) {
            Coordinate[] line = passage.metres().getCoordinates();
            double bearing = bearing(line[0], line[line.length - 1]);
            if (Math.abs(angleBetween(bearing, qazvin)) < 5 && line.length >= 3) {
                double normal = Math.toRadians(qazvin);
                // the distance across the grid direction, measured along the normal of the grid's bearing
                offsets.add(-line[0].x * Math.cos(normal) + line[0].y * Math.sin(normal));
            }
        }
        offsets.sort(Double::compare);
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < offsets.size(); i++) {
            double gap = offsets.get(i) - offsets.get(i - 1);
            if (gap > 5) {
                gaps.add(gap);
            }
        }
        double mean = gaps.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double deviation = Math.sqrt(gaps.stream().mapToDouble(g -> (g - mean) * (g - mean)).average().orElseThrow());
        assertThat(gaps).hasSizeGreaterThan(10);
        assertThat(deviation / mean).as("coefficient of variation of the street spacing").isGreaterThan(0.05);
    }

    @Test
    void parcelsFrontTheirStreetAtHalfItsWidthExceptAFewLandlockedOnes() {
        int landlocked = 0;
        for (Frontage frontage : frontages) {
            if (frontage.width() == null) {
                landlocked++;
                assertThat(frontage.clearance()).as("landlocked %s: beyond half the width + 3 m of every passage",
                        frontage.plate()).isGreaterThan(3);
            } else {
                assertThat(frontage.distance()).as("%s: its street edge lies at half the legal width", frontage.plate())
                        .isCloseTo(frontage.width() / 2, offset(0.05));
            }
        }
        double share = (double) landlocked / frontages.size();
        assertThat(share).as("landlocked share").isBetween(0.004, 0.02);
        long generated = fabric.blocks().stream().flatMap(b -> fabric.parcels(b).stream())
                .filter(p -> p.shape() == ParcelShape.LANDLOCKED).count();
        assertThat(landlocked).as("exactly the parcels the generator made landlocked").isEqualTo((int) generated);
    }

    @Test
    void everyParcelMeasuresEightyToTwoThousandSquareMetres() {
        List<Feature> parcels = layers.layer("parcels");
        assertThat(parcels).hasSize(QAZVIN.parcelCount());
        for (Feature parcel : parcels) {
            assertThat(parcel.metres().getArea()).as(parcel.text("plate")).isBetween(80.0, 2000.0);
        }
    }

    @Test
    void mostParcelsAreRectanglesAndAboutATenthIrregular() {
        int rectangles = 0;
        int irregular = 0;
        int fronting = 0;
        Map<String, Frontage> byPlate = new LinkedHashMap<>();
        frontages.forEach(f -> byPlate.put(f.plate(), f));
        for (Feature parcel : layers.layer("parcels")) {
            if (byPlate.get(parcel.text("plate")).width() == null) {
                continue;
            }
            fronting++;
            List<Double> corners = corners((Polygon) parcel.metres());
            boolean square = corners.stream().allMatch(angle -> Math.abs(angle - 90) <= 8);
            if (corners.size() == 4 && square) {
                rectangles++;
            } else {
                assertThat(corners.size()).as("%s is a quadrilateral or a pentagon", parcel.text("plate")).isIn(4, 5);
                irregular++;
            }
        }
        assertThat((double) rectangles / fronting).isGreaterThan(0.8);
        assertThat((double) irregular / fronting).isBetween(0.06, 0.15);
    }

    @Test
    void everyPolygonIsValidAsWrittenAndInMetres() {
        for (String layer : DemoFabric.LAYERS) {
            for (Feature feature : layers.layer(layer)) {
                assertThat(feature.lonLat().isEmpty()).isFalse();
                assertThat(feature.lonLat().isValid()).as("%s %s", layer, feature.properties()).isTrue();
                assertThat(feature.metres().isValid()).as("%s %s", layer, feature.properties()).isTrue();
                if (!layer.equals("passages")) {
                    assertThat(feature.metres().getArea()).isPositive();
                }
            }
        }
    }

    @Test
    void parcelsDoNotOverlap() {
        assertNoInteriorsMeet(layers.layer("parcels"));
    }

    @Test
    void zonesCoverEveryParcelAndSomeBordersCutThroughBlocks() {
        STRtree index = new STRtree();
        for (Feature zone : layers.layer("zones")) {
            assertThat(zone.text("zone_code")).matches("(R111|R112|R121|R122|R211|S111|S211|M111|G111|T111)");
            for (int i = 0; i < zone.metres().getNumGeometries(); i++) {
                Geometry part = zone.metres().getGeometryN(i);
                index.insert(part.getEnvelopeInternal(), new Object[] {zone.text("zone_code"), part});
            }
        }
        int split = 0;
        for (Feature parcel : layers.layer("parcels")) {
            Geometry shape = parcel.metres();
            Map<String, Double> areas = new LinkedHashMap<>();
            for (Object hit : index.query(shape.getEnvelopeInternal())) {
                Object[] zone = (Object[]) hit;
                double area = ((Geometry) zone[1]).intersection(shape).getArea();
                if (area > 0) {
                    areas.merge((String) zone[0], area, Double::sum);
                }
            }
            double covered = areas.values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(covered / shape.getArea()).as(parcel.text("plate")).isGreaterThan(0.999);
            if (areas.values().stream().filter(a -> a > 0.005 * shape.getArea()).count() >= 2) {
                split++;
            }
        }
        assertThat((double) split / layers.layer("parcels").size()).as("parcels in two zones").isBetween(0.03, 0.08);
    }

    @Test
    void priceBlocksTileTheFabricAndPriceTheCentreAndArterialsHigher() {
        List<Feature> blocks = layers.layer("price-blocks");
        assertNoInteriorsMeet(blocks);
        STRtree index = new STRtree();
        for (Feature block : blocks) {
            assertThat(block.properties().get("price_rials").isIntegralNumber()).isTrue();
            assertThat(block.number("price_rials")).isBetween(8e6, 60e6);
            assertThat(block.text("block_code")).isNotBlank();
            index.insert(block.metres().getEnvelopeInternal(), PreparedGeometryFactory.prepare(block.metres()));
        }
        for (Feature parcel : layers.layer("parcels")) {
            Point inside = parcel.metres().getInteriorPoint();
            long holding = index.query(inside.getEnvelopeInternal()).stream()
                    .filter(b -> ((PreparedGeometry) b).covers(inside)).count();
            assertThat(holding).as("price blocks holding %s", parcel.text("plate")).isEqualTo(1);
        }

        List<Geometry> arterials = layers.layer("passages").stream().filter(p -> p.number("width_m") >= 30)
                .map(Feature::metres).toList();
        double reach = blocks.stream().mapToDouble(b -> distanceFromCentre(b.metres())).max().orElseThrow();
        double[][] sums = new double[4][4];
        for (Feature block : blocks) {
            int ring = (int) Math.min(3, 4 * distanceFromCentre(block.metres()) / reach);
            boolean onArterial = arterials.stream().anyMatch(a -> a.distance(block.metres()) < 0.01);
            sums[ring][onArterial ? 0 : 2] += block.number("price_rials");
            sums[ring][onArterial ? 1 : 3]++;
        }
        assertThat(sums[0][2] / sums[0][3]).as("centre dearer than edge").isGreaterThan(1.5 * sums[3][2] / sums[3][3]);
        for (double[] ring : sums) {
            if (ring[1] > 0 && ring[3] > 0) {
                assertThat(ring[0] / ring[1]).as("arterial premium").isGreaterThan(ring[2] / ring[3]);
            }
        }
    }

    @Test
    void overlaysCarryTheirKindsLimitsAndReplacementZones() {
        List<Feature> overlays = layers.layer("overlays");
        assertThat(overlays).hasSizeBetween(2, 5);
        Set<String> codes = new HashSet<>();
        for (Feature overlay : overlays) {
            assertThat(codes.add(overlay.text("overlay_code"))).isTrue();
            assertThat(overlay.text("overlay_code")).matches("[A-Z][A-Z0-9._\\-]{0,19}");
            assertThat(overlay.text("kind")).isIn("HERITAGE_BUFFER", "RIVER_SETBACK", "RAILWAY_SETBACK", "HEIGHT_LIMIT",
                    "FAULT_LINE");
            assertThat(overlay.text("precedence")).isIn("RESTRICT", "RELAX", "REPLACE");
            assertThat(overlay.text("description")).isNotBlank();
            if (overlay.text("precedence").equals("REPLACE")) {
                assertThat(overlay.text("replacement_zone")).isEqualTo("G111");
            }
            boolean limits = overlay.properties().has("max_floors") || overlay.properties().has("max_height_m")
                    || overlay.properties().has("setback_m");
            assertThat(limits).as("%s sets a limit", overlay.text("overlay_code")).isTrue();
        }
        assertThat(codes).contains("HB-1", "RS-1");
    }

    @Test
    void theBoundaryHoldsEveryFeatureWithAMargin() {
        List<Feature> boundaries = layers.layer("boundary");
        assertThat(boundaries).hasSize(1);
        assertThat(boundaries.get(0).text("name")).isEqualTo("قزوین");
        Geometry limits = boundaries.get(0).metres();
        Geometry edge = ((Polygon) limits).getExteriorRing();
        PreparedGeometry inside = PreparedGeometryFactory.prepare(limits);
        for (String layer : DemoFabric.LAYERS.subList(1, DemoFabric.LAYERS.size())) {
            for (Feature feature : layers.layer(layer)) {
                assertThat(inside.containsProperly(feature.metres())).as("%s %s", layer, feature.properties()).isTrue();
                assertThat(DistanceOp.distance(edge, feature.metres())).isGreaterThan(140);
            }
        }
    }

    @Test
    void platesAreUniqueMainSlashSubAndMostParcelsHaveARenovationCode() {
        Pattern plate = Pattern.compile("[0-9]{1,7}/[0-9]{1,7}");
        Set<String> plates = new HashSet<>();
        int coded = 0;
        for (Feature parcel : layers.layer("parcels")) {
            assertThat(parcel.text("plate")).matches(plate);
            assertThat(plates.add(parcel.text("plate"))).as("unique " + parcel.text("plate")).isTrue();
            if (parcel.properties().has("renovation_code")) {
                coded++;
                assertThat(parcel.text("renovation_code")).matches("[0-9]{2}-[0-9]{2}-[0-9]{3}-[0-9]{3}");
            }
        }
        assertThat((double) coded / plates.size()).isBetween(0.75, 0.85);
    }

    @Test
    void theFabricIsCentredOnTheCityAndSizedByItsParcelCount() {
        Geometry all = layers.layer("parcels").get(0).metres().getFactory()
                .buildGeometry(layers.layer("parcels").stream().map(Feature::metres).toList());
        Coordinate centre = all.getEnvelopeInternal().centre();
        double radius = Math.max(all.getEnvelopeInternal().getWidth(), all.getEnvelopeInternal().getHeight()) / 2;
        assertThat(Math.hypot(centre.x, centre.y)).isLessThan(0.2 * radius);
        assertThat(all.getEnvelopeInternal().contains(0, 0)).isTrue();

        DemoFabricLayers small = new DemoFabricLayers(DemoFabric.generate(QAZVIN.withParcelCount(600),
                ProvincePlan.PROVINCE_SEED));
        Geometry smallParcels = all.getFactory().buildGeometry(small.layer("parcels").stream().map(Feature::metres).toList());
        double ratio = Math.sqrt(all.getEnvelopeInternal().getArea() / smallParcels.getEnvelopeInternal().getArea());
        assertThat(ratio).as("ten times the parcels, about three times the extent").isBetween(2.2, 4.2);
    }

    /** What the import's frontage rule finds for a parcel: its best street edge, or the clearance to any street. */
    record Frontage(String plate, Double width, double distance, double clearance) {
    }

    /**
     * The frontage rule of the derived facts: an edge whose middle is within half the legal width + 1.5 m of
     * a centre line and runs within 30° of parallel to it.
     */
    static List<Frontage> frontages(DemoFabricLayers layers) {
        STRtree segments = new STRtree();
        for (Feature passage : layers.layer("passages")) {
            Coordinate[] line = passage.metres().getCoordinates();
            for (int i = 1; i < line.length; i++) {
                LineSegment segment = new LineSegment(line[i - 1], line[i]);
                Envelope envelope = new Envelope(line[i - 1], line[i]);
                envelope.expandBy(40);
                segments.insert(envelope, new Object[] {segment, passage.number("width_m"), passage.metres()});
            }
        }
        List<Frontage> result = new ArrayList<>();
        for (Feature parcel : layers.layer("parcels")) {
            Coordinate[] ring = parcel.metres().getCoordinates();
            Double width = null;
            double distance = Double.NaN;
            for (int i = 1; i < ring.length; i++) {
                LineSegment edge = new LineSegment(ring[i - 1], ring[i]);
                Coordinate middle = edge.midPoint();
                for (Object hit : segments.query(new Envelope(middle))) {
                    Object[] passage = (Object[]) hit;
                    LineSegment centre = (LineSegment) passage[0];
                    double w = (Double) passage[1];
                    double d = centre.distance(middle);
                    if (d <= w / 2 + 1.5 && Math.abs(angleBetween(Math.toDegrees(edge.angle()), Math.toDegrees(centre.angle()))) <= 30
                            && (width == null || w > width)) {
                        width = w;
                        distance = d;
                    }
                }
            }
            double clearance = Double.POSITIVE_INFINITY;
            if (width == null) {
                Envelope around = parcel.metres().getEnvelopeInternal();
                around.expandBy(60);
                for (Object hit : segments.query(around)) {
                    Object[] passage = (Object[]) hit;
                    clearance = Math.min(clearance, ((Geometry) passage[2]).distance(parcel.metres()) - (Double) passage[1] / 2);
                }
            }
            result.add(new Frontage(parcel.text("plate"), width, distance, clearance));
        }
        return result;
    }

    private static void assertNoInteriorsMeet(List<Feature> features) {
        STRtree index = new STRtree();
        for (Feature feature : features) {
            index.insert(feature.lonLat().getEnvelopeInternal(), feature);
        }
        for (Feature feature : features) {
            for (Object hit : index.query(feature.lonLat().getEnvelopeInternal())) {
                Feature other = (Feature) hit;
                if (other != feature) {
                    assertThat(feature.lonLat().relate(other.lonLat()).get(Location.INTERIOR, Location.INTERIOR))
                            .as("%s and %s overlap", feature.properties(), other.properties()).isEqualTo(-1);
                }
            }
        }
    }

    /** Interior angles of the ring, leaving out vertices where it turns by less than 3° (collinear junctions). */
    private static List<Double> corners(Polygon polygon) {
        Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
        int n = ring.length - 1;
        List<Coordinate> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Coordinate previous = ring[(i + n - 1) % n];
            Coordinate next = ring[(i + 1) % n];
            double turn = angleBetween(bearing(previous, ring[i]), bearing(ring[i], next));
            if (Math.abs(turn) >= 3) {
                kept.add(ring[i]);
            }
        }
        List<Double> angles = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Coordinate previous = kept.get((i + kept.size() - 1) % kept.size());
            Coordinate next = kept.get((i + 1) % kept.size());
            angles.add(180 - Math.abs(angleBetween(bearing(previous, kept.get(i)), bearing(kept.get(i), next))));
        }
        return angles;
    }

    /** The bearing, modulo 90°, of most of the passages' length: the grid's rotation. */
    private static double gridBearing(DemoFabricLayers layers) {
        double[] weight = new double[90];
        for (Feature passage : layers.layer("passages")) {
            Coordinate[] line = passage.metres().getCoordinates();
            double bearing = ((bearing(line[0], line[line.length - 1]) % 90) + 90) % 90;
            weight[(int) bearing] += passage.metres().getLength();
        }
        int best = 0;
        for (int i = 1; i < 90; i++) {
            best = weight[i] > weight[best] ? i : best;
        }
        double sum = 0;
        double total = 0;
        for (Feature passage : layers.layer("passages")) {
            Coordinate[] line = passage.metres().getCoordinates();
            double bearing = ((bearing(line[0], line[line.length - 1]) % 90) + 90) % 90;
            if (Math.abs(bearing - best - 0.5) <= 1.5) {
                sum += bearing * passage.metres().getLength();
                total += passage.metres().getLength();
            }
        }
        double mean = sum / total;
        return mean > 45 ? mean - 90 : mean;
    }

    private static double distanceFromCentre(Geometry geometry) {
        Point centroid = geometry.getCentroid();
        return Math.hypot(centroid.getX(), centroid.getY());
    }

    /** Degrees clockwise from north. */
    private static double bearing(Coordinate from, Coordinate to) {
        return Math.toDegrees(Math.atan2(to.x - from.x, to.y - from.y));
    }

    /** The signed difference of two directions as undirected lines, in (-90, 90]. */
    private static double angleBetween(double a, double b) {
        double d = ((a - b) % 180 + 180) % 180;
        return d > 90 ? d - 180 : d;
    }
}
