package ir.parvaneh.command.rulebook.write;

import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.command.rulebook.impact.ImpactPreview;
import ir.parvaneh.command.rulebook.store.RulebookStore;
import ir.parvaneh.command.rulebook.store.RulebookStore.PublishedRulebook;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.rulebook.DecisionResult;
import ir.parvaneh.kernel.rulebook.RulebookCommands.PublishRulebookVersion;
import ir.parvaneh.kernel.rulebook.RulebookCatalogueId;
import ir.parvaneh.kernel.rulebook.RulebookContent;
import ir.parvaneh.kernel.time.IranTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A municipality's rulebooks: its administrator (or the province) publishes a version as a zip of the
 * manifest and DMN files; anyone reads what is published; staff try a version's decisions on inputs of
 * their own (the planner's tool, which records nothing).
 */
@RestController
@RequestMapping("/api/municipalities/{slug}/rulebooks")
@Tag(name = "Rulebooks", description = "Versioned zoning tables and fee tariffs (DMN 1.3 with a manifest)")
@SecurityRequirement(name = "bearer")
class RulebookController {

    private static final Role[] STAFF = {Role.MUNICIPAL_ADMIN, Role.CLERK, Role.INSPECTOR, Role.PROVINCE_ADMIN,
            Role.OVERSIGHT};

    private final ActingCommands commands;
    private final CurrentActor currentActor;
    private final MunicipalitySlugs slugs;
    private final RulebookStore store;
    private final ImpactPreview impact;
    private final Clock clock;

    RulebookController(ActingCommands commands, CurrentActor currentActor, MunicipalitySlugs slugs, RulebookStore store,
                       ImpactPreview impact, Clock clock) {
        this.impact = impact;
        this.clock = clock;
        this.commands = commands;
        this.currentActor = currentActor;
        this.slugs = slugs;
        this.store = store;
    }

    @PostMapping(consumes = "application/zip")
    @Operation(summary = "Publish a rulebook version: a zip of rulebook.json and the DMN files (municipal administrator)",
            description = "The whole rulebook is checked first; a refused rulebook publishes nothing. The manifest names "
                    + "the version and the day it comes into force (today or later).")
    ResponseEntity<PublishedRulebook> publish(@PathVariable String slug, HttpServletRequest request) throws IOException {
        var actor = currentActor.actingAs(Role.MUNICIPAL_ADMIN, Role.PROVINCE_ADMIN);
        MunicipalityId municipality = municipality(slug);
        RulebookContent content = RulebookContent.fromZip(readCapped(request.getInputStream()));
        commands.send(new PublishRulebookVersion(RulebookCatalogueId.of(municipality), municipality, slug, content), actor);
        PublishedRulebook published = store.all(municipality.toString()).stream()
                .filter(p -> p.sha256().equals(content.sha256())).reduce((a, b) -> b).orElseThrow();
        return ResponseEntity.created(URI.create("/api/municipalities/" + slug + "/rulebooks/" + published.version()))
                .body(published);
    }

    @GetMapping
    @Operation(summary = "Every published version of the municipality's rulebook, in order of publication")
    List<PublishedRulebook> list(@PathVariable String slug) {
        return store.all(municipality(slug).toString());
    }

    record PublishedContent(PublishedRulebook published, SortedMap<String, String> files) {
    }

    @GetMapping("/{version}")
    @Operation(summary = "One published version with its files (manifest and DMN), exactly as published")
    PublishedContent version(@PathVariable String slug, @PathVariable String version) {
        PublishedRulebook published = published(slug, version);
        return new PublishedContent(published, store.content(published.sha256()).files());
    }

    record Evaluation(@NotBlank String decisionId, Map<String, Object> inputs) {
    }

    @PostMapping("/{version}/evaluations")
    @Operation(summary = "Evaluate one decision of a version on given inputs (planner's tool; records nothing)")
    DecisionResult evaluate(@PathVariable String slug, @PathVariable String version, @Valid @RequestBody Evaluation body) {
        currentActor.actingAs(STAFF);
        PublishedRulebook published = published(slug, version);
        return store.bySha256(published.sha256()).evaluate(body.decisionId(), body.inputs() == null ? Map.of() : body.inputs());
    }

    @GetMapping("/impact")
    @Operation(summary = "Impact preview: the parcels whose outcome differs between two versions (planner's tool; a page at a time)",
            description = "Walks the parcels layer in force on asOf (default today) in plate order from offset, at most "
                    + ImpactPreview.MAX_PAGE + " a page, and lists each parcel whose outputs differ, output by output.")
    ImpactPreview.Impact impact(@PathVariable String slug, @RequestParam String from, @RequestParam String to,
                                @RequestParam String use, @RequestParam(required = false) LocalDate asOf,
                                @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "200") int limit) {
        currentActor.actingAs(STAFF);
        return impact.between(slug, published(slug, from), published(slug, to), use,
                asOf != null ? asOf : IranTime.today(clock), offset, limit);
    }

    PublishedRulebook published(String slug, String version) {
        return store.version(municipality(slug).toString(), version)
                .orElseThrow(() -> new DomainException(ErrorCode.RULEBOOK_VERSION_NOT_FOUND, "No version " + version
                        + " of " + slug + "'s rulebook was published").with("version", version));
    }

    MunicipalityId municipality(String slug) {
        return slugs.require(slug);
    }

    /** Reads at most the rulebook size limit and a byte more, so an oversized upload is refused without reading it all. */
    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(RulebookContent.MAX_TOTAL_BYTES + 1);
        if (bytes.length > RulebookContent.MAX_TOTAL_BYTES) {
            throw new DomainException(ErrorCode.RULEBOOK_TOO_LARGE, "A rulebook archive may hold at most "
                    + RulebookContent.MAX_TOTAL_BYTES + " bytes").with("maxBytes", RulebookContent.MAX_TOTAL_BYTES);
        }
        return bytes;
    }
}
