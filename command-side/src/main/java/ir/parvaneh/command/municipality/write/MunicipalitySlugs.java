package ir.parvaneh.command.municipality.write;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.municipality.MunicipalityId;

import java.util.Optional;

/**
 * The province-wide register of municipality slugs: set-based validation that no two municipalities
 * share a slug. A claim made while handling a command joins that command's transaction, so a refused
 * or failed registration claims nothing.
 */
public interface MunicipalitySlugs {

    /**
     * Claims the slug for the municipality. Throws {@code MUNICIPALITY_SLUG_TAKEN} when another
     * municipality holds it and {@code MUNICIPALITY_ALREADY_REGISTERED} when this municipality holds a slug.
     */
    void claim(String slug, String municipalityId);

    Optional<String> slugOf(String municipalityId);

    /** The id ({@code municipality-<uuid>}) of the municipality holding the slug. */
    Optional<String> municipalityIdOf(String slug);

    /** The municipality holding the slug; {@code MUNICIPALITY_NOT_FOUND} when none does. */
    default MunicipalityId require(String slug) {
        return municipalityIdOf(slug).map(MunicipalityId::parse)
                .orElseThrow(() -> new DomainException(ErrorCode.MUNICIPALITY_NOT_FOUND, "No municipality is called " + slug));
    }

    boolean isTaken(String slug);
}
