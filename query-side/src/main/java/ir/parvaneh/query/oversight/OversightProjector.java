package ir.parvaneh.query.oversight;

import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.query.infrastructure.axon.ProcessorBatch;
import ir.parvaneh.query.infrastructure.jooq.ColumnArrays;
import ir.parvaneh.query.jooq.query.tables.records.OversightApplicationRecord;
import ir.parvaneh.query.jooq.query.tables.records.OversightFactRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ir.parvaneh.query.jooq.query.Tables.OVERSIGHT_APPLICATION;
import static ir.parvaneh.query.jooq.query.Tables.OVERSIGHT_FACT;

/**
 * Projects the permit events into oversight's facts ({@code query.oversight_application}, {@code oversight_fact}).
 *
 * <p>Idempotent: a fact is keyed by its application and the event's sequence number and never changes, so a
 * redelivered or replayed event is an insert that does nothing. Within a batch of the pooled processor the rows are
 * collected and written as one multi-row insert per table just before the batch commits, in the transaction that
 * also stores the token. A handler only maps its event: a payload it cannot map is parked in the dead-letter queue
 * (with the rest of its application's events); a failing insert rolls the whole batch back, token included, and the
 * processor retries it.
 */
@Component
@ProcessingGroup(OversightProjector.PROCESSING_GROUP)
class OversightProjector {

    static final String PROCESSING_GROUP = "oversight";

    private static final String BATCH = OversightProjector.class.getName() + ".batch";

    private final DSLContext dsl;

    OversightProjector(DSLContext dsl) {
        this.dsl = dsl;
    }

    @EventHandler
    void on(PermitApplicationEvent event, @SequenceNumber Long sequence, @Timestamp Instant at, TrackingToken token) {
        var fact = FactOf.of(event);
        if (fact.isEmpty()) {
            return;
        }
        long position = token == null ? -1 : token.position().orElse(-1);
        if (position < 0) {
            throw new IllegalStateException("Oversight needs the event's global position: " + token);
        }
        ProcessorBatch.collect(BATCH, messages -> new Rows(), rows -> add(rows, event, sequence, at, position, fact.get()),
                Rows::write);
    }

    private void add(Rows rows, PermitApplicationEvent event, long sequence, Instant at, long position, FactOf f) {
        if (event instanceof PermitApplicationSubmitted submitted) {
            OversightApplicationRecord application = new OversightApplicationRecord();
            application.setApplicationId(submitted.applicationId());
            application.setMunicipalityId(submitted.municipalityId());
            application.setMunicipalitySlug(submitted.municipalitySlug());
            application.setSubmittedAt(at.atOffset(ZoneOffset.UTC));
            rows.applications.put(submitted.applicationId(), application);
        }
        OversightFactRecord row = new OversightFactRecord();
        row.setApplicationId(event.applicationId());
        row.setSequence(sequence);
        row.setPosition(position);
        row.setKind(f.kind());
        row.setOccurredAt(at.atOffset(ZoneOffset.UTC));
        row.setMonth(JalaliMonth.of(at).toString());
        row.setStage(f.stage() == null ? null : f.stage().name());
        row.setActorSubject(f.actorSubject());
        row.setDiscretionary(f.discretionary());
        row.setDecisionKind(f.decisionKind());
        row.setLegalBasisCode(f.legalBasisCode());
        row.setReasonGiven(f.reasonGiven());
        row.setAmountRials(f.amountRials());
        rows.facts.put(event.applicationId() + "#" + sequence, row);
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        dsl.truncate(OVERSIGHT_FACT).execute();
        dsl.truncate(OVERSIGHT_APPLICATION).execute();
    }

    /** The rows of the current batch, written once when it prepares to commit (or at once outside a batch). */
    private final class Rows {
        final Map<String, OversightApplicationRecord> applications = new LinkedHashMap<>();
        final Map<String, OversightFactRecord> facts = new LinkedHashMap<>();

        void write() {
            insertIgnoringExisting(OVERSIGHT_APPLICATION, new ArrayList<>(applications.values()));
            insertIgnoringExisting(OVERSIGHT_FACT, new ArrayList<>(facts.values()));
            applications.clear();
            facts.clear();
        }
    }

    private <R extends TableRecord<R>> void insertIgnoringExisting(Table<R> table, List<R> records) {
        if (records.isEmpty()) {
            return;
        }
        ColumnArrays.insert(dsl, table, records).onConflictDoNothing().execute();
    }
}
