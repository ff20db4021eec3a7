package ir.parvaneh.command.gis.lookup;

import ir.parvaneh.command.gis.lookup.FrontageGeometry.MainFrontage;
import ir.parvaneh.command.gis.lookup.FrontageGeometry.Passage;
import ir.parvaneh.command.gis.store.LayerVersionsInForce;
import ir.parvaneh.command.gis.store.LayerVersionsInForce.VersionInForce;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.gis.ParcelFacts.Frontage;
import ir.parvaneh.kernel.gis.ParcelFacts.LayerVersionUsed;
import ir.parvaneh.kernel.gis.ParcelFacts.MissingFact;
import ir.parvaneh.kernel.gis.ParcelFacts.OverlayHit;
import ir.parvaneh.kernel.gis.ParcelFacts.ZoneShare;
import ir.parvaneh.kernel.gis.Plate;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Record3;
import org.jooq.Record9;
import org.jooq.Result;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static ir.parvaneh.command.gis.store.SpatialSql.centroidLatitude;
import static ir.parvaneh.command.gis.store.SpatialSql.centroidLongitude;
import static ir.parvaneh.command.gis.store.SpatialSql.containsInteriorPointOf;
import static ir.parvaneh.command.gis.store.SpatialSql.intersectionArea;
import static ir.parvaneh.command.gis.store.SpatialSql.intersects;
import static ir.parvaneh.command.gis.store.SpatialSql.withinDistance;
import static ir.parvaneh.command.gis.store.SpatialSql.wkb;
import static ir.parvaneh.command.gis.store.SpatialSql.wkt;
import static ir.parvaneh.command.jooq.layers.Tables.OVERLAY;
import static ir.parvaneh.command.jooq.layers.Tables.PARCEL;
import static ir.parvaneh.command.jooq.layers.Tables.PASSAGE;
import static ir.parvaneh.command.jooq.layers.Tables.PRICE_BLOCK;
import static ir.parvaneh.command.jooq.layers.Tables.ZONE;
import static ir.parvaneh.command.gis.lookup.Rounding.centi;
import static ir.parvaneh.command.gis.store.SpatialSql.wkbHex;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

/**
 * Computes a parcel's derived facts from the layer versions in force on a day, in UTM 39N: area,
 * frontages and the widest adjacent passage, depth and orientation, zone shares, overlays and the
 * regional price P. A fact the layers cannot give is left empty and listed with its reason.
 */
@Component
@Transactional(readOnly = true)
public class ParcelFactsCalculator {

    /** Passages are looked for this far from the parcel: half the widest legal width (45 m) and more. */
    private static final double PASSAGE_SEARCH_M = 30;
    /**
     * A piece of a zone (or of the parcel left outside every zone) smaller than this is a digitisation
     * sliver, not zoning: where a zone's edge follows a parcel's edge, the two were rounded separately
     * (GeoJSON coordinates, reprojection) and overlap by centimetres. In the demo province's Takestan one
     * parcel in eleven had such a second "zone" of under 0.4 m², while real splits start at several m².
     */
    static final double SLIVER_M2 = 1.0;
    private static final java.util.UUID NO_VERSION = new java.util.UUID(0, 0);

    private final DSLContext dsl;
    private final ParcelLookup lookup;
    private final LayerVersionsInForce versionsInForce;

    ParcelFactsCalculator(DSLContext dsl, ParcelLookup lookup, LayerVersionsInForce versionsInForce) {
        this.dsl = dsl;
        this.lookup = lookup;
        this.versionsInForce = versionsInForce;
    }

    public ParcelFacts ofPlate(String slug, String plate, LocalDate day) {
        return ofPlate(slug, plate, day, versionsInForce.allOn(lookup.municipalityId(slug), day));
    }

