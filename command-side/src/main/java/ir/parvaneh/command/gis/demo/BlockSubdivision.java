package ir.parvaneh.command.gis.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a block is cut into parcels. A block holds two rows back to back, each fronting its fronting
 * street; a row is cut across into lots whose size grows from the centre to the edge of the city. A few
 * side boundaries are skewed or bent (irregular lots), and some blocks hold an interior parcel carved
 * from the rear of two facing lots, reached by no street. Everything is worked out in the block's (s, t)
 * parameters (s along the block, t across it, the lower row's front at t = 0 and the upper row's at t = 1),
 * then mapped to metres; a vertex lying on a neighbour's edge is added to that edge too, so parcels meet
 * edge to edge and stay so after rounding.
 */
final class BlockSubdivision {

    /** Parcel areas stay within 80–2,000 m² with room for the projection's distortion. */
    static final double MIN_AREA_M2 = 85;
    static final double MAX_AREA_M2 = 1950;
    /** The front lots of a landlocked parcel keep this share of the row's depth. */
    static final double LANDLOCKED_FRONT_SHARE = 0.55;
    static final double T_LOW = 0.5 * LANDLOCKED_FRONT_SHARE;
    static final double T_HIGH = 1 - T_LOW;

    private static final double SKEW_CHANCE = 0.05;
    private static final double BEND_CHANCE = 0.036;
    private static final double LANDLOCKED_MIN_ROW_DEPTH_M = 13.5;
    private static final double LANDLOCKED_MIN_WIDTH_M = 11.5;
    /** A rear corner of the upper row this close to one of the lower row is moved onto it. */
    private static final double SNAP_M = 0.5;

    private BlockSubdivision() {
    }

    /**
     * One row's lot boundaries, as s values: boundary k runs from {@code front[k]} on the street to
     * {@code rear[k]} at the row's back, through {@code bend[k]} half way when it is bent (NaN when it is not).
     * Boundaries 0 and {@code size()} are the block's ends; {@code shaped[k]} tells a deliberately skewed or
     * bent boundary from one nudged by a few decimetres to meet the other row's corner.
     */
    record Row(double[] front, double[] rear, double[] bend, boolean[] shaped) {

        int size() {
            return front.length - 1;
        }

        boolean irregular(int boundary) {
            return shaped[boundary];
        }
    }

    /**
     * The lots of a block: the lower row, the upper row, and the lot index behind which the landlocked
     * parcel lies (-1 for none; the rows then share their boundaries).
     */
    record Plan(Row lower, Row upper, int landlocked) {

        int parcelCount() {
            return lower.size() + upper.size() + (landlocked >= 0 ? 1 : 0);
        }

        /** Where the lower row's lots end at the back: half way, or short of it in front of the landlocked parcel. */
        double lowerRear(int lot) {
            return lot == landlocked ? T_LOW : 0.5;
        }

        double upperRear(int lot) {
            return lot == landlocked ? T_HIGH : 0.5;
        }
    }

    /** The final subdivision: its plan and its parcels in plate order (lower row, upper row, landlocked). */
    record Result(Plan plan, List<DemoParcel> parcels) {
    }

    /** The block's lots without irregular boundaries: enough to count its parcels. */
    static Plan plan(UrbanBlock block) {
        return plan(block, false);
    }

    /**
     * Cuts the block into parcels. Irregular boundaries are dropped from a block where they would make a
     * lot too small or too large; the parcel count does not depend on them.
     */
    static Result subdivide(UrbanBlock block, int district) {
        Plan plan = plan(block, true);
        List<DemoParcel> parcels = parcels(block, plan, district);
        for (DemoParcel parcel : parcels) {
            double area = parcel.area();
            if (area < MIN_AREA_M2 || area > MAX_AREA_M2) {
                plan = plan(block, false);
                parcels = parcels(block, plan, district);
                break;
            }
        }
        return new Result(plan, parcels);
    }

