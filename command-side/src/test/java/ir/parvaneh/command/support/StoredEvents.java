package ir.parvaneh.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static ir.parvaneh.command.jooq.axon.Tables.DOMAINEVENTENTRY;

/** Reads the event store's rows directly, to prove what a command stored, or that it stored nothing. */
@Component
public class StoredEvents {

    private final DSLContext dsl;
    private final ObjectMapper json;

    public StoredEvents(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    public record Stored(String payloadType, JsonNode payload, JsonNode metaData) {
        public String simpleType() {
            return payloadType.substring(payloadType.lastIndexOf('$') + 1);
        }
    }

    public long total() {
        return dsl.fetchCount(DOMAINEVENTENTRY);
    }

    public List<Stored> of(String aggregateId) {
        return dsl.selectFrom(DOMAINEVENTENTRY)
                .where(DOMAINEVENTENTRY.AGGREGATEIDENTIFIER.eq(aggregateId))
                .orderBy(DOMAINEVENTENTRY.SEQUENCENUMBER)
                .fetch(r -> new Stored(r.getPayloadtype(), read(r.getPayload()), read(r.getMetadata())));
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
