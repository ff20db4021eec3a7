package ir.parvaneh.command.gis.demo;

/**
 * Three parcels of a generated city whose derived facts the generator knows, so that tests of the look-ups
 * and facts can check them against the generator's own knowledge. Areas and shares are computed in the
 * generator's local metres: expect them to match facts computed in UTM 39N to within about 0.3 %.
 *
 * @param splitAcrossZones a parcel lying in two zones
 * @param landlockedPlate  the plate of an interior parcel that fronts no passage (its facts name the
 *                         missing frontage)
 * @param ordinary         a rectangular parcel in the middle of its row, fronting one street, in one zone and
 *                         touching no overlay
 */
public record DemoFabricSamples(SplitParcel splitAcrossZones, String landlockedPlate, OrdinaryParcel ordinary) {

    /**
     * @param largerZoneCode      the zone holding the larger part of the parcel
     * @param smallerZoneCode     the other zone
     * @param smallerSharePercent the smaller zone's share of the parcel's area (at least 5 %)
     */
    public record SplitParcel(String plate, String largerZoneCode, String smallerZoneCode, double smallerSharePercent) {
    }

    /**
     * @param frontageWidthM the legal width of the one street it fronts (its widest and only passage)
     * @param frontageName   that street's name, {@code null} for an unnamed lane
     * @param frontageSide   {@code NORTH}, {@code EAST}, {@code SOUTH} or {@code WEST}: where that street lies
     * @param zoneCode       the one zone it lies in
     * @param priceRials     the price block's price per square metre
     * @param priceBlockCode the price block's code
     * @param areaM2         its area in square metres
     */
    public record OrdinaryParcel(String plate, double frontageWidthM, String frontageName, String frontageSide,
                                 String zoneCode, long priceRials, String priceBlockCode, double areaM2) {
    }
}
