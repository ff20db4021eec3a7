package ir.parvaneh.command.gis.demo;

import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.Arrays;

/**
 * The legal limits of a demo city: the convex hull of everything it holds, widened by a margin, so that
 * every feature of every layer lies inside the boundary with room to spare, as the import requires.
 */
final class CityLimits {

    /** The arcs round the hull's corners advance by at most this, so the margin is kept to within 0.9 %. */
    private static final double ARC_STEP = StrictMath.toRadians(15);

    private CityLimits() {
    }

    /**
     * The hull of the points widened by {@code margin} metres: an open counter-clockwise ring of (x, y) pairs.
     * The corners are rounded with arcs whose chords stay at least {@code margin·cos(7.5°)} from the hull.
     */
    static double[] around(Coordinate[] points, double margin) {
        Geometry hull = new ConvexHull(points, new GeometryFactory()).getConvexHull();
        Coordinate[] closed = hull.getCoordinates();
        int n = closed.length > 1 && closed[0].equals2D(closed[closed.length - 1]) ? closed.length - 1 : closed.length;
        double[] ring = new double[2 * n];
        for (int i = 0; i < n; i++) {
            ring[2 * i] = closed[i].x;
            ring[2 * i + 1] = closed[i].y;
        }
        if (DemoParcel.signedArea(ring) < 0) {
            ring = reversed(ring);
        }
        return widened(ring, margin);
    }

    private static double[] widened(double[] ring, double margin) {
        int n = ring.length / 2;
        if (n == 1) {
            return circle(ring[0], ring[1], margin);
        }
        double[] out = new double[0];
        int size = 0;
        for (int i = 0; i < n; i++) {
            int previous = (i + n - 1) % n;
            int next = (i + 1) % n;
            double x = ring[2 * i];
            double y = ring[2 * i + 1];
            double in = normal(ring[2 * previous], ring[2 * previous + 1], x, y);
            double outAngle = normal(x, y, ring[2 * next], ring[2 * next + 1]);
            double turn = outAngle - in;
            while (turn < 0) {
                turn += 2 * StrictMath.PI;
            }
            // A convex counter-clockwise ring only turns left, by less than a half turn at each corner. Between
            // two nearly collinear hull edges rounding can make the turn a hair negative, which the loop above
            // made a full circle round the corner: a ring that crosses itself. Such a corner has no turn.
            if (turn > StrictMath.PI) {
                turn = 0;
            }
            int steps = Math.max(1, (int) Math.ceil(turn / ARC_STEP));
            if (out.length < size + 2 * (steps + 1)) {
                out = Arrays.copyOf(out, Math.max(2 * out.length, size + 2 * (steps + 1)));
            }
            for (int k = 0; k <= steps; k++) {
                double angle = in + turn * k / steps;
                out[size++] = x + margin * StrictMath.cos(angle);
                out[size++] = y + margin * StrictMath.sin(angle);
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** The direction of the outward normal of the edge from (x0, y0) to (x1, y1) of a counter-clockwise ring. */
    private static double normal(double x0, double y0, double x1, double y1) {
        return StrictMath.atan2(-(x1 - x0), y1 - y0);
    }

    private static double[] circle(double x, double y, double radius) {
        int sides = 24;
        double[] ring = new double[2 * sides];
        for (int k = 0; k < sides; k++) {
            double angle = 2 * StrictMath.PI * k / sides;
            ring[2 * k] = x + radius * StrictMath.cos(angle);
            ring[2 * k + 1] = y + radius * StrictMath.sin(angle);
        }
        return ring;
    }

    static double[] reversed(double[] ring) {
        double[] back = new double[ring.length];
        int n = ring.length / 2;
        for (int i = 0; i < n; i++) {
            back[2 * i] = ring[2 * (n - 1 - i)];
            back[2 * i + 1] = ring[2 * (n - 1 - i) + 1];
        }
        return back;
    }
}
