package ir.parvaneh.command.gis.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The side of the province a demo city may build on: for each neighbour, the half-plane on the city's side
 * of the line that parts the two in proportion to their sizes (the power diagram of discs of radius
 * {@link DemoFabric#reach}), kept {@value #CLEARANCE_M} m clear of the line. A big city takes more of the
 * land between itself and a small town, but each keeps at least a quarter of the distance between the
 * centres. Two neighbours compute the same line from opposite sides (the frames differ by far less than
 * the clearance over a few kilometres), and each city's limits stay within its margin of what it holds,
 * so their limits cannot overlap.
 */
final class Territory {

    /** Limits are drawn {@link DemoFabric#BOUNDARY_MARGIN_M} round what a city holds; this leaves 40 m between neighbours. */
    static final double CLEARANCE_M = DemoFabric.BOUNDARY_MARGIN_M + 40;

    private static final Territory UNBOUNDED = new Territory(List.of());

    /** Each half-plane: unit normal (ux, uy) towards the neighbour, and the farthest allowed {@code p·u}. */
    private record HalfPlane(double ux, double uy, double limit) {
    }

    private final List<HalfPlane> halfPlanes;

    private Territory(List<HalfPlane> halfPlanes) {
        this.halfPlanes = halfPlanes;
    }

    static Territory of(DemoCity city, double reach, List<DemoCity> province) {
        if (province.isEmpty()) {
            return UNBOUNDED;
        }
        LocalFrame frame = new LocalFrame(city.lat(), city.lon());
        List<HalfPlane> planes = new ArrayList<>();
        for (DemoCity other : province) {
            if (other.slug().equals(city.slug())) {
                continue;
            }
            double x = frame.xOf(other.lon());
            double y = frame.yOf(other.lat());
            double distance = Math.hypot(x, y);
            if (distance == 0) {
                throw new IllegalArgumentException(city.slug() + " and " + other.slug() + " share a centre");
            }
            double otherReach = DemoFabric.reach(other);
            double parting = (distance * distance + reach * reach - otherReach * otherReach) / (2 * distance);
            parting = Math.max(0.25 * distance, Math.min(0.75 * distance, parting));
            planes.add(new HalfPlane(x / distance, y / distance, parting - CLEARANCE_M));
        }
        return new Territory(List.copyOf(planes));
    }

    /** Whether every point of an open ring of (x, y) pairs, in the city's local metres, lies in the territory. */
    boolean holds(double[] ring) {
        for (HalfPlane plane : halfPlanes) {
            for (int k = 0; k < ring.length; k += 2) {
                if (ring[k] * plane.ux() + ring[k + 1] * plane.uy() > plane.limit()) {
                    return false;
                }
            }
        }
        return true;
    }
}
