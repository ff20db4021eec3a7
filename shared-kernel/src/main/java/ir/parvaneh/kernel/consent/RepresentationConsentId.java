package ir.parvaneh.kernel.consent;

import ir.parvaneh.kernel.id.PrefixedId;

import java.util.Objects;
import java.util.UUID;

/** Identity of a {@code RepresentationConsent}, written {@code representation-consent-<uuid>}; created by the caller. */
public record RepresentationConsentId(UUID value) {

    public static final String PREFIX = "representation-consent";

    public RepresentationConsentId {
        Objects.requireNonNull(value, "value");
    }

    public static RepresentationConsentId random() {
        return new RepresentationConsentId(UUID.randomUUID());
    }

    public static RepresentationConsentId parse(String text) {
        return new RepresentationConsentId(PrefixedId.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return PrefixedId.format(PREFIX, value);
    }
}
