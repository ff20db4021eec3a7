package ir.parvaneh.command.gis.lookup;

import ir.parvaneh.command.gis.store.LayerVersionsInForce;
import ir.parvaneh.command.gis.store.LayerVersionsInForce.VersionInForce;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.LayerVersionId;
import ir.parvaneh.kernel.gis.Plate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.SelectField;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static ir.parvaneh.command.gis.store.SpatialSql.area;
import static ir.parvaneh.command.gis.store.SpatialSql.centroidLatitude;
import static ir.parvaneh.command.gis.store.SpatialSql.centroidLongitude;
import static ir.parvaneh.command.gis.store.SpatialSql.envelope;
import static ir.parvaneh.command.gis.store.SpatialSql.geoJson;
import static ir.parvaneh.command.gis.store.SpatialSql.intersects;
import static ir.parvaneh.command.gis.store.SpatialSql.point;
import static ir.parvaneh.command.jooq.layers.Tables.BOUNDARY;
import static ir.parvaneh.command.jooq.layers.Tables.LAYER_ACTIVATION;
import static ir.parvaneh.command.jooq.layers.Tables.PARCEL;
import static ir.parvaneh.command.jooq.command.Tables.MUNICIPALITY_SLUG;

/**
 * Finds parcels in the parcels layer in force on a day: by registry plate, by a point (a citizen's tap
 * on the map; the municipality is the one whose boundary in force holds the point), or by bounding box.
 */
@Component
@Transactional(readOnly = true)
public class ParcelLookup {

    public static final int MAX_BBOX_RESULTS = 1000;

    /** What a parcel summary is read from, in {@link #summary}'s order. */
    private static final List<SelectField<?>> SUMMARY = List.of(PARCEL.PLATE, PARCEL.RENOVATION_CODE, area(PARCEL.GEOM_UTM),
            centroidLatitude(PARCEL.GEOM), centroidLongitude(PARCEL.GEOM), geoJson(PARCEL.GEOM));

    private final DSLContext dsl;
    private final MunicipalitySlugs slugs;
    private final LayerVersionsInForce versionsInForce;

    ParcelLookup(DSLContext dsl, MunicipalitySlugs slugs, LayerVersionsInForce versionsInForce) {
        this.dsl = dsl;
        this.slugs = slugs;
        this.versionsInForce = versionsInForce;
    }

    public ParcelSummary byPlate(String slug, String plate, LocalDate day) {
        String normalized = Plate.normalize(plate);
        VersionInForce parcels = parcelsInForce(slug, day);
        return find(slug, parcels, day, PARCEL.PLATE.eq(normalized), 1).stream().findFirst()
                .orElseThrow(() -> noParcelWithPlate(slug, normalized, day));
    }

