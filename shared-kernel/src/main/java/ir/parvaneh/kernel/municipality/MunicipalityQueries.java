package ir.parvaneh.kernel.municipality;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Queries on the province's municipalities; public data, answered by the query side. */
public final class MunicipalityQueries {

    private MunicipalityQueries() {
    }

    /** A municipality as citizens and other services see it. */
    public record MunicipalitySummary(
            String id,
            String slug,
            String nameFa,
            String nameEn,
            double latitude,
            double longitude,
            String programmePhase,
            String status,
            String suspensionReason,
            Contact contact,
            Instant registeredAt,
            Instant updatedAt,
            Double distanceKm) {
    }

    public record Contact(String phone, String email, String website, String address) {
    }

    /**
     * Municipalities matching an optional search text (Persian or English name or slug, with Arabic/Persian
     * letter variants folded) and status; with a point ({@code nearLatitude}, {@code nearLongitude}) they
     * come nearest first with their distance, otherwise in Persian alphabetical order.
     */
    public record FindMunicipalities(String text, String status, Double nearLatitude, Double nearLongitude) {

        public static FindMunicipalities all() {
            return new FindMunicipalities(null, null, null, null);
        }

        public record Result(List<MunicipalitySummary> municipalities) {
        }
    }

    /** One municipality by id ({@code municipality-<uuid>}) or slug. */
    public record GetMunicipality(String idOrSlug) {

        public record Result(MunicipalitySummary municipality) {
            public Optional<MunicipalitySummary> found() {
                return Optional.ofNullable(municipality);
            }
        }
    }
}
