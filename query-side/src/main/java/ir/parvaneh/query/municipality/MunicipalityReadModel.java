package ir.parvaneh.query.municipality;

import ir.parvaneh.kernel.municipality.MunicipalityQueries.Contact;
import ir.parvaneh.kernel.municipality.MunicipalityQueries.FindMunicipalities;
import ir.parvaneh.kernel.municipality.MunicipalityQueries.GetMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityQueries.MunicipalitySummary;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.query.infrastructure.postgis.PostGis;
import ir.parvaneh.query.jooq.query.tables.records.MunicipalityRecord;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;

/** Answers the municipality queries from {@code query.municipality}. */
@Component
class MunicipalityReadModel {

    /** ICU's Persian collation: پ چ ژ گ sort where a Persian reader expects them. */
    private static final String PERSIAN_COLLATION = "fa-x-icu";

    private final DSLContext dsl;

    MunicipalityReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    @QueryHandler
    FindMunicipalities.Result find(FindMunicipalities query) {
        List<Condition> conditions = new ArrayList<>();
        if (query.text() != null && !query.text().isBlank()) {
            conditions.add(MUNICIPALITY.NAME_SEARCH.contains(PersianText.searchKey(query.text())));
        }
        if (query.status() != null && !query.status().isBlank()) {
            conditions.add(MUNICIPALITY.STATUS.eq(query.status()));
        }
        Field<Double> distance = DSL.inline((Double) null, Double.class);
        if (query.nearLatitude() != null && query.nearLongitude() != null) {
            Point near = PostGis.point(query.nearLatitude(), query.nearLongitude());
            distance = PostGis.distanceMetres(MUNICIPALITY.CENTROID, near);
        }
        Field<Double> distanceMetres = distance.as("distance_metres");
        return new FindMunicipalities.Result(dsl.select(MUNICIPALITY.asterisk(), distanceMetres)
                .from(MUNICIPALITY)
                .where(conditions)
                .orderBy(query.nearLatitude() != null && query.nearLongitude() != null
                        ? distanceMetres.asc() : MUNICIPALITY.NAME_FA.collate(PERSIAN_COLLATION).asc(),
                        MUNICIPALITY.SLUG)
                .fetch(r -> summary(r.into(MUNICIPALITY), r.get(distanceMetres))));
    }

    @QueryHandler
    GetMunicipality.Result get(GetMunicipality query) {
        return new GetMunicipality.Result(dsl.selectFrom(MUNICIPALITY)
                .where(MUNICIPALITY.ID.eq(query.idOrSlug()).or(MUNICIPALITY.SLUG.eq(query.idOrSlug())))
                .fetchOptional(r -> summary(r, null))
                .orElse(null));
    }

    private static MunicipalitySummary summary(MunicipalityRecord r, Double distanceMetres) {
        Point centroid = (Point) r.getCentroid();
        Contact contact = new Contact(r.getContactPhone(), r.getContactEmail(), r.getContactWebsite(),
                r.getContactAddress());
        return new MunicipalitySummary(r.getId(), r.getSlug(), r.getNameFa(), r.getNameEn(), centroid.getY(),
                centroid.getX(), r.getProgrammePhase(), r.getStatus(), r.getSuspensionReason(), contact,
                r.getRegisteredAt().toInstant(), r.getUpdatedAt().toInstant(),
                distanceMetres == null ? null : Math.round(distanceMetres / 100.0) / 10.0);
    }
}
