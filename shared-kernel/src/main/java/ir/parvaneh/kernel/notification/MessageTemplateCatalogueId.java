package ir.parvaneh.kernel.notification;

import ir.parvaneh.kernel.id.PrefixedId;
import ir.parvaneh.kernel.municipality.MunicipalityId;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a municipality's {@code MessageTemplateCatalogue} aggregate (the versions of its message templates),
 * written {@code message-templates-<uuid>} with the municipality's own UUID: one per municipality, created by its
 * first published template.
 */
public record MessageTemplateCatalogueId(UUID value) {

    public static final String PREFIX = "message-templates";

    public MessageTemplateCatalogueId {
        Objects.requireNonNull(value, "value");
    }

    public static MessageTemplateCatalogueId of(MunicipalityId municipality) {
        return new MessageTemplateCatalogueId(municipality.value());
    }

    public static MessageTemplateCatalogueId parse(String text) {
        return new MessageTemplateCatalogueId(PrefixedId.parse(PREFIX, text));
    }

    public MunicipalityId municipalityId() {
        return new MunicipalityId(value);
    }

    @Override
    public String toString() {
        return PrefixedId.format(PREFIX, value);
    }
}