    static Plan plan(UrbanBlock block, boolean irregular) {
        Quad quad = block.quad();
        double rowDepth = quad.depth() / 2;
        double lowerLength = quad.bottomLength();
        double upperLength = quad.topLength();
        SeededRandom lots = SeededRandom.of(block.seed(), 1);
        double[] lowerFront = boundaries(lowerLength, rowDepth, block.reach(), lots);
        double[] upperFront = boundaries(upperLength, rowDepth, block.reach(), lots);

        SeededRandom interior = SeededRandom.of(block.seed(), 2);
        boolean wanted = interior.chance(Math.min(0.6, 0.0105 * (lowerFront.length + upperFront.length - 2)))
                || block.landlockedWanted();
        int landlocked = -1;
        if (wanted && rowDepth >= LANDLOCKED_MIN_ROW_DEPTH_M && lowerFront.length - 1 >= 4) {
            double[] shared = lowerFront;
            int lot = widestInnerLot(shared, lowerLength);
            if (width(shared, lot, lowerLength) < LANDLOCKED_MIN_WIDTH_M && lot + 1 <= shared.length - 3) {
                shared = without(shared, lot + 1);
            }
            if (width(shared, lot, lowerLength) >= LANDLOCKED_MIN_WIDTH_M) {
                landlocked = lot;
                lowerFront = shared;
                upperFront = shared.clone();
            }
        }
        if (!irregular || landlocked >= 0) {
            Row lower = straight(lowerFront);
            Row upper = straight(upperFront);
            return new Plan(lower, snapped(upper, lower, upperLength), landlocked);
        }
        SeededRandom shapes = SeededRandom.of(block.seed(), 3);
        Row lower = irregular(lowerFront, lowerLength, rowDepth, shapes);
        Row upper = irregular(upperFront, upperLength, rowDepth, shapes);
        return new Plan(lower, snapped(upper, lower, upperLength), -1);
    }

    /** The parcels of a plan, numbered from 1 in plate order. */
    static List<DemoParcel> parcels(UrbanBlock block, Plan plan, int district) {
        List<double[]> rings = new ArrayList<>();
        List<ParcelShape> shapes = new ArrayList<>();
        List<int[]> places = new ArrayList<>();
        Row lower = plan.lower();
        for (int k = 0; k < lower.size(); k++) {
            double rear = plan.lowerRear(k);
            Ring ring = new Ring();
            ring.add(lower.front[k], 0).add(lower.front[k + 1], 0);
            if (!Double.isNaN(lower.bend[k + 1])) {
                ring.add(lower.bend[k + 1], rear / 2);
            }
            ring.add(lower.rear[k + 1], rear).add(lower.rear[k], rear);
            if (!Double.isNaN(lower.bend[k])) {
                ring.add(lower.bend[k], rear / 2);
            }
            rings.add(ring.points());
            shapes.add(lower.irregular(k) || lower.irregular(k + 1) ? ParcelShape.IRREGULAR : ParcelShape.REGULAR);
            places.add(new int[] {0, k});
        }
        Row upper = plan.upper();
        for (int k = 0; k < upper.size(); k++) {
            double rear = plan.upperRear(k);
            double middle = (1 + rear) / 2;
            Ring ring = new Ring();
            ring.add(upper.rear[k], rear).add(upper.rear[k + 1], rear);
            if (!Double.isNaN(upper.bend[k + 1])) {
                ring.add(upper.bend[k + 1], middle);
            }
            ring.add(upper.front[k + 1], 1).add(upper.front[k], 1);
            if (!Double.isNaN(upper.bend[k])) {
                ring.add(upper.bend[k], middle);
            }
            rings.add(ring.points());
            shapes.add(upper.irregular(k) || upper.irregular(k + 1) ? ParcelShape.IRREGULAR : ParcelShape.REGULAR);
            places.add(new int[] {1, k});
        }
        int m = plan.landlocked();
        if (m >= 0) {
            double s0 = lower.front[m];
            double s1 = lower.front[m + 1];
            rings.add(new Ring().add(s0, T_LOW).add(s1, T_LOW).add(s1, T_HIGH).add(s0, T_HIGH).points());
            shapes.add(ParcelShape.LANDLOCKED);
            places.add(new int[] {-1, m});
        }
        List<double[]> joined = withJunctions(rings, m >= 0);
        Quad quad = block.quad();
        SeededRandom codes = SeededRandom.of(block.seed(), 4);
        String main = Integer.toString(block.mainPlate());
        List<DemoParcel> parcels = new ArrayList<>(joined.size());
        for (int p = 0; p < joined.size(); p++) {
            double[] st = joined.get(p);
            double[] xy = new double[st.length];
            for (int i = 0; i < st.length; i += 2) {
                xy[i] = quad.x(st[i], st[i + 1]);
                xy[i + 1] = quad.y(st[i], st[i + 1]);
            }
            int sub = p + 1;
            String renovation = codes.chance(0.8) ? renovationCode(block, district, sub) : null;
            parcels.add(new DemoParcel(main + "/" + sub, renovation, xy, shapes.get(p), places.get(p)[0], places.get(p)[1]));
        }
        return parcels;
    }

