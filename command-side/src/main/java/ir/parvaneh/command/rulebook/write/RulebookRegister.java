package ir.parvaneh.command.rulebook.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.rulebook.store.RulebookStore;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.rulebook.RulebookEvent.RulebookVersionPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static ir.parvaneh.command.jooq.command.Tables.RULEBOOK_VERSION;

/**
 * Keeps the rulebook store in step with the catalogues' events, in the transaction that appends the event
 * (a subscribing processor): a published version is in the store exactly when its event is in the event
 * store. Rows are only inserted.
 */
@Component
@ProcessingGroup(RulebookRegister.GROUP)
class RulebookRegister {

    static final String GROUP = "rulebook-register";

    private final DSLContext dsl;
    private final ObjectMapper json;
    private final RulebookStore store;

    RulebookRegister(DSLContext dsl, ObjectMapper json, RulebookStore store) {
        this.dsl = dsl;
        this.json = json;
        this.store = store;
    }

    @EventHandler
    void on(RulebookVersionPublished event, Actor actor, @Timestamp Instant at) throws JsonProcessingException {
        dsl.insertInto(RULEBOOK_VERSION)
                .set(RULEBOOK_VERSION.MUNICIPALITY_ID, event.municipalityId())
                .set(RULEBOOK_VERSION.VERSION, event.version())
                .set(RULEBOOK_VERSION.EFFECTIVE_FROM, LocalDate.parse(event.effectiveFrom()))
                .set(RULEBOOK_VERSION.SHA256, event.sha256())
                .set(RULEBOOK_VERSION.FILES, JSONB.valueOf(json.writeValueAsString(event.files())))
                .set(RULEBOOK_VERSION.PUBLISHED_AT, at.atOffset(ZoneOffset.UTC))
                .set(RULEBOOK_VERSION.PUBLISHED_BY, actor.subject())
                .execute();
        store.publicationRecorded();
    }
}
