package ir.parvaneh.query.assessment;

import ir.parvaneh.query.jooq.query.tables.records.ZoningAssessmentRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;
import static ir.parvaneh.query.jooq.query.Tables.ZONING_ASSESSMENT;

/** Reads what an assessment's certificate prints: its row in {@code query.zoning_assessment} and its town's names. */
@Component
class CertificateReadModel {

    private final DSLContext dsl;

    CertificateReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An assessment with its municipality's names ({@code null} while the municipality is not projected). */
    record Row(ZoningAssessmentRecord assessment, String municipalityNameFa, String municipalityNameEn) {
    }

    Optional<Row> find(String assessmentId) {
        return dsl.select(ZONING_ASSESSMENT, MUNICIPALITY.NAME_FA, MUNICIPALITY.NAME_EN)
                .from(ZONING_ASSESSMENT)
                .leftJoin(MUNICIPALITY).on(MUNICIPALITY.SLUG.eq(ZONING_ASSESSMENT.MUNICIPALITY_SLUG))
                .where(ZONING_ASSESSMENT.ID.eq(assessmentId))
                .fetchOptional(r -> new Row(r.value1(), r.value2(), r.value3()));
    }
}