    /** Lot boundaries along a row: as many lots as the target lot size gives, each within 60–140 % of the mean. */
    private static double[] boundaries(double length, double depth, double reach, SeededRandom random) {
        double ratio = Math.min(1, reach / 1.1);
        double smooth = ratio * ratio * (3 - 2 * ratio);
        double target = (125 + 395 * smooth) * random.between(0.8, 1.25);
        boolean large = random.chance(0.05);
        if (large && reach > 0.3) {
            target = Math.min(1500, target * 2.6);
        }
        double capacity = length * depth;
        int fewest = (int) Math.ceil(capacity / 1250);
        int most = Math.max(1, (int) Math.floor(capacity / 180));
        int lots = (int) Math.max(fewest, Math.min(most, Math.round(capacity / target)));
        lots = Math.max(1, lots);
        double[] s = new double[lots + 1];
        for (int k = 1; k < lots; k++) {
            s[k] = (k + random.between(-0.2, 0.2)) / lots;
        }
        s[lots] = 1;
        return s;
    }

    private static Row straight(double[] front) {
        double[] bend = new double[front.length];
        Arrays.fill(bend, Double.NaN);
        return new Row(front, front.clone(), bend, new boolean[front.length]);
    }

    /**
     * Skews or bends a few side boundaries, never two neighbouring ones, leaving each lot at least 40 % of its
     * width: a skew turns the boundary by 15–23°, a bend moves its middle sideways by a fifth to a third of
     * the narrower lot (at least a tenth of the depth, so the bend is plain to see).
     */
    private static Row irregular(double[] front, double length, double depth, SeededRandom random) {
        double[] rear = front.clone();
        double[] bend = new double[front.length];
        Arrays.fill(bend, Double.NaN);
        boolean[] shaped = new boolean[front.length];
        boolean previous = false;
        for (int k = 1; k < front.length - 1; k++) {
            double roll = random.nextDouble();
            double amount = random.nextDouble();
            double sign = random.sign();
            if (previous) {
                previous = false;
                continue;
            }
            double left = (front[k] - front[k - 1]) * length;
            double right = (front[k + 1] - front[k]) * length;
            double room = 0.6 * (sign < 0 ? left : right);
            if (roll < SKEW_CHANCE) {
                double shift = (0.27 + 0.15 * amount) * depth;
                if (shift <= room) {
                    rear[k] = front[k] + sign * shift / length;
                    shaped[k] = true;
                    previous = true;
                }
            } else if (roll < SKEW_CHANCE + BEND_CHANCE) {
                double shift = (0.2 + 0.13 * amount) * Math.min(left, right);
                if (shift >= 0.1 * depth && shift <= room) {
                    bend[k] = front[k] + sign * shift / length;
                    shaped[k] = true;
                    previous = true;
                }
            }
        }
        return new Row(front, rear, bend, shaped);
    }

    /** Moves the upper row's rear corners onto the lower row's when they nearly meet, so no sliver edges arise. */
    private static Row snapped(Row upper, Row lower, double length) {
        double[] rear = upper.rear().clone();
        double tolerance = SNAP_M / length;
        for (int k = 1; k < rear.length - 1; k++) {
            for (int i = 1; i < lower.rear().length - 1; i++) {
                if (Math.abs(rear[k] - lower.rear()[i]) <= tolerance) {
                    rear[k] = lower.rear()[i];
                    break;
                }
            }
        }
        return new Row(upper.front(), rear, upper.bend(), upper.shaped());
    }

    private static int widestInnerLot(double[] s, double length) {
        int best = 1;
        for (int k = 2; k <= s.length - 3; k++) {
            if (width(s, k, length) > width(s, best, length)) {
                best = k;
            }
        }
        return best;
    }

    private static double width(double[] s, int lot, double length) {
        return (s[lot + 1] - s[lot]) * length;
    }

    private static double[] without(double[] s, int index) {
        double[] shorter = new double[s.length - 1];
        System.arraycopy(s, 0, shorter, 0, index);
        System.arraycopy(s, index + 1, shorter, index, s.length - index - 1);
        return shorter;
    }

