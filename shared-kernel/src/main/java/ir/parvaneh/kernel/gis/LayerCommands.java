package ir.parvaneh.kernel.gis;

import ir.parvaneh.kernel.municipality.MunicipalityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Commands on a municipality's {@code LayerCatalogue}. Features themselves never travel in commands or
 * events: the import stores them in the immutable layer tables and records the version with its checksum.
 */
public final class LayerCommands {

    private LayerCommands() {
    }

    /**
     * Records a layer version whose features the import has just stored (in the same transaction).
     * The extent is the bounding box of the features in WGS 84.
     */
    public record RecordLayerVersion(
            @TargetAggregateIdentifier LayerCatalogueId catalogueId,
            MunicipalityId municipalityId,
            String municipalitySlug,
            LayerKind layer,
            LayerVersionId versionId,
            String sha256,
            int featureCount,
            String sourceCrs,
            double minLongitude,
            double minLatitude,
            double maxLongitude,
            double maxLatitude) {
    }

    /**
     * Puts an imported version in force from a date (Asia/Tehran calendar day), today or later: the
     * past is never rewritten, so "which layers were in force on date D" keeps its answer.
     */
    public record ActivateLayerVersion(
            @TargetAggregateIdentifier LayerCatalogueId catalogueId,
            LayerKind layer,
            LayerVersionId versionId,
            LocalDate effectiveFrom) {
    }
}
