package ir.parvaneh.kernel.gis;

/**
 * How an overlay (heritage buffer, river setback, height limit…) combines with the base zone where it
 * covers a parcel. Precedence is stated by the overlay's data, never inferred.
 */
public enum OverlayPrecedence {
    /** The overlay's limits apply where they are stricter than the zone's. */
    RESTRICT,
    /** The overlay grants more than the zone (an incentive area); its values apply where they are larger. */
    RELAX,
    /** The overlay's replacement zone replaces the base zone altogether. */
    REPLACE
}
