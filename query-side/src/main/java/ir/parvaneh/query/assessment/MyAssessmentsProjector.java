package ir.parvaneh.query.assessment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.query.infrastructure.axon.ProcessorBatch;
import ir.parvaneh.query.infrastructure.axon.StoredEvents;
import ir.parvaneh.query.infrastructure.jooq.ColumnArrays;
import ir.parvaneh.query.jooq.query.tables.records.ZoningAssessmentRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.jooq.DSLContext;
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
 * top-level fields from the payload as stored and stops once it has them all (the event writes them before the facts
 * and the outcome; in another order it reads on, skipping what it does not list), and the rows of a processor batch
 * are written with one insert at its prepare-commit, in the transaction that stores the processor's token.
 */
@Component
@ProcessingGroup("permit-applications")
class MyAssessmentsProjector {

    private static final String BATCH = MyAssessmentsProjector.class.getName() + ".batch";

    /** The listed fields of a {@link ZoningAssessmentIssued}, by its published names. */
    record Listed(String assessmentId, String municipalityId, String municipalitySlug, String plate,
                  String intendedUse, String asOf, String issuedOn, String validUntil, String rulebookVersion,
                  String rulebookSha256) {

        private static final List<String> NAMES = List.of("assessmentId", "municipalityId", "municipalitySlug",
                "plate", "intendedUse", "asOf", "issuedOn", "validUntil", "rulebookVersion", "rulebookSha256");

        /** Reads the listed top-level string members of a stored payload, stopping once it has seen all of them. */
        static Listed read(byte[] payload) throws IOException {
            String[] values = new String[NAMES.size()];
            int seen = 0;
            try (JsonParser parser = JSON.createParser(payload)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("A zoning assessment event is a JSON object");
                }
                for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME && seen < values.length;
                     token = parser.nextToken()) {
                    int index = NAMES.indexOf(parser.currentName());
                    JsonToken value = parser.nextToken();
                    if (index < 0) {
                        parser.skipChildren();
                        continue;
                    }
                    if (values[index] == null) {
                        seen++;
                    }
                    values[index] = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                    if (values[index] == null && value != JsonToken.VALUE_NULL) {
                        throw new IOException(NAMES.get(index) + " is not a string");
                    }
                }
            }
            return new Listed(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
                    values[8], values[9]);
        }
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final DSLContext dsl;
    private final StoredEvents storedEvents;

    MyAssessmentsProjector(DSLContext dsl, StoredEvents storedEvents) {
        this.dsl = dsl;
        this.storedEvents = storedEvents;
    }

    @EventHandler(payloadType = ZoningAssessmentIssued.class)
    void on(EventMessage<?> message) {
        ZoningAssessmentRecord row = row(listed(message), message);
        ProcessorBatch.collect(BATCH, messages -> new ArrayList<ZoningAssessmentRecord>(), rows -> rows.add(row),
                this::write);
    }

    private Listed listed(EventMessage<?> message) {
        byte[] payload = storedEvents.payload(message).getData();
        try {
            return Listed.read(payload);
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
