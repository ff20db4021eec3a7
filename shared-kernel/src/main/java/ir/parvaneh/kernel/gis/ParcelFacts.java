package ir.parvaneh.kernel.gis;

import java.util.List;

/**
 * What the layers say about one parcel on one day: the facts the rulebook's tables take as inputs,
 * computed in a metric CRS (UTM zone 39N, EPSG:32639) from the layer versions in force. Lengths and
 * areas are metres and square metres rounded to centimetres; shares are percentages rounded to 0.01.
 * A fact the layers cannot give is {@code null} and listed in {@link #missing()} with the reason: no
 * fact is ever guessed. Plain data, so that an assessment can record it and be re-run without the layers.
 *
 * @param plate                  the registry plate, normalised ({@code 1234/56}, Latin digits)
 * @param asOf                   the day (Asia/Tehran) whose layers were used, ISO format
 * @param parcelWkt              the parcel's polygon in WGS 84 as WKT
 * @param frontages              every passage the parcel fronts, widest first
 * @param widestPassageWidthM    legal width of the widest adjacent passage
 * @param mainFrontageLengthM    length of the parcel's edge along its main (widest) passage
 * @param depthM                 the parcel's extent perpendicular to the main frontage
 * @param mainFrontageSide       on which side of the parcel its main passage lies: NORTH, EAST, SOUTH, WEST
 * @param mainFrontageBearing    compass bearing (degrees from north, clockwise) from the parcel's centre to its main frontage
 * @param northSide              what the parcel's north side is: FRONTAGE (the passage is to the north), REAR or FLANK
 * @param zones                  the share of the parcel in each zone, largest first
 * @param unzonedSharePercent    the share of the parcel covered by no zone
 * @param priceRialsPerM2        the regional price P of the block holding the parcel's interior point
 */
public record ParcelFacts(
        String municipalityId,
        String plate,
        String renovationCode,
        String asOf,
        String parcelWkt,
        double centroidLatitude,
        double centroidLongitude,
        double areaM2,
        List<Frontage> frontages,
        Double widestPassageWidthM,
        Double mainFrontageLengthM,
        Double depthM,
        String mainFrontageSide,
        Double mainFrontageBearing,
        String northSide,
        List<ZoneShare> zones,
        double unzonedSharePercent,
        List<OverlayHit> overlays,
        Long priceRialsPerM2,
        String priceBlockCode,
        List<LayerVersionUsed> layerVersions,
        List<MissingFact> missing) {

    /** A passage the parcel fronts: its legal width and the length of the parcel's edge along it. */
    public record Frontage(String passageName, double widthM, double lengthM) {
    }

    public record ZoneShare(String zoneCode, double areaM2, double sharePercent) {
    }

    /** An overlay that covers part of the parcel, with the limits it states and its precedence. */
    public record OverlayHit(
            String overlayCode,
            String kind,
            String precedence,
            Integer maxFloors,
            Double maxHeightM,
            Double setbackM,
            String replacementZone,
            String description,
            double sharePercent) {
    }

    /** A layer version the facts were computed from, with its checksum and the day it came into force. */
    public record LayerVersionUsed(String layer, String versionId, String sha256, String effectiveFrom) {
    }

    /** A fact the layers cannot give, and why (for example {@code frontages}: no passage within reach, so no width, frontage length, depth or orientation either). */
    public record MissingFact(String fact, String reason) {
    }
}
