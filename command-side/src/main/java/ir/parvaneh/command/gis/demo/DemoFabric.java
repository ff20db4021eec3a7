package ir.parvaneh.command.gis.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generated, realistic urban fabric for one demo city: a slightly rotated, jittered street grid with
 * arterials, collectors, local streets and alleys; blocks set back from the centre lines by half the legal
 * widths; parcels of 80–2,000 m² (mostly rectangular lots fronting a street, about a tenth irregular,
 * about one in a hundred landlocked); zoning whose borders sometimes cut through blocks; regional price
 * blocks; a few overlays; and the city limits round it all.
 * <p>
 * Generation is deterministic: the same city and province seed give the same bytes in every layer, on
 * every JVM. The fabric keeps its streets and blocks in memory (a few bytes a parcel) and cuts each block
 * into parcels again when a layer is written, so that a layer of half a million parcels streams out with
 * one block's parcels in memory at a time.
 */
public final class DemoFabric {

    /** The layers' path names, as the layer import knows them, in the order a loader imports them. */
    public static final List<String> LAYERS = List.of("boundary", "parcels", "zones", "passages", "price-blocks",
            "overlays");

    /** The city limits keep at least this far (less 0.9 % on rounded corners) from every feature. */
    static final double BOUNDARY_MARGIN_M = 160;
    /** Land per parcel including streets, on average: it sizes the street grid before blocks are chosen. */
    private static final double GROSS_M2_PER_PARCEL = 480;
    private static final List<String> ZONE_ORDER = List.of(ZonePlan.MIXED, "R122", "R121", "R112", "R111", "R211",
            ZonePlan.ARTERIAL_COMMERCE, ZonePlan.COLLECTOR_COMMERCE, ZonePlan.FACILITY, ZonePlan.GREEN);

    private final DemoCity city;
    private final long seed;
    private final double reach;
    private final LocalFrame frame;
    private final StreetGrid grid;
    private final List<UrbanBlock> blocks;
    private final BitSet built;
    private final ZonePlan zones;
    private final List<DemoOverlay> overlays;
    private final double[] boundary;
    private DemoFabricSamples samples;

    private DemoFabric(DemoCity city, long seed, double reach, StreetGrid grid, List<UrbanBlock> blocks,
                       Territory territory) {
        this.city = city;
        this.seed = seed;
        this.reach = reach;
        this.frame = new LocalFrame(city.lat(), city.lon());
        this.grid = grid;
        this.blocks = blocks;
        this.built = new BitSet(grid.columns() * grid.rows());
        for (UrbanBlock block : blocks) {
            built.set(cell(block.column(), block.row()));
        }
        this.zones = ZonePlan.plan(grid, blocks, reach, seed);
        this.overlays = OverlayPlan.plan(grid, builtExtent(), reach, seed).stream()
                .filter(overlay -> territory.holds(overlay.ring())).toList();
        this.boundary = CityLimits.around(limitPoints(), BOUNDARY_MARGIN_M);
    }

    /** Generates a city's fabric alone, as if it had no neighbours; its seed derives from the province's seed and the city's slug. */
    public static DemoFabric generate(DemoCity city, long provinceSeed) {
        return generate(city, provinceSeed, List.of());
    }

    /**
     * Generates a city's fabric among its neighbours: it keeps to its own side of the line that parts it
     * from each (see {@link Territory}), so the limits of neighbouring cities never overlap however large
     * the province is scaled, as real municipal limits do not.
     *
     * @param province every city of the province (the city itself among them is ignored)
     */
    public static DemoFabric generate(DemoCity city, long provinceSeed, List<DemoCity> province) {
        long seed = citySeed(provinceSeed, city.slug());
        double reach = reach(city);
        Territory territory = Territory.of(city, reach, province);
        for (double margin = 1.5; ; margin *= 1.35) {
            StreetGrid grid = StreetGrid.generate(seed, reach, reach * margin + 250);
            List<UrbanBlock> blocks = chooseBlocks(grid, seed, reach, city.parcelCount(), territory);
            if (blocks != null) {
                return new DemoFabric(city, seed, reach, grid, blocks, territory);
            }
        }
    }

