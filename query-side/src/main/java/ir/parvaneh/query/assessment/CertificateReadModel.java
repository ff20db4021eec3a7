package ir.parvaneh.query.assessment;

import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.query.infrastructure.axon.StoredEvents;
import ir.parvaneh.query.jooq.query.tables.records.ZoningAssessmentRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;
import static ir.parvaneh.query.jooq.query.Tables.ZONING_ASSESSMENT;

/**
 * Reads what an assessment's certificate prints: its row in {@code query.zoning_assessment} (who may read it, what
 * identifies it), its town's names, and the recorded event itself from the event store (the parcel's facts and the
 * outcome, from which the verification code is derived). Recorded events never change, so the certificate of an
 * assessment is the same whenever it is asked for, and does not depend on when its row was projected.
 */
@Component
class CertificateReadModel {

    private final DSLContext dsl;
    private final StoredEvents storedEvents;

    CertificateReadModel(DSLContext dsl, StoredEvents storedEvents) {
        this.dsl = dsl;
        this.storedEvents = storedEvents;
    }

    /**
     * An assessment with its municipality's names ({@code null} while the municipality is not projected) and its
     * recorded event ({@code null} if the event store does not hold it).
     */
    record Row(ZoningAssessmentRecord assessment, String municipalityNameFa, String municipalityNameEn,
               ZoningAssessmentIssued issued) {

        /** Whether the recorded event carries what a certificate prints (events recorded before it did do not). */
        boolean printable() {
            return issued != null && issued.facts() != null && issued.outcome() != null;
        }

        /** The code printed on the certificate and shown by its public check; {@code null} if not printable. */
        String verificationCode() {
            return printable() ? VerificationCode.of(issued) : null;
        }
    }

    /** The assessment's row and names, without reading its event (enough to decide who may read it). */
    Optional<Row> find(String assessmentId) {
        return dsl.select(ZONING_ASSESSMENT, MUNICIPALITY.NAME_FA, MUNICIPALITY.NAME_EN)
                .from(ZONING_ASSESSMENT)
                .leftJoin(MUNICIPALITY).on(MUNICIPALITY.SLUG.eq(ZONING_ASSESSMENT.MUNICIPALITY_SLUG))
                .where(ZONING_ASSESSMENT.ID.eq(assessmentId))
                .fetchOptional(r -> new Row(r.value1(), r.value2(), r.value3(), null));
    }

    /** The same row with the assessment's recorded event, read from the event store. */
    Row withEvent(Row row) {
        ZoningAssessmentIssued issued = storedEvents.of(row.assessment().getId()).stream()
                .map(message -> message.getPayload())
                .filter(ZoningAssessmentIssued.class::isInstance)
                .map(ZoningAssessmentIssued.class::cast)
                .findFirst()
                .orElse(null);
        return new Row(row.assessment(), row.municipalityNameFa(), row.municipalityNameEn(), issued);
    }
}
