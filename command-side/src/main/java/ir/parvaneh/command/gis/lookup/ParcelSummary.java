package ir.parvaneh.command.gis.lookup;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A parcel as a search finds it: where it is, what identifies it, and the parcels layer version it comes
 * from. {@code geometry} is a GeoJSON geometry in WGS 84.
 */
public record ParcelSummary(
        String municipalityId,
        String municipality,
        String plate,
        String renovationCode,
        double areaM2,
        double latitude,
        double longitude,
        String layerVersionId,
        String asOf,
        @JsonRawValue String geometry) {
}
