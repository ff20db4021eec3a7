package ir.parvaneh.kernel.municipality;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands on the {@code Municipality} aggregate. Every command is sent with the acting user in its
 * metadata (see {@link ir.parvaneh.kernel.identity.Actor}); the aggregate refuses what the actor may not do.
 */
public final class MunicipalityCommands {

    private MunicipalityCommands() {
    }

    /**
     * Registers a municipality of the province. Only a provincial role may. The slug is the
     * municipality's short Latin name in URLs and tokens ({@code qazvin}, {@code buin-zahra}): lower-case
     * letters, digits and single hyphens, unique in the province. The centroid is the city centre in WGS 84.
     */
    public record RegisterMunicipality(
            @TargetAggregateIdentifier MunicipalityId municipalityId,
            String slug,
            String nameFa,
            String nameEn,
            double latitude,
            double longitude,
            ProgrammePhase programmePhase) {
    }

    /** Changes the Persian and English names (after a council resolution, a transliteration fix…). */
    public record RenameMunicipality(
            @TargetAggregateIdentifier MunicipalityId municipalityId,
            String nameFa,
            String nameEn) {
    }

    /** Suspends the municipality's use of the platform; the reason is recorded and shown. */
    public record SuspendMunicipality(
            @TargetAggregateIdentifier MunicipalityId municipalityId,
            String reason) {
    }

    /** Lifts a suspension. */
    public record ReinstateMunicipality(
            @TargetAggregateIdentifier MunicipalityId municipalityId,
            String reason) {
    }

    /** Moves the municipality to another phase of the programme. */
    public record ChangeMunicipalityProgrammePhase(
            @TargetAggregateIdentifier MunicipalityId municipalityId,
            ProgrammePhase programmePhase) {
    }

    /**
     * Sets the contact details citizens see. The municipality's own administrator may do this, for their
     * municipality only; any of the fields may be {@code null} (not published).
     */
    public record UpdateMunicipalityContactDetails(
            @TargetAggregateIdentifier MunicipalityId municipalityId,
            String phone,
            String email,
            String website,
            String address) {
    }
}
