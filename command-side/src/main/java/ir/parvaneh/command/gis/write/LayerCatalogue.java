package ir.parvaneh.command.gis.write;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerCommands.ActivateLayerVersion;
import ir.parvaneh.kernel.gis.LayerCommands.RecordLayerVersion;
import ir.parvaneh.kernel.gis.LayerEvent.LayerVersionActivated;
import ir.parvaneh.kernel.gis.LayerEvent.LayerVersionImported;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.time.IranTime;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ir.parvaneh.kernel.identity.ActorRules.MayAdministerMunicipality;
import static ir.parvaneh.kernel.identity.ActorRules.ServesMunicipality;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The versions of a municipality's spatial layers and which one is in force from which day. The first
 * import creates it. It keeps the history that activation rules need: which content was imported (by
 * hash, so the same content is never two versions) and every activation, so that the version in force
 * on any day is known and the past is never rewritten.
 */
@Aggregate
public class LayerCatalogue {

    @AggregateIdentifier
    private String id;
    private String municipalityId;
    private String municipalitySlug;
    private final Map<String, ImportedVersion> versions = new HashMap<>();
    private final Map<String, String> versionByContent = new HashMap<>();
    private final Map<LayerKind, List<Activation>> activations = new HashMap<>();

    private record ImportedVersion(LayerKind layer, String sha256) {
    }

    private record Activation(LocalDate effectiveFrom, long order, String versionId) {
    }

    protected LayerCatalogue() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordLayerVersion command, Actor actor) {
        new MayAdministerMunicipality(actor).verify();
        new ServesMunicipality(actor, command.municipalitySlug()).verify();
        if (!command.catalogueId().municipalityId().equals(command.municipalityId())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    command.catalogueId() + " is not the catalogue of " + command.municipalityId());
        }
        String existing = versionByContent.get(contentKey(command.layer(), command.sha256()));
        if (existing != null) {
            throw new DomainException(ErrorCode.LAYER_VERSION_ALREADY_IMPORTED, "The same " + command.layer().path()
                    + " content (SHA-256 " + command.sha256() + ") is already version " + existing)
                    .with("versionId", existing);
        }
        if (command.featureCount() <= 0) {
            throw new DomainException(ErrorCode.LAYER_IMPORT_EMPTY, "A layer version needs at least one feature");
        }
        apply(new LayerVersionImported(command.catalogueId().toString(), command.municipalityId().toString(),
                command.municipalitySlug(), command.layer().path(), command.versionId().toString(), command.sha256(),
                command.featureCount(), command.sourceCrs(), command.minLongitude(), command.minLatitude(),
                command.maxLongitude(), command.maxLatitude()));
    }

    @CommandHandler
    void handle(ActivateLayerVersion command, Actor actor, Clock clock) {
        new MayAdministerMunicipality(actor).verify();
        new ServesMunicipality(actor, municipalitySlug).verify();
        String versionId = command.versionId().toString();
        ImportedVersion version = versions.get(versionId);
        if (version == null || version.layer() != command.layer()) {
            throw new DomainException(ErrorCode.LAYER_VERSION_NOT_FOUND,
                    "No " + command.layer().path() + " version " + versionId + " was imported for " + municipalitySlug);
        }
        if (command.effectiveFrom() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The date of force is required");
        }
        LocalDate today = IranTime.today(clock);
        if (command.effectiveFrom().isBefore(today)) {
            throw new DomainException(ErrorCode.LAYER_ACTIVATION_IN_PAST, "A version cannot be put in force from "
                    + command.effectiveFrom() + ", before today (" + today + ")");
        }
        Optional<String> inForce = inForceOn(command.layer(), command.effectiveFrom());
        if (inForce.filter(versionId::equals).isPresent()) {
            throw new DomainException(ErrorCode.LAYER_VERSION_ALREADY_IN_FORCE,
                    versionId + " is already in force on " + command.effectiveFrom());
        }
        apply(new LayerVersionActivated(id, municipalityId, command.layer().path(), versionId, version.sha256(),
                command.effectiveFrom().toString(), inForce.orElse(null)));
    }

    private Optional<String> inForceOn(LayerKind layer, LocalDate day) {
        return activations.getOrDefault(layer, List.of()).stream()
                .filter(a -> !a.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(Activation::effectiveFrom).thenComparingLong(Activation::order))
                .map(Activation::versionId);
    }

    private static String contentKey(LayerKind layer, String sha256) {
        return layer.path() + ":" + sha256;
    }

    @EventSourcingHandler
    void on(LayerVersionImported event) {
        id = event.catalogueId();
        municipalityId = event.municipalityId();
        municipalitySlug = event.municipalitySlug();
        LayerKind layer = LayerKind.fromPath(event.layer());
        versions.put(event.versionId(), new ImportedVersion(layer, event.sha256()));
        versionByContent.put(contentKey(layer, event.sha256()), event.versionId());
    }

    @EventSourcingHandler
    void on(LayerVersionActivated event) {
        List<Activation> layerActivations = activations.computeIfAbsent(LayerKind.fromPath(event.layer()), k -> new ArrayList<>());
        layerActivations.add(new Activation(LocalDate.parse(event.effectiveFrom()), layerActivations.size(), event.versionId()));
    }
}
