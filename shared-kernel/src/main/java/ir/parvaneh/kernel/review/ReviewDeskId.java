package ir.parvaneh.kernel.review;

import ir.parvaneh.kernel.id.PrefixedId;
import ir.parvaneh.kernel.municipality.MunicipalityId;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a municipality's {@code ReviewDesk} aggregate (its roster of reviewers and its review terms), written
 * {@code review-desk-<uuid>} with the municipality's own UUID: one per municipality, created by its first command.
 */
public record ReviewDeskId(UUID value) {

    public static final String PREFIX = "review-desk";

    public ReviewDeskId {
        Objects.requireNonNull(value, "value");
    }

    public static ReviewDeskId of(MunicipalityId municipality) {
        return new ReviewDeskId(municipality.value());
    }

    public static ReviewDeskId parse(String text) {
        return new ReviewDeskId(PrefixedId.parse(PREFIX, text));
    }

    public MunicipalityId municipalityId() {
        return new MunicipalityId(value);
    }

    @Override
    public String toString() {
        return PrefixedId.format(PREFIX, value);
    }
}
