package ir.parvaneh.command.gis.store;

import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.LayerVersionId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import ir.parvaneh.command.infrastructure.cache.RecentAnswers;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static ir.parvaneh.command.jooq.layers.Tables.LAYER_ACTIVATION;
import static ir.parvaneh.command.jooq.layers.Tables.LAYER_VERSION;

/**
 * Which version of a municipality's layer is in force on a day: the activation with the latest date of
 * force on or before that day (a later activation wins a tie). Activations are only ever appended, so the
 * answer for a past day never changes.
 */
@Component
public class LayerVersionsInForce {

    /** A version in force, with what a reader needs to cite it. */
    public record VersionInForce(LayerKind layer, UUID versionId, String sha256, LocalDate effectiveFrom) {

        public String versionIdText() {
            return new LayerVersionId(versionId).toString();
        }
    }

    private record Asked(String municipalityId, LocalDate day) {
    }

    private final DSLContext dsl;
    /** Every parcel's facts ask this; see {@link RecentAnswers} for why two seconds are safe. */
    private final RecentAnswers<Asked, Map<LayerKind, VersionInForce>> recent = new RecentAnswers<>(Duration.ofSeconds(2));

    LayerVersionsInForce(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every layer of the municipality in force on the day, by layer (absent layers have no version in force). */
    public Map<LayerKind, VersionInForce> allOn(String municipalityId, LocalDate day) {
        return recent.get(new Asked(municipalityId, day), asked -> Collections.unmodifiableMap(allOnFromStore(asked)));
    }

    /** Called by the register when it records an activation: this instance forgets its answers once it commits. */
    public void activationRecorded() {
        recent.forgetAfterCommit();
    }

    private Map<LayerKind, VersionInForce> allOnFromStore(Asked asked) {
        String municipalityId = asked.municipalityId();
        LocalDate day = asked.day();
        Map<LayerKind, VersionInForce> inForce = new EnumMap<>(LayerKind.class);
        dsl.select(LAYER_ACTIVATION.LAYER, LAYER_ACTIVATION.VERSION_ID, LAYER_VERSION.SHA256, LAYER_ACTIVATION.EFFECTIVE_FROM)
                .distinctOn(LAYER_ACTIVATION.LAYER)
                .from(LAYER_ACTIVATION)
                .join(LAYER_VERSION).on(LAYER_VERSION.VERSION_ID.eq(LAYER_ACTIVATION.VERSION_ID))
                .where(LAYER_ACTIVATION.MUNICIPALITY_ID.eq(municipalityId))
                .and(LAYER_ACTIVATION.EFFECTIVE_FROM.le(day))
                .orderBy(LAYER_ACTIVATION.LAYER, LAYER_ACTIVATION.EFFECTIVE_FROM.desc(), LAYER_ACTIVATION.ACTIVATION_NO.desc())
                .forEach(r -> {
                    LayerKind layer = LayerKind.fromPath(r.value1());
                    inForce.put(layer, new VersionInForce(layer, r.value2(), r.value3(), r.value4()));
                });
        return inForce;
    }

    public Optional<VersionInForce> on(String municipalityId, LayerKind layer, LocalDate day) {
        return dsl.select(LAYER_ACTIVATION.VERSION_ID, LAYER_VERSION.SHA256, LAYER_ACTIVATION.EFFECTIVE_FROM)
                .from(LAYER_ACTIVATION)
                .join(LAYER_VERSION).on(LAYER_VERSION.VERSION_ID.eq(LAYER_ACTIVATION.VERSION_ID))
                .where(LAYER_ACTIVATION.MUNICIPALITY_ID.eq(municipalityId))
                .and(LAYER_ACTIVATION.LAYER.eq(layer.path()))
                .and(LAYER_ACTIVATION.EFFECTIVE_FROM.le(day))
                .orderBy(LAYER_ACTIVATION.EFFECTIVE_FROM.desc(), LAYER_ACTIVATION.ACTIVATION_NO.desc())
                .limit(1)
                .fetchOptional(r -> new VersionInForce(layer, r.value1(), r.value2(), r.value3()));
    }
}
