package ir.parvaneh.kernel.assessment;

import ir.parvaneh.kernel.id.PrefixedId;

import java.util.Objects;
import java.util.UUID;

/** Identity of a {@code ZoningAssessment}, written {@code zoning-assessment-<uuid>}; created by the caller. */
public record ZoningAssessmentId(UUID value) {

    public static final String PREFIX = "zoning-assessment";

    public ZoningAssessmentId {
        Objects.requireNonNull(value, "value");
    }

    public static ZoningAssessmentId random() {
        return new ZoningAssessmentId(UUID.randomUUID());
    }

    public static ZoningAssessmentId parse(String text) {
        return new ZoningAssessmentId(PrefixedId.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return PrefixedId.format(PREFIX, value);
    }
}
