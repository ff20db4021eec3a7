package ir.parvaneh.command.municipality.write;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The slug register's contract for aggregate fixtures; the integration tests check the real one. */
class InMemoryMunicipalitySlugs implements MunicipalitySlugs {

    private final Map<String, String> idBySlug = new HashMap<>();

    @Override
    public void claim(String slug, String municipalityId) {
        if (idBySlug.containsValue(municipalityId)) {
            throw new DomainException(ErrorCode.MUNICIPALITY_ALREADY_REGISTERED, municipalityId + " is registered");
        }
        if (idBySlug.putIfAbsent(slug, municipalityId) != null) {
            throw new DomainException(ErrorCode.MUNICIPALITY_SLUG_TAKEN, slug + " is taken");
        }
    }

    @Override
    public Optional<String> slugOf(String municipalityId) {
        return idBySlug.entrySet().stream().filter(e -> e.getValue().equals(municipalityId))
                .map(Map.Entry::getKey).findFirst();
    }

    @Override
    public Optional<String> municipalityIdOf(String slug) {
        return Optional.ofNullable(idBySlug.get(slug));
    }

    @Override
    public boolean isTaken(String slug) {
        return idBySlug.containsKey(slug);
    }
}