    /**
     * The facts from the given layer versions rather than those in force: how a recorded assessment's facts
     * are computed again from exactly the versions it names.
     */
    public ParcelFacts ofPlate(String slug, String plate, LocalDate day, Map<LayerKind, VersionInForce> inForce) {
        String normalized = Plate.normalize(plate);
        String municipalityId = lookup.municipalityId(slug);
        VersionInForce parcels = Optional.ofNullable(inForce.get(LayerKind.PARCELS))
                .orElseThrow(() -> ParcelLookup.parcelsNotInForce(slug, day));
        // One statement: the parcel and, beside it, what each other layer in force says about it.
        VersionInForce passages = inForce.get(LayerKind.PASSAGES);
        VersionInForce zoning = inForce.get(LayerKind.ZONES);
        VersionInForce overlayLayer = inForce.get(LayerKind.OVERLAYS);
        VersionInForce prices = inForce.get(LayerKind.PRICE_BLOCKS);
        Field<Result<Record3<String, BigDecimal, String>>> passagesNear = multiset(
                select(PASSAGE.NAME, PASSAGE.WIDTH_M, wkbHex(PASSAGE.GEOM_UTM)).from(PASSAGE)
                        .where(PASSAGE.VERSION_ID.eq(versionOrNone(passages)))
                        .and(withinDistance(PASSAGE.GEOM_UTM, PARCEL.GEOM_UTM, PASSAGE_SEARCH_M))
                        .orderBy(PASSAGE.FEATURE_INDEX)).as("passages");
        Field<Double> zoneOverlap = sum(intersectionArea(ZONE.GEOM_UTM, PARCEL.GEOM_UTM)).cast(Double.class);
        Field<Result<Record2<String, Double>>> zonePieces = multiset(
                select(ZONE.ZONE_CODE, zoneOverlap).from(ZONE)
                        .where(ZONE.VERSION_ID.eq(versionOrNone(zoning)))
                        .and(intersects(ZONE.GEOM_UTM, PARCEL.GEOM_UTM))
                        .groupBy(ZONE.ZONE_CODE)
                        .orderBy(zoneOverlap.desc(), ZONE.ZONE_CODE)).as("zones");
        Field<Result<Record9<String, String, String, Integer, BigDecimal, BigDecimal, String, String, Double>>> overlayHits = multiset(
                select(OVERLAY.OVERLAY_CODE, OVERLAY.KIND, OVERLAY.PRECEDENCE, OVERLAY.MAX_FLOORS, OVERLAY.MAX_HEIGHT_M,
                        OVERLAY.SETBACK_M, OVERLAY.REPLACEMENT_ZONE, OVERLAY.DESCRIPTION,
                        intersectionArea(OVERLAY.GEOM_UTM, PARCEL.GEOM_UTM)).from(OVERLAY)
                        .where(OVERLAY.VERSION_ID.eq(versionOrNone(overlayLayer)))
                        .and(intersects(OVERLAY.GEOM_UTM, PARCEL.GEOM_UTM))
                        .orderBy(OVERLAY.FEATURE_INDEX)).as("overlays");
        Field<Result<Record2<Long, String>>> priceBlocks = multiset(
                select(PRICE_BLOCK.PRICE_RIALS_PER_M2, PRICE_BLOCK.BLOCK_CODE).from(PRICE_BLOCK)
                        .where(PRICE_BLOCK.VERSION_ID.eq(versionOrNone(prices)))
                        .and(containsInteriorPointOf(PRICE_BLOCK.GEOM_UTM, PARCEL.GEOM_UTM))
                        .orderBy(PRICE_BLOCK.FEATURE_INDEX)
                        .limit(1)).as("price");
        Record parcel = dsl.select(PARCEL.RENOVATION_CODE, wkb(PARCEL.GEOM_UTM), wkt(PARCEL.GEOM),
                        centroidLatitude(PARCEL.GEOM), centroidLongitude(PARCEL.GEOM), passagesNear, zonePieces,
                        overlayHits, priceBlocks)
                .from(PARCEL)
                .where(PARCEL.VERSION_ID.eq(parcels.versionId()))
                .and(PARCEL.PLATE.eq(normalized))
                .fetchOptional()
                .orElseThrow(() -> ParcelLookup.noParcelWithPlate(slug, normalized, day));
        byte[] parcelWkb = parcel.get(1, byte[].class);
        Geometry shape = read(parcelWkb);
        double area = shape.getArea();
        List<MissingFact> missing = new ArrayList<>();
        List<LayerVersionUsed> used = new ArrayList<>();
        used.add(used(parcels));

        List<FrontageGeometry.Frontage> frontages = List.of();
        if (passages == null) {
            missing.add(notInForce("frontages", LayerKind.PASSAGES, day));
        } else {
            used.add(used(passages));
            frontages = FrontageGeometry.frontages(shape, parcel.get(passagesNear).map(r ->
                    new Passage(r.value1(), r.value2().doubleValue(), read(WKBReader.hexToBytes(r.value3())))));
            if (frontages.isEmpty()) {
                missing.add(new MissingFact("frontages", "No passage's centre line lies within half its legal width plus "
                        + FrontageGeometry.TOLERANCE_M + " m of the parcel's edges: the layers record no access"));
            }
        }
        Optional<MainFrontage> main = FrontageGeometry.main(shape, frontages);

        List<ZoneShare> zones = List.of();
        double unzonedShare = 100.0;
        if (zoning == null) {
            missing.add(notInForce("zones", LayerKind.ZONES, day));
        } else {
            used.add(used(zoning));
            List<ZoneShare> pieces = parcel.get(zonePieces).stream()
                    .map(r -> new ZoneShare(r.value1(), centi(r.value2()), centi(100 * r.value2() / area)))
                    .filter(z -> z.areaM2() > 0).toList();
            double zonedArea = pieces.stream().mapToDouble(ZoneShare::areaM2).sum();
            zones = pieces.stream().filter(zone -> zone.areaM2() >= SLIVER_M2).toList();
            if (zones.isEmpty()) {
                missing.add(new MissingFact("zones", "No zone of the zones layer covers more than a sliver ("
                        + SLIVER_M2 + " m²) of the parcel"));
            } else {
                unzonedShare = area - zonedArea < SLIVER_M2 ? 0.0 : centi(100 * (area - zonedArea) / area);
            }
        }

        List<OverlayHit> overlays = List.of();
        if (overlayLayer == null) {
            missing.add(notInForce("overlays", LayerKind.OVERLAYS, day));
        } else {
            used.add(used(overlayLayer));
            overlays = parcel.get(overlayHits).map(r -> new OverlayHit(r.value1(), r.value2(), r.value3(), r.value4(),
                    decimal(r.value5()), decimal(r.value6()), r.value7(), r.value8(), centi(100 * r.value9() / area)));
        }

        Long price = null;
        String priceBlock = null;
        if (prices == null) {
            missing.add(notInForce("priceRialsPerM2", LayerKind.PRICE_BLOCKS, day));
        } else {
            used.add(used(prices));
            Result<Record2<Long, String>> block = parcel.get(priceBlocks);
            if (block.isEmpty()) {
                missing.add(new MissingFact("priceRialsPerM2", "No price block holds the parcel's interior point"));
            } else {
                price = block.get(0).value1();
                priceBlock = block.get(0).value2();
            }
        }

        return new ParcelFacts(municipalityId, normalized, parcel.get(0, String.class), day.toString(),
                parcel.get(2, String.class), parcel.get(3, Double.class), parcel.get(4, Double.class), centi(area),
                frontages.stream().map(f -> new Frontage(f.passage().name(), f.passage().widthM(), centi(f.lengthM()))).toList(),
                main.map(m -> m.frontage().passage().widthM()).orElse(null),
                main.map(m -> centi(m.frontage().lengthM())).orElse(null),
                main.map(m -> centi(m.depthM())).orElse(null),
                main.map(MainFrontage::side).orElse(null),
                main.map(m -> centi(m.bearingDegrees())).orElse(null),
                main.map(m -> northSide(m.side())).orElse(null),
                zones, unzonedShare,
                overlays, price, priceBlock, used, missing);
    }

    /** The version's id, or one that no row has when the layer is not in force (its sub-select is then empty). */
    private static java.util.UUID versionOrNone(VersionInForce version) {
        return version == null ? NO_VERSION : version.versionId();
    }

    private static Double decimal(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static String northSide(String frontageSide) {
        return switch (frontageSide) {
            case "NORTH" -> "FRONTAGE";
            case "SOUTH" -> "REAR";
            default -> "FLANK";
        };
    }

    private static MissingFact notInForce(String fact, LayerKind layer, LocalDate day) {
        return new MissingFact(fact, "No " + layer.path() + " layer is in force on " + day);
    }

    private static LayerVersionUsed used(VersionInForce version) {
        return new LayerVersionUsed(version.layer().path(), version.versionIdText(), version.sha256(),
                version.effectiveFrom().toString());
    }

    private static Geometry read(byte[] wkb) {
        try {
            return new WKBReader().read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKB", e);
        }
    }
}
