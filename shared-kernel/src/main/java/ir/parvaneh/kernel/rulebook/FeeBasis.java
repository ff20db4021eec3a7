package ir.parvaneh.kernel.rulebook;

import java.util.List;

/**
 * An actual building proposal, as far as the fees depend on it: the figures of the drawings a permit
 * application carries, and the regional price P of the parcel.
 *
 * @param intendedUse           the main use, e.g. {@code RESIDENTIAL}
 * @param grossFloorAreaM2      the gross floor area of the whole building
 * @param floors                each floor (or storage or mezzanine) with its use and area
 * @param parkingSpaces         parking spaces provided
 * @param units                 units (dwellings, shops, offices) in the building
 * @param frontageM             the length of the building's frontage on its passage, {@code null} if unknown
 * @param heightM               the height of the commercial storey, {@code null} if unknown
 * @param priceRialsPerM2       the regional price P (Rials per m²), {@code null} if unknown
 */
public record FeeBasis(String intendedUse, double grossFloorAreaM2, List<Floor> floors, int parkingSpaces,
                       int units, Double frontageM, Double heightM, Long priceRialsPerM2) {

    public FeeBasis {
        floors = floors == null ? List.of() : List.copyOf(floors);
    }

    /**
     * One floor of the proposal.
     *
     * @param level  storey number: {@code 0} ground, {@code 1} first, {@code -1} basement…
     * @param kind   {@code STOREY}, {@code MEZZANINE} or {@code STORAGE}
     * @param use    {@code RESIDENTIAL}, {@code COMMERCIAL}, {@code OFFICE}, {@code INDUSTRIAL}, {@code PARKING}…
     * @param areaM2 its gross area
     */
    public record Floor(int level, String kind, String use, double areaM2) {
    }
}