    /** How far from its centre a city of this many parcels reaches when nothing hems it in, metres. */
    static double reach(DemoCity city) {
        return Math.sqrt(city.parcelCount() * GROSS_M2_PER_PARCEL / Math.PI) + 60;
    }

    /** A city's own seed: each city can be generated alone and still come out the same. */
    public static long citySeed(long provinceSeed, String slug) {
        return SeededRandom.derive(provinceSeed, SeededRandom.digest(slug));
    }

    public DemoCity city() {
        return city;
    }

    public int parcelCount() {
        return city.parcelCount();
    }

    /** Blocks holding parcels. */
    public int blockCount() {
        return blocks.size();
    }

    /**
     * Writes one layer as a GeoJSON FeatureCollection in WGS 84, a feature at a time, and flushes; the stream
     * is left open.
     *
     * @param layer one of {@link #LAYERS}
     */
    public void write(String layer, OutputStream out) throws IOException {
        try (GeoJsonFeatureWriter writer = new GeoJsonFeatureWriter(out, frame)) {
            switch (layer) {
                case "boundary" -> writer.polygon(json -> json.writeStringField("name", city.nameFa()), List.of(boundary));
                case "parcels" -> writeParcels(writer);
                case "zones" -> writeZones(writer);
                case "passages" -> writePassages(writer);
                case "price-blocks" -> writePriceBlocks(writer);
                case "overlays" -> writeOverlays(writer);
                default -> throw new IllegalArgumentException("No demo layer '" + layer + "'; the layers are " + LAYERS);
            }
        }
    }

    /** A split, a landlocked and an ordinary parcel with the facts the generator knows about them. */
    public synchronized DemoFabricSamples samples() {
        if (samples == null) {
            samples = new SampleFinder().find();
        }
        return samples;
    }

    LocalFrame frame() {
        return frame;
    }

    /** The city limits as longitude/latitude pairs: the open ring the boundary layer writes. */
    double[] limitsLonLat() {
        double[] ring = new double[boundary.length];
        for (int k = 0; k < ring.length; k += 2) {
            ring[k] = frame.longitudeOf(boundary[k]);
            ring[k + 1] = frame.latitudeOf(boundary[k + 1]);
        }
        return ring;
    }

    StreetGrid grid() {
        return grid;
    }

    List<UrbanBlock> blocks() {
        return blocks;
    }

    ZonePlan zones() {
        return zones;
    }

    List<DemoOverlay> overlays() {
        return overlays;
    }

    double reach() {
        return reach;
    }

    /** The block's parcels as written (the last block's only as far as it is built). */
    List<DemoParcel> parcels(UrbanBlock block) {
        List<DemoParcel> all = subdivide(block).parcels();
        return all.size() == block.builtParcels() ? all : all.subList(0, block.builtParcels());
    }

    BlockSubdivision.Result subdivide(UrbanBlock block) {
        return BlockSubdivision.subdivide(block, zones.district(block.column(), block.row()));
    }

