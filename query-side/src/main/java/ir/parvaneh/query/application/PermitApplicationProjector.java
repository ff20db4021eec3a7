package ir.parvaneh.query.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationEvent;
import ir.parvaneh.kernel.permit.query.PermitApplicationQueries.GetPermitApplication;
import ir.parvaneh.query.infrastructure.axon.ProcessorBatch;
import ir.parvaneh.query.infrastructure.jooq.ColumnArrays;
import ir.parvaneh.query.jooq.query.tables.records.PermitApplicationRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ir.parvaneh.query.jooq.query.Tables.PERMIT_APPLICATION;

/**
 * Projects permit-application events into {@code query.permit_application}, one row per application: its stage,
 * fees, deadlines, assignee and reasons. (Its timeline is written from the recorded events when it is shown:
 * {@link PermitApplicationReadModel}.)
 *
 * <p>A processor batch is folded in memory and written at the batch's prepare-commit with one multi-row upsert, in
 * the transaction that also stores the processor's token. Idempotent: a row applies only events above its
 * {@code last_sequence} (the upsert also refuses to move it back), so a redelivered batch changes nothing. After the
 * commit, subscribers of {@link GetPermitApplication} hear the new version (read-your-writes).
 */
@Component
@ProcessingGroup(PermitApplicationProjector.PROCESSING_GROUP)
class PermitApplicationProjector {

    static final String PROCESSING_GROUP = "permit-applications";

    private static final Logger log = LoggerFactory.getLogger(PermitApplicationProjector.class);
    private static final String BATCH = PermitApplicationProjector.class.getName() + ".batch";

    private final DSLContext dsl;
    private final ObjectMapper json;
    private final QueryUpdateEmitter updates;

    PermitApplicationProjector(DSLContext dsl, ObjectMapper json, QueryUpdateEmitter updates) {
        this.dsl = dsl;
        this.json = json;
        this.updates = updates;
    }

    @EventHandler
    void on(PermitApplicationEvent event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        ProcessorBatch.collect(BATCH, messages -> {
            Batch batch = new Batch();
            batch.preload(this, messages);
            return batch;
        }, batch -> batch.add(this, event, sequence, at), this::write);
    }

    /** A replay starts from an empty table. */
    @ResetHandler
    void reset() {
        dsl.truncate(PERMIT_APPLICATION).execute();
    }

    /** The rows a batch touched, in their state after it. */
    private static final class Batch {
        final Map<String, PermitApplicationRecord> rows = new LinkedHashMap<>();
        /** Applications looked up and not found: their first event in this batch must be the submission. */
        final Set<String> absent = new HashSet<>();

        /** Loads the rows of every application among the batch's messages with one query. */
        void preload(PermitApplicationProjector projector, List<? extends Message<?>> messages) {
            Set<String> ids = new LinkedHashSet<>();
            for (Message<?> message : messages) {
                if (message instanceof DomainEventMessage<?> domain
                        && PermitApplicationEvent.class.isAssignableFrom(domain.getPayloadType())) {
                    ids.add(domain.getAggregateIdentifier());
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            absent.addAll(ids);
            projector.dsl.selectFrom(PERMIT_APPLICATION).where(PERMIT_APPLICATION.ID.in(ids)).forEach(row -> {
                rows.put(row.getId(), row);
                absent.remove(row.getId());
            });
        }

        void add(PermitApplicationProjector projector, PermitApplicationEvent event, long sequence, Instant at) {
            String id = event.applicationId();
            PermitApplicationRecord row = rows.containsKey(id) ? rows.get(id)
                    : absent.contains(id) ? null : projector.load(id);
            if (row == null) {
                if (!(event instanceof PermitApplicationSubmitted submitted)) {
                    log.warn("{} #{} of {} has no submission before it; skipped", event.getClass().getSimpleName(),
                            sequence, id);
                    return;
                }
                row = ApplicationFold.submitted(submitted, sequence, at);
            } else if (sequence <= row.getLastSequence()) {
                return;
            } else {
                ApplicationFold.apply(row, event, sequence, at, projector::toJson);
            }
            rows.put(id, row);
        }
    }

    private PermitApplicationRecord load(String id) {
        return dsl.selectFrom(PERMIT_APPLICATION).where(PERMIT_APPLICATION.ID.eq(id)).fetchOne();
    }

    private void write(Batch batch) {
        if (batch.rows.isEmpty()) {
            return;
        }
        Map<Field<?>, Field<?>> everyColumn = new LinkedHashMap<>();
        for (Field<?> field : PERMIT_APPLICATION.fields()) {
            everyColumn.put(field, DSL.excluded(field));
        }
        ColumnArrays.insert(dsl, PERMIT_APPLICATION, batch.rows.values())
                .onConflict(PERMIT_APPLICATION.ID)
                .doUpdate()
                .set(everyColumn)
                .where(PERMIT_APPLICATION.LAST_SEQUENCE.lt(DSL.excluded(PERMIT_APPLICATION.LAST_SEQUENCE)))
                .execute();
        // Only once the rows are committed, so that a subscriber re-reading the row sees them. The emitter defers by
        // itself only from a unit of work's STARTED phase; this runs in its PREPARE_COMMIT phase, where it would not.
        List<GetPermitApplication.Changed> changes = batch.rows.values().stream()
                .map(row -> new GetPermitApplication.Changed(row.getId(), row.getLastSequence())).toList();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> announce(changes));
        } else {
            announce(changes);
        }
    }

    private void announce(List<GetPermitApplication.Changed> changes) {
        for (GetPermitApplication.Changed changed : changes) {
            updates.emit(GetPermitApplication.class, query -> query.applicationId().equals(changed.applicationId()),
                    changed);
        }
    }

    private JSONB toJson(Object value) {
        try {
            return value == null ? null : JSONB.valueOf(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
