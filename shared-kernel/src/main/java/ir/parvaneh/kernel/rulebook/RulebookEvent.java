package ir.parvaneh.kernel.rulebook;

import org.axonframework.serialization.Revision;

import java.util.SortedMap;

/**
 * What happened to a municipality's rulebooks. The acting user is in each event's metadata; dates are
 * ISO strings.
 */
public sealed interface RulebookEvent {

    String catalogueId();

    String municipalityId();

    /**
     * A rulebook version was published and is in force from {@code effectiveFrom} until a later version's
     * day. The event carries the whole content (manifest and DMN files, canonical text), so that every
     * assessment made under it can be re-run from the event store alone; {@code sha256} is
     * {@link RulebookContent#sha256()} of that content.
     *
     * @param supersededVersion the version in force on {@code effectiveFrom} before this one, or {@code null}
     */
    @Revision("1")
    record RulebookVersionPublished(
            String catalogueId,
            String municipalityId,
            String municipalitySlug,
            String version,
            String effectiveFrom,
            String sha256,
            SortedMap<String, String> files,
            String supersededVersion) implements RulebookEvent {
    }
}
