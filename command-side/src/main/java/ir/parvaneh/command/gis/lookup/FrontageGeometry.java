package ir.parvaneh.command.gis.lookup;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.linearref.LinearLocation;
import org.locationtech.jts.linearref.LocationIndexedLine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a parcel meets its passages, in a metric CRS. An edge of the parcel fronts a passage when its
 * middle lies within the passage's half legal width plus {@value #TOLERANCE_M} m of the centre line and it
 * runs within {@value #MAX_ANGLE_DEGREES}° of parallel to it (so that the sides of a corner parcel do not
 * count as frontage on the cross street). From the main frontage, on the widest passage, follow the
 * parcel's depth (its extent perpendicular to that frontage) and the side of the parcel the passage is on.
 * Bearings are measured from grid north of the metric CRS (UTM 39N differs from true north by under 2°
 * across Qazvin province).
 */
final class FrontageGeometry {

    static final double TOLERANCE_M = 1.5;
    static final double MAX_ANGLE_DEGREES = 30;

    /** A passage near the parcel: its name, legal width and centre line. */
    record Passage(String name, double widthM, Geometry centreLine) {
    }

    /** The parcel's edges along one passage. */
    record Frontage(Passage passage, double lengthM, LineSegment longestEdge) {
    }

    /** The main frontage and what follows from it. */
    record MainFrontage(Frontage frontage, double depthM, double bearingDegrees, String side) {
    }

    private FrontageGeometry() {
    }

    /** Every passage the parcel fronts, widest first (then longest frontage first). */
    static List<Frontage> frontages(Geometry parcel, List<Passage> passages) {
        List<LineSegment> edges = edges(parcel);
        List<Frontage> frontages = new ArrayList<>();
        for (Passage passage : passages) {
            LocationIndexedLine line = new LocationIndexedLine(passage.centreLine());
            double reach = passage.widthM() / 2 + TOLERANCE_M;
            double length = 0;
            LineSegment longest = null;
            for (LineSegment edge : edges) {
                Coordinate middle = edge.midPoint();
                LinearLocation nearest = line.project(middle);
                LineSegment centre = nearest.getSegment(passage.centreLine());
                if (centre.distance(middle) <= reach && parallel(edge, centre)) {
                    length += edge.getLength();
                    if (longest == null || edge.getLength() > longest.getLength()) {
                        longest = edge;
                    }
                }
            }
            if (longest != null) {
                frontages.add(new Frontage(passage, length, longest));
            }
        }
        frontages.sort(Comparator.comparingDouble((Frontage f) -> f.passage().widthM())
                .thenComparingDouble(Frontage::lengthM).reversed());
        return frontages;
    }

    /** The main frontage (the first of {@code frontages}), with the parcel's depth and the frontage's side. */
    static Optional<MainFrontage> main(Geometry parcel, List<Frontage> frontages) {
        if (frontages.isEmpty()) {
            return Optional.empty();
        }
        Frontage main = frontages.get(0);
        LineSegment edge = main.longestEdge();
        double dx = edge.p1.x - edge.p0.x;
        double dy = edge.p1.y - edge.p0.y;
        double norm = Math.hypot(dx, dy);
        double nx = -dy / norm;
        double ny = dx / norm;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Coordinate c : parcel.getCoordinates()) {
            double along = c.x * nx + c.y * ny;
            min = Math.min(min, along);
            max = Math.max(max, along);
        }
        Coordinate centre = parcel.getInteriorPoint().getCoordinate();
        Coordinate middle = edge.midPoint();
        double bearing = (Math.toDegrees(Math.atan2(middle.x - centre.x, middle.y - centre.y)) + 360) % 360;
        return Optional.of(new MainFrontage(main, max - min, bearing, side(bearing)));
    }

    static String side(double bearing) {
        if (bearing >= 315 || bearing < 45) {
            return "NORTH";
        }
        if (bearing < 135) {
            return "EAST";
        }
        return bearing < 225 ? "SOUTH" : "WEST";
    }

    private static boolean parallel(LineSegment a, LineSegment b) {
        double difference = Math.abs(Math.toDegrees(a.angle() - b.angle())) % 180;
        return Math.min(difference, 180 - difference) <= MAX_ANGLE_DEGREES;
    }

    private static List<LineSegment> edges(Geometry parcel) {
        List<LineSegment> edges = new ArrayList<>();
        for (int i = 0; i < parcel.getNumGeometries(); i++) {
            Coordinate[] ring = ((Polygon) parcel.getGeometryN(i)).getExteriorRing().getCoordinates();
            for (int j = 1; j < ring.length; j++) {
                if (!ring[j - 1].equals2D(ring[j])) {
                    edges.add(new LineSegment(ring[j - 1], ring[j]));
                }
            }
        }
        return edges;
    }
}
