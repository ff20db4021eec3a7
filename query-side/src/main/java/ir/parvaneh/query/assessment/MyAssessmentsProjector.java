package ir.parvaneh.query.assessment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.query.infrastructure.axon.ProcessorBatch;
import ir.parvaneh.query.infrastructure.jooq.ColumnArrays;
import ir.parvaneh.query.jooq.query.tables.records.ZoningAssessmentRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.serialization.Serializer;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static ir.parvaneh.query.jooq.query.Tables.ZONING_ASSESSMENT;

/**
 * Keeps {@code query.zoning_assessment}: each issued assessment with the subject who asked for it (from the event's
 * metadata), what a citizen's list shows and what deciding who may read its certificate needs. What the certificate
 * prints (the facts, the outcome, the verification code) is read from the event itself when asked for
 * ({@link CertificateReadModel}). An assessment is issued once and never changes, so a redelivery is simply ignored.
 * It shares the permit applications' processing group, so one reset rebuilds a citizen's whole status page.
 * <p>
 * The handler does not deserialise the event (20 KB, most of it the facts and the outcome): it reads the listed
 * fields from the payload as stored, skipping the rest, and the rows of a processor batch are written with one
 * insert at its prepare-commit, in the transaction that stores the processor's token.
 */
@Component
@ProcessingGroup("permit-applications")
class MyAssessmentsProjector {

    private static final String BATCH = MyAssessmentsProjector.class.getName() + ".batch";

    /** The listed fields of a {@link ZoningAssessmentIssued}, by its published names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Listed(String assessmentId, String municipalityId, String municipalitySlug, String plate,
                  String intendedUse, String asOf, String issuedOn, String validUntil, String rulebookVersion,
                  String rulebookSha256) {
    }

    private final DSLContext dsl;
    private final Serializer serializer;
    private final ObjectReader listed;

    MyAssessmentsProjector(DSLContext dsl, ObjectMapper json, @Qualifier("eventSerializer") Serializer serializer) {
        this.dsl = dsl;
        this.serializer = serializer;
        this.listed = json.readerFor(Listed.class);
    }

    @EventHandler(payloadType = ZoningAssessmentIssued.class)
    void on(EventMessage<?> message) {
        ZoningAssessmentRecord row = row(listed(message), message);
        ProcessorBatch.collect(BATCH, messages -> new ArrayList<ZoningAssessmentRecord>(), rows -> rows.add(row),
                this::write);
    }

    private Listed listed(EventMessage<?> message) {
        byte[] payload = message.serializePayload(serializer, byte[].class).getData();
        try {
            return listed.readValue(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Zoning assessment event " + message.getIdentifier() + " is not readable", e);
        }
    }

    private static ZoningAssessmentRecord row(Listed event, EventMessage<?> message) {
        Object requester = message.getMetaData().get(Actor.SUBJECT);
        Object requesterName = message.getMetaData().get(Actor.NAME);
        ZoningAssessmentRecord row = new ZoningAssessmentRecord();
        row.setId(event.assessmentId());
        row.setRequesterSubject(requester == null ? null : requester.toString());
        row.setMunicipalityId(event.municipalityId());
        row.setMunicipalitySlug(event.municipalitySlug());
        row.setPlate(event.plate());
        row.setIntendedUse(event.intendedUse());
        row.setIssuedOn(LocalDate.parse(event.issuedOn()));
        row.setValidUntil(LocalDate.parse(event.validUntil()));
        row.setRulebookVersion(event.rulebookVersion());
        row.setIssuedAt(message.getTimestamp().atOffset(ZoneOffset.UTC));
        row.setRequesterName(requesterName == null ? null : requesterName.toString());
        row.setAsOf(event.asOf() == null ? null : LocalDate.parse(event.asOf()));
        row.setRulebookSha256(event.rulebookSha256());
        return row;
    }

    private void write(List<ZoningAssessmentRecord> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ColumnArrays.insert(dsl, ZONING_ASSESSMENT, rows)
                .onConflict(ZONING_ASSESSMENT.ID).doNothing()
                .execute();
    }

    @ResetHandler
    void reset() {
        dsl.truncate(ZONING_ASSESSMENT).execute();
    }
}
