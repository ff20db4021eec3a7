package ir.parvaneh.command.gis.demo;

/**
 * The two directions of the demo grid. Blocks are long along the {@link #FRONTING} streets, whose two
 * rows of parcels face them back to back; the {@link #CROSSING} streets close the blocks' short ends,
 * where only corner parcels touch them.
 */
enum StreetFamily {
    /** Runs along the grid's u axis (v nearly constant); the rows of parcels front these. */
    FRONTING,
    /** Runs along the grid's v axis (u nearly constant) and crosses the fronting streets. */
    CROSSING
}
