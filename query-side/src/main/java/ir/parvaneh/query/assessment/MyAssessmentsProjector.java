package ir.parvaneh.query.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.identity.Actor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static ir.parvaneh.query.jooq.query.Tables.ZONING_ASSESSMENT;

/**
 * Keeps {@code query.zoning_assessment}: each issued assessment with the subject who asked for it (from the event's
 * metadata), and what its certificate prints (facts, outcome, verification code). An assessment is issued once and never changes, so a redelivery is simply ignored. It shares the
 * permit applications' processing group, so one reset rebuilds a citizen's whole status page.
 */
@Component
@ProcessingGroup("permit-applications")
class MyAssessmentsProjector {

    private final DSLContext dsl;
    private final ObjectMapper json;

    MyAssessmentsProjector(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    @EventHandler
    void on(ZoningAssessmentIssued event, @Timestamp Instant at, MetaData metaData) {
        Object requester = metaData.get(Actor.SUBJECT);
        Object requesterName = metaData.get(Actor.NAME);
        dsl.insertInto(ZONING_ASSESSMENT)
                .set(ZONING_ASSESSMENT.ID, event.assessmentId())
                .set(ZONING_ASSESSMENT.REQUESTER_SUBJECT, requester == null ? null : requester.toString())
                .set(ZONING_ASSESSMENT.MUNICIPALITY_ID, event.municipalityId())
                .set(ZONING_ASSESSMENT.MUNICIPALITY_SLUG, event.municipalitySlug())
                .set(ZONING_ASSESSMENT.PLATE, event.plate())
                .set(ZONING_ASSESSMENT.INTENDED_USE, event.intendedUse())
                .set(ZONING_ASSESSMENT.ISSUED_ON, LocalDate.parse(event.issuedOn()))
                .set(ZONING_ASSESSMENT.VALID_UNTIL, LocalDate.parse(event.validUntil()))
                .set(ZONING_ASSESSMENT.RULEBOOK_VERSION, event.rulebookVersion())
                .set(ZONING_ASSESSMENT.ISSUED_AT, at.atOffset(ZoneOffset.UTC))
                .set(ZONING_ASSESSMENT.REQUESTER_NAME, requesterName == null ? null : requesterName.toString())
                .set(ZONING_ASSESSMENT.AS_OF, event.asOf() == null ? null : LocalDate.parse(event.asOf()))
                .set(ZONING_ASSESSMENT.RULEBOOK_SHA256, event.rulebookSha256())
                .set(ZONING_ASSESSMENT.FACTS, toJson(event.facts()))
                .set(ZONING_ASSESSMENT.OUTCOME, toJson(event.outcome()))
                // An event without facts or outcome cannot be printed: it is still listed, and its certificate
                // answers "not ready" instead of failing the whole projection on it.
                .set(ZONING_ASSESSMENT.VERIFICATION_CODE,
                        event.facts() == null || event.outcome() == null ? null : VerificationCode.of(event))
                .onConflict(ZONING_ASSESSMENT.ID).doNothing()
                .execute();
    }

    private JSONB toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSONB.valueOf(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's own records always serialise", e);
        }
    }

    @ResetHandler
    void reset() {
        dsl.truncate(ZONING_ASSESSMENT).execute();
    }
}
