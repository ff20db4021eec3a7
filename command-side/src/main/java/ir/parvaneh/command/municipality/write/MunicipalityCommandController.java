package ir.parvaneh.command.municipality.write;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.ChangeMunicipalityProgrammePhase;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RegisterMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.ReinstateMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RenameMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.SuspendMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.UpdateMunicipalityContactDetails;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.municipality.ProgrammePhase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Commands on municipalities. The response confirms the command was accepted and its events stored;
 * the query side shows the result once its projection has caught up.
 */
@RestController
@RequestMapping("/api/municipalities")
@Tag(name = "Municipalities", description = "The province's municipalities on the platform")
@SecurityRequirement(name = "bearer")
class MunicipalityCommandController {

    private final ActingCommands commands;
    private final CurrentActor currentActor;

    MunicipalityCommandController(ActingCommands commands, CurrentActor currentActor) {
        this.commands = commands;
        this.currentActor = currentActor;
    }

    /** The caller creates the id (a UUID, optionally written municipality-&lt;uuid&gt;). */
    record Registration(@NotBlank String id, @NotBlank String slug, @NotBlank String nameFa, @NotBlank String nameEn,
                        @NotNull Double latitude, @NotNull Double longitude, @NotNull ProgrammePhase programmePhase) {
    }

    record Accepted(String municipalityId) {
    }

    @PostMapping
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Operation(summary = "Register a municipality (province administrator)")
    ResponseEntity<Accepted> register(@Valid @RequestBody Registration body) {
        MunicipalityId id = MunicipalityId.parse(body.id());
        commands.send(new RegisterMunicipality(id, body.slug(), body.nameFa(), body.nameEn(),
                body.latitude(), body.longitude(), body.programmePhase()), currentActor.actingAs(Role.PROVINCE_ADMIN));
        return ResponseEntity.created(URI.create("/api/municipalities/" + id)).body(new Accepted(id.toString()));
    }

    record Names(@NotBlank String nameFa, @NotBlank String nameEn) {
    }

    @PutMapping("/{id}/name")
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Operation(summary = "Rename a municipality (province administrator)")
    Accepted rename(@PathVariable String id, @Valid @RequestBody Names body) {
        MunicipalityId municipalityId = MunicipalityId.parse(id);
        commands.send(new RenameMunicipality(municipalityId, body.nameFa(), body.nameEn()),
                currentActor.actingAs(Role.PROVINCE_ADMIN));
        return new Accepted(municipalityId.toString());
    }

    record Reason(@NotBlank String reason) {
    }

    @PostMapping("/{id}/suspension")
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Operation(summary = "Suspend a municipality (province administrator)")
    Accepted suspend(@PathVariable String id, @Valid @RequestBody Reason body) {
        MunicipalityId municipalityId = MunicipalityId.parse(id);
        commands.send(new SuspendMunicipality(municipalityId, body.reason()), currentActor.actingAs(Role.PROVINCE_ADMIN));
        return new Accepted(municipalityId.toString());
    }

    @PostMapping("/{id}/reinstatement")
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Operation(summary = "Lift a municipality's suspension (province administrator)")
    Accepted reinstate(@PathVariable String id, @Valid @RequestBody Reason body) {
        MunicipalityId municipalityId = MunicipalityId.parse(id);
        commands.send(new ReinstateMunicipality(municipalityId, body.reason()), currentActor.actingAs(Role.PROVINCE_ADMIN));
        return new Accepted(municipalityId.toString());
    }

    record Phase(@NotNull ProgrammePhase programmePhase) {
    }

    @PutMapping("/{id}/programme-phase")
    @PreAuthorize("hasRole('PROVINCE_ADMIN')")
    @Operation(summary = "Move a municipality to another programme phase (province administrator)")
    Accepted changePhase(@PathVariable String id, @Valid @RequestBody Phase body) {
        MunicipalityId municipalityId = MunicipalityId.parse(id);
        commands.send(new ChangeMunicipalityProgrammePhase(municipalityId, body.programmePhase()),
                currentActor.actingAs(Role.PROVINCE_ADMIN));
        return new Accepted(municipalityId.toString());
    }

    record Contact(String phone, String email, String website, String address) {
    }

    @PutMapping("/{id}/contact")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'PROVINCE_ADMIN')")
    @Operation(summary = "Set the contact details citizens see (the municipality's own administrator)")
    Accepted updateContact(@PathVariable String id, @RequestBody Contact body) {
        MunicipalityId municipalityId = MunicipalityId.parse(id);
        commands.send(new UpdateMunicipalityContactDetails(municipalityId, body.phone(), body.email(),
                body.website(), body.address()), currentActor.actingAs(Role.MUNICIPAL_ADMIN, Role.PROVINCE_ADMIN));
        return new Accepted(municipalityId.toString());
    }
}
