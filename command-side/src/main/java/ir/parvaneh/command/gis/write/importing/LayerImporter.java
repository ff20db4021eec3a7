package ir.parvaneh.command.gis.write.importing;

import ir.parvaneh.command.gis.store.LayerVersionsInForce;
import ir.parvaneh.command.gis.store.LayerVersionsInForce.VersionInForce;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerCatalogueId;
import ir.parvaneh.kernel.gis.LayerCommands.RecordLayerVersion;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.LayerVersionId;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.time.IranTime;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.io.InputStream;
import java.time.Clock;
import java.util.UUID;

import static ir.parvaneh.command.jooq.layers.Tables.BOUNDARY;
import static ir.parvaneh.kernel.identity.ActorRules.MayAdministerMunicipality;
import static ir.parvaneh.kernel.identity.ActorRules.ServesMunicipality;

/**
 * Imports a GeoJSON FeatureCollection as a new, immutable version of one layer of one municipality:
 * all or nothing, in one transaction. Features are checked as they stream in (geometry type, emptiness,
 * validity, required and well-formed attributes, unique plates), stored, then checked together against
 * the municipality's boundary in force (Iran's extent for the boundary itself); only then is the version
 * recorded by the {@code LayerCatalogue}. Any refusal rolls back every row, and no event is stored.
 */
@Service
public class LayerImporter {

    /** Iran, generously: where a municipality's boundary may lie (WGS 84). */
    private static final double[] IRAN = {44.0, 25.0, 63.5, 40.0};

    private final DSLContext dsl;
    private final ActingCommands commands;
    private final MunicipalitySlugs slugs;
    private final LayerVersionsInForce versionsInForce;
    private final Clock clock;
    private final long maxUploadBytes;

    LayerImporter(DSLContext dsl, ActingCommands commands, MunicipalitySlugs slugs, LayerVersionsInForce versionsInForce,
                  Clock clock, @Value("${parvaneh.layers.max-upload-size:512MB}") DataSize maxUploadSize) {
        this.dsl = dsl;
        this.commands = commands;
        this.slugs = slugs;
        this.versionsInForce = versionsInForce;
        this.clock = clock;
        this.maxUploadBytes = maxUploadSize.toBytes();
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /**
     * Imports the file as a new version of the layer (not yet in force).
     *
     * @param declaredCrs the CRS the request declares ({@code EPSG:32639}), or {@code null}: then the file's
     *                    {@code crs} member, or WGS 84 longitude/latitude when it has none
     */
    @Transactional
    public ImportedLayerVersion importLayer(String slug, LayerKind layer, InputStream geoJson, String declaredCrs,
                                            Actor actor) {
        new MayAdministerMunicipality(actor).verify();
        new ServesMunicipality(actor, slug).verify();
        MunicipalityId municipality = slugs.require(slug);
        VersionInForce boundary = layer == LayerKind.BOUNDARY ? null
                : versionsInForce.on(municipality.toString(), LayerKind.BOUNDARY, IranTime.today(clock))
                .orElseThrow(() -> new DomainException(ErrorCode.LAYER_BOUNDARY_NOT_IN_FORCE,
                        slug + " has no boundary in force today: import its boundary and put it in force first"));

        LayerSchema schema = LayerSchema.of(layer);
        LayerVersionId versionId = LayerVersionId.random();
        LayerVersionWriter writer = new LayerVersionWriter(dsl, schema, versionId.value());
        SourceCrs[] crs = new SourceCrs[1];
        GeoJsonFeatureStream.read(new UploadLimit(geoJson, maxUploadBytes), fileCrs -> {
            crs[0] = sourceCrs(declaredCrs, fileCrs);
            writer.begin(crs[0]);
        }, writer::accept);
        LayerVersionWriter.Result written = writer.finish();
        if (written.featureCount() == 0) {
            throw new DomainException(ErrorCode.LAYER_IMPORT_EMPTY, "The FeatureCollection holds no features");
        }
        checkExtent(schema, versionId.value(), boundary);
        Record4<Double, Double, Double, Double> extent = extent(schema, versionId.value());

        commands.send(new RecordLayerVersion(LayerCatalogueId.of(municipality), municipality, slug, layer, versionId,
                written.sha256(), written.featureCount(), crs[0].name(),
                extent.value1(), extent.value2(), extent.value3(), extent.value4()), actor);
        return new ImportedLayerVersion(municipality.toString(), layer.path(), versionId.toString(), written.sha256(),
                written.featureCount(), crs[0].name());
    }

    private SourceCrs sourceCrs(String declared, String inFile) {
        SourceCrs crs = declared != null && !declared.isBlank() ? SourceCrs.parse(declared)
                : inFile != null ? SourceCrs.parse(inFile) : SourceCrs.WGS84;
        boolean known = dsl.fetchExists(DSL.table(DSL.name("public", "spatial_ref_sys")),
                DSL.field(DSL.name("srid"), Integer.class).eq(crs.srid()));
        if (!known) {
            throw new DomainException(ErrorCode.LAYER_IMPORT_UNKNOWN_CRS, crs.name() + " is not a CRS PostGIS knows")
                    .with("crs", crs.name());
        }
        return crs;
    }

    /** Every feature must lie inside the boundary in force (the boundary itself inside Iran). */
    private void checkExtent(LayerSchema schema, UUID versionId, VersionInForce boundary) {
        Table<?> table = schema.table();
        Field<?> geom = schema.geometryColumn();
        Condition outside = boundary == null
                ? DSL.condition("NOT ST_CoveredBy({0}, ST_MakeEnvelope({1}, {2}, {3}, {4}, 4326))", geom,
                DSL.inline(IRAN[0]), DSL.inline(IRAN[1]), DSL.inline(IRAN[2]), DSL.inline(IRAN[3]))
                : DSL.condition("NOT ST_CoveredBy({0}, {1})", geom, DSL.field(
                DSL.select(DSL.field("ST_Union({0})", Object.class, BOUNDARY.GEOM)).from(BOUNDARY)
                        .where(BOUNDARY.VERSION_ID.eq(boundary.versionId()))));
        Integer first = dsl.select(DSL.min(schema.featureIndexColumn())).from(table)
                .where(table.field("version_id", UUID.class).eq(versionId))
                .and(outside)
                .fetchOne(0, Integer.class);
        if (first != null) {
            throw FeatureRejection.at(first, ErrorCode.LAYER_IMPORT_OUTSIDE_EXTENT, boundary == null
                    ? "the boundary lies outside Iran; check the coordinates and the declared CRS"
                    : "the feature lies outside the municipality's boundary in force (" + boundary.versionIdText() + ")");
        }
    }

    private Record4<Double, Double, Double, Double> extent(LayerSchema schema, UUID versionId) {
        Field<?> geom = schema.geometryColumn();
        return dsl.select(
                        DSL.field("ST_XMin(ST_Extent({0}))", Double.class, geom),
                        DSL.field("ST_YMin(ST_Extent({0}))", Double.class, geom),
                        DSL.field("ST_XMax(ST_Extent({0}))", Double.class, geom),
                        DSL.field("ST_YMax(ST_Extent({0}))", Double.class, geom))
                .from(schema.table())
                .where(schema.table().field("version_id", UUID.class).eq(versionId))
                .fetchSingle();
    }
}
