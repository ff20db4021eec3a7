package ir.parvaneh.command.gis.demo;

/**
 * One generated parcel.
 *
 * @param plate          the registry plate, {@code main/sub}
 * @param renovationCode the municipality's renovation code, {@code null} for the fifth of parcels without one
 * @param ring           the outline, local metres, an open counter-clockwise ring of (x, y) pairs
 * @param shape          regular, irregular or landlocked
 * @param frontRow       0 when it fronts the block's lower fronting street, 1 the upper one, -1 none
 * @param indexInRow     its position along its row from the block's left end (for the landlocked parcel,
 *                       the position of the front parcels it lies behind)
 */
record DemoParcel(String plate, String renovationCode, double[] ring, ParcelShape shape, int frontRow, int indexInRow) {

    /** The area in square metres (shoelace). */
    double area() {
        return Math.abs(signedArea(ring));
    }

    static double signedArea(double[] ring) {
        double twice = 0;
        int n = ring.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            twice += ring[2 * i] * ring[2 * j + 1] - ring[2 * j] * ring[2 * i + 1];
        }
        return twice / 2;
    }
}
