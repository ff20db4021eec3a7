package ir.parvaneh.command.gis.demo;

/**
 * A block of the demo fabric: the land between four streets, set back from their centre lines.
 *
 * @param column            the block's column in the grid (between crossing streets column and column + 1)
 * @param row               the block's row (between fronting streets row and row + 1)
 * @param quad              the block's outline in local metres
 * @param reach             distance of the block's centre from the city centre, in units of the fabric's planned
 *                          radius: it sets the density (small lots in the centre, large ones at the edge)
 * @param seed              the block's own seed: its subdivision does not depend on any other block
 * @param landlockedWanted  whether the block must hold an interior parcel when it can (one per city is forced,
 *                          so that every city has one)
 * @param number            the block's number, 1 for the most central, and the base of its plates
 * @param builtParcels      how many of its planned parcels exist (the last block of a city may be partly built)
 */
record UrbanBlock(int column, int row, Quad quad, double reach, long seed, boolean landlockedWanted, int number,
                  int builtParcels) {

    /** Registry main plates start here, so that the first block's plates read like real ones. */
    static final int PLATE_BASE = 100;

    int mainPlate() {
        return PLATE_BASE + number;
    }
}
