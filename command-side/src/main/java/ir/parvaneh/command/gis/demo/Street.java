package ir.parvaneh.command.gis.demo;

/**
 * One straight street of the demo grid, in the grid's rotated frame (u, v), metres from the city centre:
 * a {@link StreetFamily#FRONTING} street is {@code v = offset + slope·u}, a {@link StreetFamily#CROSSING}
 * street is {@code u = offset + slope·v}. The small slopes make neighbouring streets slightly
 * non-parallel, so blocks are near-rectangles rather than rectangles.
 *
 * @param index signed position in its family, 0 for the central arterial, negative below or left of it
 * @param name  the street's name, {@code null} for an unnamed lane
 */
record Street(StreetFamily family, int index, double offset, double slope, StreetRank rank, double widthM, String name) {

    /** The offset of the line parallel to this one at {@code shift} metres towards increasing offsets. */
    double shiftedOffset(double shift) {
        return offset + shift * Math.sqrt(1 + slope * slope);
    }
}