    public ParcelSummary atPoint(double latitude, double longitude, LocalDate day) {
        if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
            throw new DomainException(ErrorCode.COORDINATES_INVALID, "(" + latitude + ", " + longitude
                    + ") is not a latitude and longitude");
        }
        return inOneQuery(latitude, longitude, day).orElseThrow(() -> {
            // The one query found nothing: ask step by step, to say which step failed.
            String slug = municipalityAt(latitude, longitude, day);
            parcelsInForce(slug, day);
            return new DomainException(ErrorCode.PARCEL_NOT_FOUND, "No parcel of " + slug + " lies at ("
                    + latitude + ", " + longitude + ") on " + day);
        });
    }

    /**
     * A tap on the map is the commonest look-up, so it is one statement: the boundaries in force holding the
     * point, each municipality's parcels layer in force, and its parcel under the point.
     */
    private Optional<ParcelSummary> inOneQuery(double latitude, double longitude, LocalDate day) {
        var boundaries = inForce(LayerKind.BOUNDARY, day).asTable("boundaries");
        var parcels = inForce(LayerKind.PARCELS, day).asTable("parcels_in_force");
        Field<String> boundaryMunicipality = boundaries.field(LAYER_ACTIVATION.MUNICIPALITY_ID);
        Field<UUID> parcelsVersion = parcels.field(LAYER_ACTIVATION.VERSION_ID);
        List<SelectField<?>> fields = new ArrayList<>(SUMMARY);
        fields.addAll(List.of(MUNICIPALITY_SLUG.MUNICIPALITY_ID, MUNICIPALITY_SLUG.SLUG, parcelsVersion));
        return dsl.select(fields)
                .from(boundaries)
                .join(BOUNDARY).on(BOUNDARY.VERSION_ID.eq(boundaries.field(LAYER_ACTIVATION.VERSION_ID)))
                .join(parcels).on(parcels.field(LAYER_ACTIVATION.MUNICIPALITY_ID).eq(boundaryMunicipality))
                .join(PARCEL).on(PARCEL.VERSION_ID.eq(parcelsVersion))
                .join(MUNICIPALITY_SLUG).on(MUNICIPALITY_SLUG.MUNICIPALITY_ID.eq(boundaryMunicipality))
                .where(intersects(BOUNDARY.GEOM, point(latitude, longitude)))
                .and(intersects(PARCEL.GEOM, point(latitude, longitude)))
                .orderBy(MUNICIPALITY_SLUG.SLUG, PARCEL.PLATE)
                .limit(1)
                .fetchOptional(r -> summary(r.get(MUNICIPALITY_SLUG.MUNICIPALITY_ID), r.get(MUNICIPALITY_SLUG.SLUG),
                        new LayerVersionId(r.get(parcelsVersion)).toString(), day, r));
    }

    /** Each municipality's version of the layer in force on the day. */
    private Select<Record2<String, UUID>> inForce(LayerKind layer, LocalDate day) {
        return dsl.select(LAYER_ACTIVATION.MUNICIPALITY_ID, LAYER_ACTIVATION.VERSION_ID)
                .distinctOn(LAYER_ACTIVATION.MUNICIPALITY_ID)
                .from(LAYER_ACTIVATION)
                .where(LAYER_ACTIVATION.LAYER.eq(layer.path()))
                .and(LAYER_ACTIVATION.EFFECTIVE_FROM.le(day))
                .orderBy(LAYER_ACTIVATION.MUNICIPALITY_ID, LAYER_ACTIVATION.EFFECTIVE_FROM.desc(),
                        LAYER_ACTIVATION.ACTIVATION_NO.desc());
    }

    /** The parcels of the municipality touching the box, at most {@code limit} ({@value #MAX_BBOX_RESULTS}). */
    public List<ParcelSummary> inBox(String slug, double[] bbox, int limit, LocalDate day) {
        if (bbox.length != 4 || !(bbox[0] < bbox[2] && bbox[1] < bbox[3])
                || bbox[0] < -180 || bbox[2] > 180 || bbox[1] < -90 || bbox[3] > 90) {
            throw new DomainException(ErrorCode.BBOX_INVALID, "A bounding box is minLon,minLat,maxLon,maxLat in WGS 84");
        }
        if (limit < 1 || limit > MAX_BBOX_RESULTS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX_BBOX_RESULTS);
        }
        VersionInForce parcels = parcelsInForce(slug, day);
        return find(slug, parcels, day, intersects(PARCEL.GEOM, envelope(bbox[0], bbox[1], bbox[2], bbox[3])), limit);
    }

    /** A page of the plates in the parcels layer in force on the day, in plate order, and how many there are in all. */
    public record PlatePage(List<String> plates, int total) {
    }

    public PlatePage plates(String slug, LocalDate day, int offset, int limit) {
        VersionInForce parcels = parcelsInForce(slug, day);
        List<String> plates = dsl.select(PARCEL.PLATE).from(PARCEL)
                .where(PARCEL.VERSION_ID.eq(parcels.versionId()))
                .orderBy(PARCEL.PLATE)
                .offset(offset).limit(limit)
                .fetch(PARCEL.PLATE);
        int total = dsl.fetchCount(PARCEL, PARCEL.VERSION_ID.eq(parcels.versionId()));
        return new PlatePage(plates, total);
    }

    /** The municipality whose boundary in force on the day holds the point. */
    public String municipalityAt(double latitude, double longitude, LocalDate day) {
        var inForce = inForce(LayerKind.BOUNDARY, day).asTable("in_force");
        return dsl.select(MUNICIPALITY_SLUG.SLUG)
                .from(inForce)
                .join(BOUNDARY).on(BOUNDARY.VERSION_ID.eq(inForce.field(LAYER_ACTIVATION.VERSION_ID)))
                .join(MUNICIPALITY_SLUG).on(MUNICIPALITY_SLUG.MUNICIPALITY_ID.eq(inForce.field(LAYER_ACTIVATION.MUNICIPALITY_ID)))
                .where(intersects(BOUNDARY.GEOM, point(latitude, longitude)))
                .limit(1)
                .fetchOptional(MUNICIPALITY_SLUG.SLUG)
                .orElseThrow(() -> new DomainException(ErrorCode.PARCEL_NOT_FOUND, "(" + latitude + ", " + longitude
                        + ") lies inside no municipality's boundary in force on " + day));
    }

    VersionInForce parcelsInForce(String slug, LocalDate day) {
        String municipalityId = municipalityId(slug);
        return versionsInForce.on(municipalityId, LayerKind.PARCELS, day)
                .orElseThrow(() -> parcelsNotInForce(slug, day));
    }

    static DomainException parcelsNotInForce(String slug, LocalDate day) {
        return new DomainException(ErrorCode.LAYER_NOT_IN_FORCE, slug + " has no parcels layer in force on " + day)
                .with("layer", LayerKind.PARCELS.path());
    }

    static DomainException noParcelWithPlate(String slug, String normalizedPlate, LocalDate day) {
        return new DomainException(ErrorCode.PARCEL_NOT_FOUND, "No parcel with plate " + normalizedPlate + " in "
                + slug + "'s parcels in force on " + day).with("plate", normalizedPlate);
    }

    String municipalityId(String slug) {
        return slugs.require(slug).toString();
    }

    private List<ParcelSummary> find(String slug, VersionInForce parcels, LocalDate day, Condition where, int limit) {
        String municipalityId = municipalityId(slug);
        return dsl.select(SUMMARY)
                .from(PARCEL)
                .where(PARCEL.VERSION_ID.eq(parcels.versionId()))
                .and(where)
                .orderBy(PARCEL.PLATE)
                .limit(limit)
                .fetch(r -> summary(municipalityId, slug, parcels.versionIdText(), day, r));
    }

    /** A summary from a record whose first fields are {@link #SUMMARY}. */
    private static ParcelSummary summary(String municipalityId, String slug, String layerVersionId, LocalDate day,
                                         Record r) {
        return new ParcelSummary(municipalityId, slug, r.get(0, String.class), r.get(1, String.class),
                Rounding.centi(r.get(2, Double.class)), r.get(3, Double.class), r.get(4, Double.class),
                layerVersionId, day.toString(), r.get(5, String.class));
    }
}
