package ir.parvaneh.command.gis.write;

import ir.parvaneh.kernel.gis.LayerEvent.LayerVersionActivated;
import ir.parvaneh.kernel.gis.LayerEvent.LayerVersionImported;
import ir.parvaneh.kernel.gis.LayerVersionId;
import ir.parvaneh.kernel.identity.Actor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import ir.parvaneh.command.gis.store.LayerVersionsInForce;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static ir.parvaneh.command.jooq.layers.Tables.LAYER_ACTIVATION;
import static ir.parvaneh.command.jooq.layers.Tables.LAYER_VERSION;

/**
 * Keeps the layer store's register of versions and activations in step with the catalogue's events.
 * It runs in a subscribing processor, inside the transaction that appends the event, so a version's
 * features, its register row and its event are stored together or not at all. Rows are only inserted.
 */
@Component
@ProcessingGroup(LayerRegister.GROUP)
class LayerRegister {

    static final String GROUP = "layer-register";

    private final DSLContext dsl;
    private final LayerVersionsInForce versionsInForce;

    LayerRegister(DSLContext dsl, LayerVersionsInForce versionsInForce) {
        this.dsl = dsl;
        this.versionsInForce = versionsInForce;
    }

    @EventHandler
    void on(LayerVersionImported event, Actor actor, @Timestamp Instant at) {
        dsl.insertInto(LAYER_VERSION)
                .set(LAYER_VERSION.VERSION_ID, LayerVersionId.parse(event.versionId()).value())
                .set(LAYER_VERSION.MUNICIPALITY_ID, event.municipalityId())
                .set(LAYER_VERSION.LAYER, event.layer())
                .set(LAYER_VERSION.SHA256, event.sha256())
                .set(LAYER_VERSION.FEATURE_COUNT, event.featureCount())
                .set(LAYER_VERSION.SOURCE_CRS, event.sourceCrs())
                .set(LAYER_VERSION.MIN_LON, event.minLongitude())
                .set(LAYER_VERSION.MIN_LAT, event.minLatitude())
                .set(LAYER_VERSION.MAX_LON, event.maxLongitude())
                .set(LAYER_VERSION.MAX_LAT, event.maxLatitude())
                .set(LAYER_VERSION.IMPORTED_AT, at.atOffset(ZoneOffset.UTC))
                .set(LAYER_VERSION.IMPORTED_BY, actor.subject())
                .execute();
    }

    @EventHandler
    void on(LayerVersionActivated event, Actor actor, @Timestamp Instant at) {
        dsl.insertInto(LAYER_ACTIVATION)
                .set(LAYER_ACTIVATION.MUNICIPALITY_ID, event.municipalityId())
                .set(LAYER_ACTIVATION.LAYER, event.layer())
                .set(LAYER_ACTIVATION.VERSION_ID, LayerVersionId.parse(event.versionId()).value())
                .set(LAYER_ACTIVATION.EFFECTIVE_FROM, LocalDate.parse(event.effectiveFrom()))
                .set(LAYER_ACTIVATION.ACTIVATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(LAYER_ACTIVATION.ACTIVATED_BY, actor.subject())
                .execute();
        versionsInForce.activationRecorded();
    }
}
