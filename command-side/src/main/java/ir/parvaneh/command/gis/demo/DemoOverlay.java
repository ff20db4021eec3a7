package ir.parvaneh.command.gis.demo;

/**
 * An overlay of the demo fabric: a restriction or incentive on top of the zoning, with the attributes
 * the overlays layer carries ({@code null} where the overlay does not set one).
 *
 * @param ring the outline, local metres, an open ring of (x, y) pairs
 */
record DemoOverlay(String code, String kind, String precedence, Integer maxFloors, Double maxHeightM, Double setbackM,
                   String replacementZone, String description, double[] ring) {
}