    /**
     * Adds to every edge that runs along a line of constant s or t the other parcels' vertices lying on it,
     * so that where one parcel's corner meets the middle of another's edge, both carry that vertex. Such
     * junctions arise along the rows' rear lines (looked up by t, of which a block has only a handful) and,
     * in a block with a landlocked parcel, along the side boundaries next to it ({@code sides}).
     */
    private static List<double[]> withJunctions(List<double[]> rings, boolean sides) {
        LinesOfConstantT lines = new LinesOfConstantT();
        for (double[] ring : rings) {
            for (int v = 0; v < ring.length; v += 2) {
                lines.add(ring[v], ring[v + 1]);
            }
        }
        lines.sort();
        List<double[]> joined = new ArrayList<>(rings.size());
        for (double[] ring : rings) {
            Ring out = new Ring();
            for (int c = 0; c < ring.length; c += 2) {
                double s0 = ring[c];
                double t0 = ring[c + 1];
                double s1 = ring[(c + 2) % ring.length];
                double t1 = ring[(c + 3) % ring.length];
                out.add(s0, t0);
                if (t0 == t1) {
                    lines.addBetween(out, t0, s0, s1);
                } else if (s0 == s1 && sides) {
                    addBetweenAlongS(out, rings, s0, t0, t1);
                }
            }
            joined.add(out.points());
        }
        return joined;
    }

    private static void addBetweenAlongS(Ring out, List<double[]> rings, double s, double t0, double t1) {
        double[] found = new double[8];
        int count = 0;
        for (double[] ring : rings) {
            for (int v = 0; v < ring.length; v += 2) {
                double t = ring[v + 1];
                if (ring[v] == s && t > Math.min(t0, t1) && t < Math.max(t0, t1)) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, 2 * count);
                    }
                    found[count++] = t;
                }
            }
        }
        Arrays.sort(found, 0, count);
        double last = Double.NaN;
        for (int i = 0; i < count; i++) {
            double t = found[t1 > t0 ? i : count - 1 - i];
            if (t != last) {
                out.add(s, t);
                last = t;
            }
        }
    }

    /** A block's vertices grouped by their t, each group's s sorted, to find the vertices inside an edge. */
    private static final class LinesOfConstantT {
        private double[] t = new double[8];
        private double[][] s = new double[8][];
        private int[] sizes = new int[8];
        private int lines;

        void add(double vertexS, double vertexT) {
            int line = find(vertexT);
            if (line < 0) {
                if (lines == t.length) {
                    t = Arrays.copyOf(t, 2 * lines);
                    s = Arrays.copyOf(s, 2 * lines);
                    sizes = Arrays.copyOf(sizes, 2 * lines);
                }
                line = lines++;
                t[line] = vertexT;
                s[line] = new double[16];
            }
            if (sizes[line] == s[line].length) {
                s[line] = Arrays.copyOf(s[line], 2 * sizes[line]);
            }
            s[line][sizes[line]++] = vertexS;
        }

        void sort() {
            for (int line = 0; line < lines; line++) {
                Arrays.sort(s[line], 0, sizes[line]);
            }
        }

        /** Adds to the ring, in order from s0 to s1, the distinct vertices strictly between them on the line t. */
        void addBetween(Ring out, double lineT, double s0, double s1) {
            int line = find(lineT);
            double[] values = s[line];
            int size = sizes[line];
            double low = Math.min(s0, s1);
            double high = Math.max(s0, s1);
            int from = upperBound(values, size, low);
            int to = lowerBound(values, size, high);
            double last = Double.NaN;
            for (int k = 0; k < to - from; k++) {
                double value = values[s1 > s0 ? from + k : to - 1 - k];
                if (value != last) {
                    out.add(value, lineT);
                    last = value;
                }
            }
        }

        private int find(double value) {
            for (int line = 0; line < lines; line++) {
                if (t[line] == value) {
                    return line;
                }
            }
            return -1;
        }

        /** The first index whose value is greater than {@code key}. */
        private static int upperBound(double[] values, int size, double key) {
            int low = 0;
            int high = size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[middle] <= key) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** The first index whose value is not less than {@code key}. */
        private static int lowerBound(double[] values, int size, double key) {
            int low = 0;
            int high = size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[middle] < key) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    private static String renovationCode(UrbanBlock block, int district, int sub) {
        int region = 1 + (int) Math.min(8, block.reach() * 4);
        return pad(region, 2) + "-" + pad(district % 100, 2) + "-" + pad(block.number() % 1000, 3) + "-" + pad(sub % 1000, 3);
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** A ring of (s, t) points being built. */
    private static final class Ring {
        private double[] points = new double[16];
        private int size;

        Ring add(double s, double t) {
            if (size + 2 > points.length) {
                points = Arrays.copyOf(points, points.length * 2);
            }
            points[size++] = s;
            points[size++] = t;
            return this;
        }

        double[] points() {
            return Arrays.copyOf(points, size);
        }
    }
}
