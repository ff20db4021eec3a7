package ir.parvaneh.command.gis.write.importing;

/** The outcome of an accepted import: the new version (not yet in force) and what identifies its content. */
public record ImportedLayerVersion(
        String municipalityId,
        String layer,
        String versionId,
        String sha256,
        int featureCount,
        String sourceCrs) {
}
