package ir.parvaneh.kernel.permit;

import ir.parvaneh.kernel.id.PrefixedId;

import java.util.Objects;
import java.util.UUID;

/** Identity of a {@code PermitApplication}, written {@code permit-application-<uuid>}; created by the caller. */
public record PermitApplicationId(UUID value) {

    public static final String PREFIX = "permit-application";

    public PermitApplicationId {
        Objects.requireNonNull(value, "value");
    }

    public static PermitApplicationId random() {
        return new PermitApplicationId(UUID.randomUUID());
    }

    public static PermitApplicationId parse(String text) {
        return new PermitApplicationId(PrefixedId.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return PrefixedId.format(PREFIX, value);
    }
}
