package ir.parvaneh.command.gis.write;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.command.gis.write.importing.ImportedLayerVersion;
import ir.parvaneh.command.gis.write.importing.LayerImporter;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerCatalogueId;
import ir.parvaneh.kernel.gis.LayerCommands.ActivateLayerVersion;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.LayerVersionId;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;

/**
 * The GIS unit's commands: import a layer version from GeoJSON (the request body, streamed), and put a
 * version in force from a date. A municipality's own administrator acts for it; the province for all.
 */
@RestController
@RequestMapping("/api/municipalities/{slug}/layers/{layer}")
@Tag(name = "Layers", description = "Versioned GIS layers of each municipality")
@SecurityRequirement(name = "bearer")
class LayerCommandController {

    private final LayerImporter importer;
    private final ActingCommands commands;
    private final CurrentActor currentActor;
    private final MunicipalitySlugs slugs;

    LayerCommandController(LayerImporter importer, ActingCommands commands, CurrentActor currentActor,
                           MunicipalitySlugs slugs) {
        this.importer = importer;
        this.commands = commands;
        this.currentActor = currentActor;
        this.slugs = slugs;
    }

    @PostMapping(path = "/versions", consumes = {"application/geo+json", "application/json"})
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'PROVINCE_ADMIN')")
    @Operation(summary = "Import a layer version from a GeoJSON FeatureCollection (municipal GIS unit)",
            description = "The body is the FeatureCollection itself, streamed. WGS 84 longitude/latitude unless the "
                    + "file's crs member or the crs parameter declares another CRS. All or nothing: a refused import "
                    + "names the feature (featureIndex, from 0) and stores nothing.")
    ResponseEntity<ImportedLayerVersion> importVersion(
            @PathVariable String slug, @PathVariable String layer,
            @Parameter(description = "the file's CRS, e.g. EPSG:32639") @RequestParam(required = false) String crs,
            HttpServletRequest request) throws IOException {
        var actor = currentActor.actingAs(Role.MUNICIPAL_ADMIN, Role.PROVINCE_ADMIN);
        LayerKind kind = LayerKind.fromPath(layer);
        if (request.getContentLengthLong() > importer.maxUploadBytes()) {
            throw new DomainException(ErrorCode.LAYER_IMPORT_TOO_LARGE, "An upload may hold at most "
                    + importer.maxUploadBytes() + " bytes").with("maxBytes", importer.maxUploadBytes());
        }
        ImportedLayerVersion imported = importer.importLayer(slug, kind, request.getInputStream(), crs, actor);
        return ResponseEntity.created(URI.create("/api/municipalities/" + slug + "/layers/" + kind.path()
                + "/versions/" + imported.versionId())).body(imported);
    }

    record Activation(@NotBlank String versionId, @NotNull LocalDate effectiveFrom) {
    }

    record Activated(String versionId, String layer, LocalDate effectiveFrom) {
    }

    @PostMapping("/activations")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'PROVINCE_ADMIN')")
    @Operation(summary = "Put an imported layer version in force from a date, today or later (municipal GIS unit)")
    Activated activate(@PathVariable String slug, @PathVariable String layer, @Valid @RequestBody Activation body) {
        var actor = currentActor.actingAs(Role.MUNICIPAL_ADMIN, Role.PROVINCE_ADMIN);
        LayerKind kind = LayerKind.fromPath(layer);
        MunicipalityId municipality = slugs.require(slug);
        LayerVersionId versionId = LayerVersionId.parse(body.versionId());
        commands.send(new ActivateLayerVersion(LayerCatalogueId.of(municipality), kind, versionId, body.effectiveFrom()), actor);
        return new Activated(versionId.toString(), kind.path(), body.effectiveFrom());
    }
}
