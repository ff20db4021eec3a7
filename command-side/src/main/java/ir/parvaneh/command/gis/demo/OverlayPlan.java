package ir.parvaneh.command.gis.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The 2–5 overlays of a demo city: always a heritage buffer round the old centre and a river setback whose
 * strip the plan turns green (REPLACE), and, by the city's seed, some of a railway setback, an airport
 * height limit, a fault-line setback and a height incentive along the central arterial (RELAX). Each is
 * laid out inside the rectangle (in the grid's frame) that holds the built fabric.
 */
final class OverlayPlan {

    private OverlayPlan() {
    }

    /**
     * @param extent the built fabric's extent in the grid's frame: {@code {uMin, uMax, vMin, vMax}}
     * @param reach  the fabric's planned radius, metres
     */
    static List<DemoOverlay> plan(StreetGrid grid, double[] extent, double reach, long seed) {
        SeededRandom random = SeededRandom.of(seed, 30);
        Frame frame = new Frame(grid, extent);
        List<DemoOverlay> overlays = new ArrayList<>();
        overlays.add(heritage(frame, reach, random));
        overlays.add(river(frame, random));
        List<String> optional = new ArrayList<>(List.of("RW-1", "HL-1", "FL-1", "HL-2"));
        for (int i = optional.size() - 1; i > 0; i--) {
            int j = random.below(i + 1);
            optional.set(i, optional.set(j, optional.get(i)));
        }
        int wanted = random.below(4);
        for (String code : optional) {
            if (overlays.size() >= 2 + wanted) {
                break;
            }
            DemoOverlay overlay = switch (code) {
                case "RW-1" -> straightStrip(frame, random, "RW-1", "RAILWAY_SETBACK", 20, 25, 55);
                case "FL-1" -> straightStrip(frame, random, "FL-1", "FAULT_LINE", 40, 65, 80);
                case "HL-1" -> heightLimit(frame, random);
                default -> incentive(frame, grid);
            };
            if (overlay != null) {
                overlays.add(overlay);
            }
        }
        return List.copyOf(overlays);
    }

    private static DemoOverlay heritage(Frame frame, double reach, SeededRandom random) {
        double radius = Math.min(Math.max(0.15 * reach, 90), 350);
        radius = Math.min(radius, 0.4 * Math.min(frame.width(), frame.height()));
        double u = clamp(random.between(-40, 40), frame.uMin + radius, frame.uMax - radius);
        double v = clamp(random.between(-40, 40), frame.vMin + radius, frame.vMax - radius);
        int sides = 36;
        double[] ring = new double[2 * sides];
        for (int k = 0; k < sides; k++) {
            double angle = 2 * StrictMath.PI * k / sides;
            frame.put(ring, k, u + radius * StrictMath.cos(angle), v + radius * StrictMath.sin(angle));
        }
        return new DemoOverlay("HB-1", "HERITAGE_BUFFER", "RESTRICT", 2, 8.5, null, null,
                "حریم بافت تاریخی و بازار قدیم؛ حداکثر دو طبقه", ring);
    }

    /** A gently meandering river across the fabric along the grid's u axis, and its setback strip on both banks. */
    private static DemoOverlay river(Frame frame, SeededRandom random) {
        double halfHeight = frame.height() / 2;
        double middle = (frame.vMin + frame.vMax) / 2;
        double setback = Math.round(2 * random.between(25, 40)) / 2.0;
        double amplitude = random.between(0.05, 0.12) * halfHeight;
        setback = Math.min(setback, Math.max(8, 0.3 * halfHeight));
        double room = halfHeight - amplitude - setback - 5;
        double along = middle + random.sign() * random.between(0.15, 0.4) * halfHeight;
        along = clamp(along, middle - Math.max(0, room), middle + Math.max(0, room));
        double wavelength = random.between(1, 2) * frame.width();
        double phase = random.between(0, 2 * StrictMath.PI);
        int steps = Math.max(8, (int) Math.ceil(frame.width() / 20));
        double[] ring = new double[4 * (steps + 1)];
        for (int k = 0; k <= steps; k++) {
            double u = frame.uMin + frame.width() * k / steps;
            double angle = 2 * StrictMath.PI * (u - frame.uMin) / wavelength + phase;
            double v = along + amplitude * StrictMath.sin(angle);
            double slope = amplitude * 2 * StrictMath.PI / wavelength * StrictMath.cos(angle);
            double norm = Math.sqrt(1 + slope * slope);
            double nu = -slope / norm;
            double nv = 1 / norm;
            frame.put(ring, k, u - setback * nu, v - setback * nv);
            frame.put(ring, 2 * steps + 1 - k, u + setback * nu, v + setback * nv);
        }
        return new DemoOverlay("RS-1", "RIVER_SETBACK", "REPLACE", null, null, setback, ZonePlan.GREEN,
                "حریم رودخانه؛ پهنه سبز جایگزین پهنه پایه", ring);
    }

    /** A straight strip of half-width {@code halfWidth} at {@code minAngle}–{@code minAngle + 25}° to the grid. */
    private static DemoOverlay straightStrip(Frame frame, SeededRandom random, String code, String kind,
                                             double minHalfWidth, double maxHalfWidth, double minAngle) {
        double halfWidth = Math.round(random.between(minHalfWidth, maxHalfWidth));
        double angle = StrictMath.toRadians(random.sign() * random.between(minAngle, minAngle + 25));
        double du = StrictMath.cos(angle);
        double dv = StrictMath.sin(angle);
        double pu = (frame.uMin + frame.uMax) / 2 + random.between(-0.3, 0.3) * frame.width();
        double pv = (frame.vMin + frame.vMax) / 2 + random.between(-0.3, 0.3) * frame.height();
        double margin = halfWidth + 2;
        double[] span = clip(pu, pv, du, dv, frame.uMin + margin, frame.uMax - margin, frame.vMin + margin,
                frame.vMax - margin);
        if (span == null || span[1] - span[0] < 4 * halfWidth) {
            return null;
        }
        double nu = -dv;
        double nv = du;
        double[] ring = new double[8];
        frame.put(ring, 0, pu + span[0] * du - halfWidth * nu, pv + span[0] * dv - halfWidth * nv);
        frame.put(ring, 1, pu + span[1] * du - halfWidth * nu, pv + span[1] * dv - halfWidth * nv);
        frame.put(ring, 2, pu + span[1] * du + halfWidth * nu, pv + span[1] * dv + halfWidth * nv);
        frame.put(ring, 3, pu + span[0] * du + halfWidth * nu, pv + span[0] * dv + halfWidth * nv);
        return kind.equals("RAILWAY_SETBACK")
                ? new DemoOverlay(code, kind, "RESTRICT", 3, null, halfWidth, null, "حریم راه‌آهن", ring)
                : new DemoOverlay(code, kind, "RESTRICT", 2, 7.5, halfWidth, null, "حریم گسل فعال؛ ساخت‌وساز محدود", ring);
    }

    private static DemoOverlay heightLimit(Frame frame, SeededRandom random) {
        boolean east = random.chance(0.5);
        boolean north = random.chance(0.5);
        double u0 = east ? frame.uMax - 0.35 * frame.width() : frame.uMin + 0.05 * frame.width();
        double v0 = north ? frame.vMax - 0.35 * frame.height() : frame.vMin + 0.05 * frame.height();
        double u1 = u0 + 0.3 * frame.width();
        double v1 = v0 + 0.3 * frame.height();
        double[] ring = new double[8];
        frame.put(ring, 0, u0, v0);
        frame.put(ring, 1, u1, v0);
        frame.put(ring, 2, u1, v1);
        frame.put(ring, 3, u0, v1);
        return new DemoOverlay("HL-1", "HEIGHT_LIMIT", "RESTRICT", 3, 12.0, null, null,
                "محدودیت ارتفاع در حریم پرواز فرودگاه", ring);
    }

    /** More floors within 60 m of the central fronting arterial, over the middle 80 % of the fabric. */
    private static DemoOverlay incentive(Frame frame, StreetGrid grid) {
        Street arterial = null;
        for (int j = 0; j <= grid.rows(); j++) {
            if (grid.fronting(j).index() == 0) {
                arterial = grid.fronting(j);
            }
        }
        double halfWidth = Math.min(60, 0.25 * frame.height());
        double ua = frame.uMin + 0.1 * frame.width();
        double ub = frame.uMax - 0.1 * frame.width();
        double va = arterial.offset() + arterial.slope() * ua;
        double vb = arterial.offset() + arterial.slope() * ub;
        if (va - halfWidth < frame.vMin || va + halfWidth > frame.vMax
                || vb - halfWidth < frame.vMin || vb + halfWidth > frame.vMax) {
            return null;
        }
        double[] ring = new double[8];
        frame.put(ring, 0, ua, va - halfWidth);
        frame.put(ring, 1, ub, vb - halfWidth);
        frame.put(ring, 2, ub, vb + halfWidth);
        frame.put(ring, 3, ua, va + halfWidth);
        return new DemoOverlay("HL-2", "HEIGHT_LIMIT", "RELAX", 8, 28.0, null, null,
                "محور تشویقی تراکم ساختمانی در امتداد بلوار اصلی", ring);
    }

    /** Liang–Barsky: the parameters where the line p + k·d is inside the rectangle, or null. */
    private static double[] clip(double pu, double pv, double du, double dv,
                                 double uMin, double uMax, double vMin, double vMax) {
        double enter = Double.NEGATIVE_INFINITY;
        double leave = Double.POSITIVE_INFINITY;
        double[][] sides = {{-du, pu - uMin}, {du, uMax - pu}, {-dv, pv - vMin}, {dv, vMax - pv}};
        for (double[] side : sides) {
            if (side[0] == 0) {
                if (side[1] < 0) {
                    return null;
                }
                continue;
            }
            double k = side[1] / side[0];
            if (side[0] < 0) {
                enter = Math.max(enter, k);
            } else {
                leave = Math.min(leave, k);
            }
        }
        return enter < leave ? new double[] {enter, leave} : null;
    }

    private static double clamp(double value, double min, double max) {
        return min > max ? (min + max) / 2 : Math.max(min, Math.min(max, value));
    }

    /** The built extent in the grid's frame, and the way back to local metres. */
    private static final class Frame {
        private final StreetGrid grid;
        private final double uMin;
        private final double uMax;
        private final double vMin;
        private final double vMax;

        Frame(StreetGrid grid, double[] extent) {
            this.grid = grid;
            this.uMin = extent[0];
            this.uMax = extent[1];
            this.vMin = extent[2];
            this.vMax = extent[3];
        }

        double width() {
            return uMax - uMin;
        }

        double height() {
            return vMax - vMin;
        }

        void put(double[] ring, int vertex, double u, double v) {
            ring[2 * vertex] = grid.x(u, v);
            ring[2 * vertex + 1] = grid.y(u, v);
        }
    }
}
