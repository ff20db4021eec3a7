package ir.parvaneh.kernel.gis;

import org.axonframework.serialization.Revision;

/**
 * What happened to a municipality's layers. The acting user is in each event's metadata; dates are ISO
 * strings ({@code 2026-11-28}); layers are named by {@link LayerKind#path()}.
 */
public sealed interface LayerEvent {

    String catalogueId();

    String municipalityId();

    /**
     * A new immutable version of a layer was imported: its features are stored under {@code versionId}
     * and their canonical content hashes to {@code sha256}. Not yet in force.
     */
    @Revision("1")
    record LayerVersionImported(
            String catalogueId,
            String municipalityId,
            String municipalitySlug,
            String layer,
            String versionId,
            String sha256,
            int featureCount,
            String sourceCrs,
            double minLongitude,
            double minLatitude,
            double maxLongitude,
            double maxLatitude) implements LayerEvent {
    }

    /**
     * A version is in force from {@code effectiveFrom}; it supersedes, from that day, the version that
     * was in force before ({@code supersededVersionId}, or {@code null} for the layer's first version).
     */
    @Revision("1")
    record LayerVersionActivated(
            String catalogueId,
            String municipalityId,
            String layer,
            String versionId,
            String sha256,
            String effectiveFrom,
            String supersededVersionId) implements LayerEvent {
    }
}