    /**
     * The blocks nearest the centre (by a distance warped a little with the angle, so the city's edge is
     * lobed rather than round) until their parcels reach the count; the last block is built as far as needed.
     * Null when the grid is too small to hold them away from its edge.
     */
    private static List<UrbanBlock> chooseBlocks(StreetGrid grid, long seed, double reach, int parcels,
                                                 Territory territory) {
        int columns = grid.columns();
        int rows = grid.rows();
        SeededRandom shape = SeededRandom.of(seed, 40);
        double phase3 = shape.between(0, 2 * Math.PI);
        double phase5 = shape.between(0, 2 * Math.PI);
        double lobes3 = shape.between(0.05, 0.12);
        double lobes5 = shape.between(0.02, 0.06);
        int count = columns * rows;
        double[] keys = new double[count];
        Quad[] quads = new Quad[count];
        long[] seeds = new long[count];
        double edge = Double.POSITIVE_INFINITY;
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < rows; j++) {
                int index = i * rows + j;
                Quad quad = grid.block(i, j);
                double x = quad.centreX();
                double y = quad.centreY();
                double angle = StrictMath.atan2(y, x);
                long blockSeed = SeededRandom.derive(seed, 7, grid.crossing(i).index(), grid.fronting(j).index());
                double warp = 1 + lobes3 * StrictMath.sin(3 * angle + phase3) + lobes5 * StrictMath.sin(5 * angle + phase5);
                keys[index] = Quad.length(x, y) / warp + SeededRandom.of(blockSeed, 9).between(0, 15);
                quads[index] = quad;
                seeds[index] = blockSeed;
                if (i == 0 || j == 0 || i == columns - 1 || j == rows - 1) {
                    edge = Math.min(edge, keys[index]);
                }
            }
        }
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> keys[k]).thenComparingInt(k -> k));
        List<UrbanBlock> chosen = new ArrayList<>();
        int total = 0;
        boolean landlockedPlaced = false;
        for (int k = 0; k < count && total < parcels; k++) {
            int index = order[k];
            if (keys[index] >= edge) {
                return null;
            }
            int i = index / rows;
            int j = index % rows;
            if (!territory.holds(grid.cell(i, j).ring())) {
                continue;
            }
            Quad quad = quads[index];
            double ratio = Quad.length(quad.centreX(), quad.centreY()) / reach;
            UrbanBlock block = new UrbanBlock(i, j, quad, ratio, seeds[index], false, 0, 0);
            BlockSubdivision.Plan plan = BlockSubdivision.plan(block);
            if (!landlockedPlaced) {
                // Every city gets at least one landlocked parcel: the first block near the centre that can hold one must.
                UrbanBlock wanting = new UrbanBlock(i, j, quad, ratio, seeds[index], true, 0, 0);
                BlockSubdivision.Plan forced = BlockSubdivision.plan(wanting);
                if (forced.landlocked() >= 0 && forced.parcelCount() <= parcels - total) {
                    block = wanting;
                    plan = forced;
                    landlockedPlaced = true;
                }
            }
            int parcelsHere = Math.min(plan.parcelCount(), parcels - total);
            chosen.add(new UrbanBlock(i, j, quad, ratio, block.seed(), block.landlockedWanted(), chosen.size() + 1,
                    parcelsHere));
            total += parcelsHere;
        }
        return List.copyOf(chosen);
    }

    private void writeParcels(GeoJsonFeatureWriter writer) throws IOException {
        for (UrbanBlock block : blocks) {
            for (DemoParcel parcel : parcels(block)) {
                writer.polygon(json -> {
                    json.writeStringField("plate", parcel.plate());
                    if (parcel.renovationCode() != null) {
                        json.writeStringField("renovation_code", parcel.renovationCode());
                    }
                }, List.of(parcel.ring()));
            }
        }
    }

    /** One feature per quarter and zone code: the pieces lie in different blocks (or apart in one), so never touch. */
    private void writeZones(GeoJsonFeatureWriter writer) throws IOException {
        Map<Long, List<double[]>> features = new TreeMap<>();
        for (UrbanBlock block : blocks) {
            for (ZonePlan.Piece piece : zones.pieces(block, subdivide(block).plan())) {
                long key = (long) piece.quarter() * ZONE_ORDER.size() + ZONE_ORDER.indexOf(piece.code());
                features.computeIfAbsent(key, k -> new ArrayList<>()).add(piece.ring());
            }
        }
        for (Map.Entry<Long, List<double[]>> feature : features.entrySet()) {
            String code = ZONE_ORDER.get((int) (feature.getKey() % ZONE_ORDER.size()));
            writer.multiPolygon(json -> json.writeStringField("zone_code", code), feature.getValue());
        }
    }

    /** Each street as one line per stretch that borders built blocks, through every junction on the way. */
    private void writePassages(GeoJsonFeatureWriter writer) throws IOException {
        for (int j = 0; j <= grid.rows(); j++) {
            Street street = grid.fronting(j);
            int start = -1;
            for (int i = 0; i <= grid.columns(); i++) {
                boolean needed = i < grid.columns() && (isBuilt(i, j - 1) || isBuilt(i, j));
                if (needed && start < 0) {
                    start = i;
                } else if (!needed && start >= 0) {
                    double[] line = new double[2 * (i - start + 1)];
                    for (int k = start; k <= i; k++) {
                        double[] junction = grid.junction(k, j);
                        line[2 * (k - start)] = junction[0];
                        line[2 * (k - start) + 1] = junction[1];
                    }
                    writePassage(writer, street, line);
                    start = -1;
                }
            }
        }
        for (int i = 0; i <= grid.columns(); i++) {
            Street street = grid.crossing(i);
            int start = -1;
            for (int j = 0; j <= grid.rows(); j++) {
                boolean needed = j < grid.rows() && (isBuilt(i - 1, j) || isBuilt(i, j));
                if (needed && start < 0) {
                    start = j;
                } else if (!needed && start >= 0) {
                    double[] line = new double[2 * (j - start + 1)];
                    for (int k = start; k <= j; k++) {
                        double[] junction = grid.junction(i, k);
                        line[2 * (k - start)] = junction[0];
                        line[2 * (k - start) + 1] = junction[1];
                    }
                    writePassage(writer, street, line);
                    start = -1;
                }
            }
        }
    }

    private static void writePassage(GeoJsonFeatureWriter writer, Street street, double[] line) throws IOException {
        writer.lineString(json -> {
            GeoJsonFeatureWriter.decimal(json, "width_m", street.widthM());
            if (street.name() != null) {
                json.writeStringField("name", street.name());
            }
        }, line);
    }

    private void writePriceBlocks(GeoJsonFeatureWriter writer) throws IOException {
        for (UrbanBlock block : blocks) {
            long price = price(block);
            String code = priceBlockCode(block);
            writer.polygon(json -> {
                json.writeNumberField("price_rials", price);
                json.writeStringField("block_code", code);
            }, List.of(grid.cell(block.column(), block.row()).ring()));
        }
    }

    private void writeOverlays(GeoJsonFeatureWriter writer) throws IOException {
        for (DemoOverlay overlay : overlays) {
            writer.polygon(json -> {
                json.writeStringField("overlay_code", overlay.code());
                json.writeStringField("kind", overlay.kind());
                json.writeStringField("precedence", overlay.precedence());
                if (overlay.maxFloors() != null) {
                    json.writeNumberField("max_floors", overlay.maxFloors());
                }
                if (overlay.maxHeightM() != null) {
                    GeoJsonFeatureWriter.decimal(json, "max_height_m", overlay.maxHeightM());
                }
                if (overlay.setbackM() != null) {
                    GeoJsonFeatureWriter.decimal(json, "setback_m", overlay.setbackM());
                }
                if (overlay.replacementZone() != null) {
                    json.writeStringField("replacement_zone", overlay.replacementZone());
                }
                json.writeStringField("description", overlay.description());
            }, List.of(overlay.ring()));
        }
    }

    /**
     * The regional price per m² (Rials): highest at the centre (more in a larger city), falling off outwards,
     * with a premium for blocks on an arterial (35 %) or a collector (15 %), within 8–60 million.
     */
    long price(UrbanBlock block) {
        double centre = 22e6 + 6e6 * StrictMath.log10(Math.max(1, city.parcelCount() / 150.0));
        double edge = 8.5e6;
        double base = edge + (centre - edge) * StrictMath.exp(-2.2 * block.reach());
        StreetRank best = StreetRank.ALLEY;
        for (Street street : List.of(grid.fronting(block.row()), grid.fronting(block.row() + 1),
                grid.crossing(block.column()), grid.crossing(block.column() + 1))) {
            best = street.rank().ordinal() < best.ordinal() ? street.rank() : best;
        }
        double premium = best == StreetRank.ARTERIAL ? 1.35 : best == StreetRank.COLLECTOR ? 1.15 : 1;
        double price = base * premium * SeededRandom.of(block.seed(), 8).between(0.95, 1.05);
        return Math.round(Math.max(8e6, Math.min(60e6, price)) / 10_000) * 10_000;
    }

    String priceBlockCode(UrbanBlock block) {
        int ring = 1 + (int) Math.min(8, block.reach() * 4);
        String number = Integer.toString(block.number());
        return "0" + ring + "-" + "0".repeat(Math.max(0, 4 - number.length())) + number;
    }

    private boolean isBuilt(int column, int row) {
        return column >= 0 && row >= 0 && column < grid.columns() && row < grid.rows() && built.get(cell(column, row));
    }

    private int cell(int column, int row) {
        return column * grid.rows() + row;
    }

    /** The built cells' extent in the grid's frame: {uMin, uMax, vMin, vMax}. */
    private double[] builtExtent() {
        double[] extent = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (UrbanBlock block : blocks) {
            double[] ring = grid.cell(block.column(), block.row()).ring();
            for (int k = 0; k < ring.length; k += 2) {
                double u = grid.u(ring[k], ring[k + 1]);
                double v = grid.v(ring[k], ring[k + 1]);
                extent[0] = Math.min(extent[0], u);
                extent[1] = Math.max(extent[1], u);
                extent[2] = Math.min(extent[2], v);
                extent[3] = Math.max(extent[3], v);
            }
        }
        return extent;
    }

    /** Everything the limits must hold: the built cells (blocks with half their streets) and the overlays. */
    private Coordinate[] limitPoints() {
        List<Coordinate> points = new ArrayList<>(4 * blocks.size());
        for (UrbanBlock block : blocks) {
            double[] ring = grid.cell(block.column(), block.row()).ring();
            for (int k = 0; k < ring.length; k += 2) {
                points.add(new Coordinate(ring[k], ring[k + 1]));
            }
        }
        for (DemoOverlay overlay : overlays) {
            for (int k = 0; k < overlay.ring().length; k += 2) {
                points.add(new Coordinate(overlay.ring()[k], overlay.ring()[k + 1]));
            }
        }
        return points.toArray(Coordinate[]::new);
    }

    /** Finds the sample parcels by cutting blocks from the centre outwards and measuring in local metres. */
    private final class SampleFinder {
        private final GeometryFactory geometry = new GeometryFactory();

        DemoFabricSamples find() {
            DemoFabricSamples.SplitParcel split = null;
            String landlocked = null;
            DemoFabricSamples.OrdinaryParcel ordinary = null;
            DemoFabricSamples.SplitParcel weakSplit = null;
            List<Geometry> overlayShapes = overlays.stream().map(o -> (Geometry) polygon(o.ring())).toList();
            for (UrbanBlock block : blocks) {
                BlockSubdivision.Result result = subdivide(block);
                if (result.parcels().size() != block.builtParcels()) {
                    continue;
                }
                List<ZonePlan.Piece> pieces = zones.pieces(block, result.plan());
                boolean splitting = split == null && zones.cutsThroughLots(block);
                for (DemoParcel parcel : result.parcels()) {
                    if (landlocked == null && parcel.shape() == ParcelShape.LANDLOCKED) {
                        landlocked = parcel.plate();
                    }
                    if (parcel.shape() == ParcelShape.LANDLOCKED || !(splitting || ordinary == null)) {
                        continue;
                    }
                    Polygon shape = polygon(parcel.ring());
                    Map<String, Double> shares = pieces.size() == 1 ? Map.of(pieces.get(0).code(), parcel.area())
                            : shares(shape, pieces);
                    if (shares.size() >= 2 && splitting && split == null) {
                        DemoFabricSamples.SplitParcel found = splitOf(parcel, shares);
                        if (found.smallerSharePercent() >= 20) {
                            split = found;
                        } else if (weakSplit == null && found.smallerSharePercent() >= 5) {
                            weakSplit = found;
                        }
                    } else if (shares.size() == 1 && ordinary == null && parcel.shape() == ParcelShape.REGULAR
                            && parcel.frontRow() == 0 && parcel.indexInRow() >= 1
                            && parcel.indexInRow() <= result.plan().lower().size() - 2
                            && result.plan().landlocked() < 0
                            && overlayShapes.stream().noneMatch(o -> o.intersects(shape))) {
                        ordinary = ordinaryOf(block, parcel, shape, shares.keySet().iterator().next());
                    }
                }
                if (split != null && landlocked != null && ordinary != null) {
                    break;
                }
            }
            split = split != null ? split : weakSplit;
            if (split == null || landlocked == null || ordinary == null) {
                throw new IllegalStateException("The demo fabric of " + city.slug() + " lacks a sample parcel: split "
                        + split + ", landlocked " + landlocked + ", ordinary " + ordinary);
            }
            return new DemoFabricSamples(split, landlocked, ordinary);
        }

        /** The parcel's area in each zone, largest first, ignoring slivers under a square decimetre. */
        private Map<String, Double> shares(Polygon parcel, List<ZonePlan.Piece> pieces) {
            Map<String, Double> areas = new LinkedHashMap<>();
            for (ZonePlan.Piece piece : pieces) {
                Polygon zone = polygon(piece.ring());
                if (zone.getEnvelopeInternal().intersects(parcel.getEnvelopeInternal())) {
                    double area = zone.intersection(parcel).getArea();
                    if (area > 0.01) {
                        areas.merge(piece.code(), area, Double::sum);
                    }
                }
            }
            Map<String, Double> sorted = new LinkedHashMap<>();
            areas.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }

        private DemoFabricSamples.SplitParcel splitOf(DemoParcel parcel, Map<String, Double> shares) {
            List<Map.Entry<String, Double>> entries = new ArrayList<>(shares.entrySet());
            double smaller = 100 * entries.get(1).getValue() / parcel.area();
            return new DemoFabricSamples.SplitParcel(parcel.plate(), entries.get(0).getKey(), entries.get(1).getKey(),
                    Math.round(smaller * 10) / 10.0);
        }

        private DemoFabricSamples.OrdinaryParcel ordinaryOf(UrbanBlock block, DemoParcel parcel, Polygon shape,
                                                           String zone) {
            Street street = grid.fronting(block.row());
            double[] ring = parcel.ring();
            double midX = (ring[0] + ring[2]) / 2;
            double midY = (ring[1] + ring[3]) / 2;
            Point inside = shape.getInteriorPoint();
            double bearing = (StrictMath.toDegrees(StrictMath.atan2(midX - inside.getX(), midY - inside.getY())) + 360) % 360;
            String side = bearing >= 315 || bearing < 45 ? "NORTH" : bearing < 135 ? "EAST" : bearing < 225 ? "SOUTH" : "WEST";
            return new DemoFabricSamples.OrdinaryParcel(parcel.plate(), street.widthM(), street.name(), side, zone,
                    price(block), priceBlockCode(block), Math.round(parcel.area() * 100) / 100.0);
        }

        private Polygon polygon(double[] ring) {
            Coordinate[] coordinates = new Coordinate[ring.length / 2 + 1];
            for (int k = 0; k < ring.length / 2; k++) {
                coordinates[k] = new Coordinate(ring[2 * k], ring[2 * k + 1]);
            }
            coordinates[coordinates.length - 1] = coordinates[0];
            return geometry.createPolygon(coordinates);
        }
    }
}
