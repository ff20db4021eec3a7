package ir.parvaneh.command.gis.demo;

/**
 * A convex quadrilateral in local metres, corners counter-clockwise from (s, t) = (0, 0): {@code 00}, {@code 10},
 * {@code 11}, {@code 01}. Points inside are addressed bilinearly; lines of constant s or constant t are
 * straight, so pieces cut along them share their edges exactly, and the same (s, t) always gives the same
 * coordinates, bit for bit, which keeps shared vertices shared after rounding.
 */
record Quad(double x00, double y00, double x10, double y10, double x11, double y11, double x01, double y01) {

    double x(double s, double t) {
        return (1 - s) * (1 - t) * x00 + s * (1 - t) * x10 + s * t * x11 + (1 - s) * t * x01;
    }

    double y(double s, double t) {
        return (1 - s) * (1 - t) * y00 + s * (1 - t) * y10 + s * t * y11 + (1 - s) * t * y01;
    }

    /** Length of the edge t = 0 (from 00 to 10). */
    double bottomLength() {
        return length(x10 - x00, y10 - y00);
    }

    /** Length of the edge t = 1 (from 01 to 11). */
    double topLength() {
        return length(x11 - x01, y11 - y01);
    }

    /** Mean length of the edges s = 0 and s = 1. */
    double depth() {
        return (length(x01 - x00, y01 - y00) + length(x11 - x10, y11 - y10)) / 2;
    }

    double centreX() {
        return (x00 + x10 + x11 + x01) / 4;
    }

    double centreY() {
        return (y00 + y10 + y11 + y01) / 4;
    }

    /** The corners as an open ring (x, y pairs), counter-clockwise. */
    double[] ring() {
        return new double[] {x00, y00, x10, y10, x11, y11, x01, y01};
    }

    /** The piece between s0 and s1 and between t0 and t1, as an open counter-clockwise ring. */
    double[] ring(double s0, double s1, double t0, double t1) {
        return new double[] {x(s0, t0), y(s0, t0), x(s1, t0), y(s1, t0), x(s1, t1), y(s1, t1), x(s0, t1), y(s0, t1)};
    }

    /** {@code sqrt} is exactly rounded on every JVM, unlike {@code Math.hypot}. */
    static double length(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }
}
