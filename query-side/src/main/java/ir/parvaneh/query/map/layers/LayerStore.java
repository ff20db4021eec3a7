package ir.parvaneh.query.map.layers;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.LayerVersionId;
import ir.parvaneh.kernel.time.IranTime;
import ir.parvaneh.query.infrastructure.postgis.PostGis;
import ir.parvaneh.query.map.layers.LayerInForce.Municipality;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static ir.parvaneh.query.jooq.layers.Tables.LAYER_ACTIVATION;
import static ir.parvaneh.query.jooq.layers.Tables.LAYER_VERSION;
import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;

/**
 * Reads the command side's layer store for the map services. The store is immutable (versions are
 * inserted once and activations only appended), so the query side reads it as it is, through the
 * read-only {@code parvaneh_layer_reader} role, instead of keeping a projected copy; the municipality's
 * slug and names come from this side's own read model.
 */
@Component
public class LayerStore {

    private static final int GEOJSON_DECIMALS = 7;

    private final DSLContext dsl;
    private final Clock clock;

    LayerStore(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The day whose layers the maps show unless a request names another. */
    public LocalDate today() {
        return IranTime.today(clock);
    }

    /** Every municipality's layers in force on a day, by municipality slug and layer order. */
    public List<LayerInForce> allInForce(LocalDate day) {
        return inForce(day, DSL.noCondition()).stream()
                .sorted(Comparator.comparing((LayerInForce l) -> l.municipality().slug())
                        .thenComparing(LayerInForce::layer))
                .toList();
    }

    /** The version of a municipality's layer in force on a day, if any. */
    public Optional<LayerInForce> inForce(String slug, LayerKind layer, LocalDate day) {
        Condition which = LAYER_ACTIVATION.LAYER.eq(layer.path()).and(LAYER_ACTIVATION.MUNICIPALITY_ID.eq(
                DSL.select(MUNICIPALITY.ID).from(MUNICIPALITY).where(MUNICIPALITY.SLUG.eq(slug))));
        return inForce(day, which).stream().findFirst();
    }

    /**
     * The version of a municipality's layer in force on a day; refused as not found when the slug is
     * unknown or no version was in force that day.
     */
    public LayerInForce required(String slug, LayerKind layer, LocalDate day) {
        return inForce(slug, layer, day).orElseThrow(() -> municipality(slug).isEmpty()
                ? new DomainException(ErrorCode.MUNICIPALITY_NOT_FOUND, "No municipality has the slug '" + slug + "'")
                : new DomainException(ErrorCode.LAYER_NOT_IN_FORCE, "No version of the " + layer.path() + " of "
                        + slug + " is in force on " + day + " (Asia/Tehran)")
                        .with("layer", layer.path()).with("day", day.toString()));
    }

    /** Whether the read model knows a municipality by this slug. */
    public Optional<Municipality> municipality(String slug) {
        return dsl.select(MUNICIPALITY.ID, MUNICIPALITY.SLUG, MUNICIPALITY.NAME_FA, MUNICIPALITY.NAME_EN)
                .from(MUNICIPALITY).where(MUNICIPALITY.SLUG.eq(slug))
                .fetchOptional(r -> new Municipality(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** A page of a version's features meeting a filter, in the version's order. */
    public FeaturePage features(LayerInForce layer, FeatureFilter filter, int limit, long offset) {
        FeatureTable table = layer.table();
        Condition condition = matching(layer, filter);
        List<Feature> features = dsl.select(table.columns(PostGis.asGeoJson(table.geometry(), GEOJSON_DECIMALS)))
                .from(table.table())
                .where(condition)
                .orderBy(table.order())
                .limit(limit)
                .offset(offset)
                .fetch(r -> feature(table, r));
        // The import recorded the version's count; only a filtered request needs counting.
        long matched = filter.isEmpty() ? layer.featureCount() : dsl.fetchCount(table.table(), condition);
        return new FeaturePage(features, matched);
    }

    /** One feature of a version, by its index. */
    public Optional<Feature> feature(LayerInForce layer, int featureIndex) {
        FeatureTable table = layer.table();
        return dsl.select(table.columns(PostGis.asGeoJson(table.geometry(), GEOJSON_DECIMALS)))
                .from(table.table())
                .where(table.versionId().eq(layer.version().value()), table.featureIndex().eq(featureIndex))
                .orderBy(table.order())
                .limit(1)
                .fetchOptional(r -> feature(table, r));
    }

    private Condition matching(LayerInForce layer, FeatureFilter filter) {
        FeatureTable table = layer.table();
        List<Condition> conditions = new ArrayList<>();
        conditions.add(table.versionId().eq(layer.version().value()));
        if (filter.bbox() != null) {
            BoundingBox box = filter.bbox();
            conditions.add(PostGis.intersects(table.geometry(),
                    PostGis.envelope(box.minLon(), box.minLat(), box.maxLon(), box.maxLat())));
        }
        if (filter.plate() != null) {
            conditions.add(table.plate().eq(filter.plate()));
        }
        return DSL.and(conditions);
    }

    private static Feature feature(FeatureTable table, Record r) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (FeatureTable.Property property : table.properties()) {
            properties.put(property.name(), r.get(property.name()));
        }
        return new Feature(r.get(table.featureIndex()), r.get(1, String.class), properties);
    }

    /**
     * The activations in force on a day (the latest on or before it for each municipality and layer), with
     * their versions, for the municipalities the read model knows. A layer name this side does not know
     * (a newer command side's) is left out rather than failing every listing.
     */
    private List<LayerInForce> inForce(LocalDate day, Condition whichActivations) {
        Table<Record4<String, String, UUID, LocalDate>> inForce = dsl
                .select(LAYER_ACTIVATION.MUNICIPALITY_ID, LAYER_ACTIVATION.LAYER, LAYER_ACTIVATION.VERSION_ID,
                        LAYER_ACTIVATION.EFFECTIVE_FROM)
                .distinctOn(LAYER_ACTIVATION.MUNICIPALITY_ID, LAYER_ACTIVATION.LAYER)
                .from(LAYER_ACTIVATION)
                .where(LAYER_ACTIVATION.EFFECTIVE_FROM.le(day), whichActivations,
                        LAYER_ACTIVATION.LAYER.in(Arrays.stream(LayerKind.values()).map(LayerKind::path).toList()))
                .orderBy(LAYER_ACTIVATION.MUNICIPALITY_ID, LAYER_ACTIVATION.LAYER,
                        LAYER_ACTIVATION.EFFECTIVE_FROM.desc(), LAYER_ACTIVATION.ACTIVATION_NO.desc())
                .asTable("in_force");
        Field<String> municipalityId = inForce.field(LAYER_ACTIVATION.MUNICIPALITY_ID);
        Field<UUID> versionId = inForce.field(LAYER_ACTIVATION.VERSION_ID);
        Field<LocalDate> effectiveFrom = inForce.field(LAYER_ACTIVATION.EFFECTIVE_FROM);
        return dsl.select(MUNICIPALITY.ID, MUNICIPALITY.SLUG, MUNICIPALITY.NAME_FA, MUNICIPALITY.NAME_EN,
                        effectiveFrom, LAYER_VERSION.LAYER, LAYER_VERSION.VERSION_ID, LAYER_VERSION.SHA256,
                        LAYER_VERSION.FEATURE_COUNT, LAYER_VERSION.MIN_LON, LAYER_VERSION.MIN_LAT,
                        LAYER_VERSION.MAX_LON, LAYER_VERSION.MAX_LAT)
                .from(inForce)
                .join(LAYER_VERSION).on(LAYER_VERSION.VERSION_ID.eq(versionId))
                .join(MUNICIPALITY).on(MUNICIPALITY.ID.eq(municipalityId))
                .fetch(r -> new LayerInForce(
                        new Municipality(r.get(MUNICIPALITY.ID), r.get(MUNICIPALITY.SLUG), r.get(MUNICIPALITY.NAME_FA),
                                r.get(MUNICIPALITY.NAME_EN)),
                        LayerKind.fromPath(r.get(LAYER_VERSION.LAYER)),
                        new LayerVersionId(r.get(LAYER_VERSION.VERSION_ID)),
                        r.get(LAYER_VERSION.SHA256),
                        r.get(LAYER_VERSION.FEATURE_COUNT),
                        new BoundingBox(r.get(LAYER_VERSION.MIN_LON), r.get(LAYER_VERSION.MIN_LAT),
                                r.get(LAYER_VERSION.MAX_LON), r.get(LAYER_VERSION.MAX_LAT)),
                        r.get(effectiveFrom),
                        day));
    }
}
