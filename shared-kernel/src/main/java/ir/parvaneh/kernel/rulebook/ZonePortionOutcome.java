package ir.parvaneh.kernel.rulebook;

import java.util.List;

/**
 * The part of a parcel that lies in one zone, and what the rulebook gives for it alone. A parcel in one zone
 * has one portion; a parcel split across zones has one per zone, and the assessment's outputs combine them by
 * the rulebook's combination rule.
 *
 * @param zoneCode      the zone's code as the zones layer gives it
 * @param areaM2        the portion's area
 * @param sharePercent  the portion's share of the parcel
 * @param source        {@code ZONE} for the zones layer, or the code of the REPLACE overlay that put the
 *                      zone there
 * @param governing     whether this portion governs the parcel under {@code GOVERNING_ZONE_LARGEST_SHARE}
 * @param outputs       the outputs evaluated for this portion alone
 */
public record ZonePortionOutcome(String zoneCode, double areaM2, double sharePercent, String source,
                                 boolean governing, List<AssessedOutput> outputs) {

    public ZonePortionOutcome {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
