package ir.parvaneh.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.time.IranTime;
import ir.parvaneh.kernel.time.JalaliDate;
import ir.parvaneh.query.jooq.query.tables.records.DecisionHistoryEventRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The history's answer: each chained event with who acted, when (UTC, Tehran time and the Jalali day), what it
 * decided and on what basis, its full payload (as the event store holds it), and its hashes. The decision-relevant
 * parts are read from the payload by the published field names of the kernel's events, so an event added later shows
 * what it carries without a change here.
 */
final class HistoryEntries {

    /** An aggregate's history, oldest event first, with its chain head. */
    record History(String aggregateId, String kind, String municipality, ChainHead chain, List<Entry> events) {
    }

    /**
     * @param head         the chain hash of the last event projected
     * @param headSequence that event's sequence
     * @param definition   where the canonical form and the chain are defined
     */
    record ChainHead(String head, long headSequence, int events, String algorithm, String definition) {
    }

    /** Who acted, from the event's metadata. */
    record ActorView(String subject, String name, String role, String roleFa, String municipality) {
    }

    /**
     * @param occurredAt       the instant, UTC
     * @param occurredAtTehran the same instant on Tehran's wall clock
     * @param jalaliDate       its day in the Jalali calendar (Asia/Tehran)
     * @param reverification   for an event that rests on a zoning assessment, the assessment re-run against its own
     *                         rulebook version by the command side; {@code null} otherwise or when not asked for
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(long sequence, String eventIdentifier, String type, String payloadType, String payloadRevision,
                 Instant occurredAt, LocalDateTime occurredAtTehran, String jalaliDate, ActorView actor,
                 Decision decision, JsonNode payload, String eventHash, String chainHash,
                 Reverification reverification) {

        Entry withReverification(Reverification result) {
            return new Entry(sequence, eventIdentifier, type, payloadType, payloadRevision, occurredAt,
                    occurredAtTehran, jalaliDate, actor, decision, payload, eventHash, chainHash, result);
        }
    }

    /**
     * What an auditor looks for in a decision, lifted out of the payload (present only where the event has it).
     *
     * @param inputs          what the decision was taken on: facts, intended use, proposal, measurements
     * @param outputs         the assessment's combined outputs, each with its explanation (decision, rows, inputs,
     *                        formula, legal source)
     * @param complianceRules the compliance rules checked (or violated), with permitted and proposed values
     * @param citedRules      the rules or outputs a reviewer cited
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Decision(String rulebookVersion, String rulebookSha256, JsonNode layerVersions, JsonNode inputs,
                    JsonNode outputs, JsonNode portions, JsonNode feeLines, JsonNode complianceRules, String result,
                    String legalBasisCode, String justification, JsonNode citedRules, JsonNode departures,
                    String reason, String note, String findings, String grounds, JsonNode deviations) {
    }

    /**
     * The re-run of a recorded assessment by the command side ({@code GET /api/assessments/{id}/verification}).
     *
     * @param status {@code IDENTICAL} (same outputs, byte for byte, and the rulebook content still hashes to the
     *               recorded SHA-256), {@code DIFFERS}, or {@code UNAVAILABLE} (the command side could not be asked;
     *               {@code detail} says why) — never assumed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reverification(String assessmentId, String status, Boolean identical, Boolean rulebookContentIntact,
                          JsonNode outputs, JsonNode differences, String detail) {
        static final String IDENTICAL = "IDENTICAL";
        static final String DIFFERS = "DIFFERS";
        static final String UNAVAILABLE = "UNAVAILABLE";
    }

    private static final List<String> INPUTS = List.of("intendedUse", "asOf", "plate", "facts", "building",
            "assessment", "assessmentId", "measured", "asBuilt", "amountRials");

    private HistoryEntries() {
    }

    /** {@code ir.parvaneh.kernel.permit.PermitApplicationEvent$ComplianceChecked} → {@code ComplianceChecked}. */
    static String simpleType(String payloadType) {
        if (payloadType == null) {
            return null;
        }
        int cut = Math.max(payloadType.lastIndexOf('$'), payloadType.lastIndexOf('.'));
        return payloadType.substring(cut + 1);
    }

    /**
     * @param storedPayload the event's payload as the event store holds it now; {@code null} if the store no longer
     *                      holds the event (the chain's verification then names it as missing)
     */
    static Entry entry(DecisionHistoryEventRecord event, byte[] storedPayload, ObjectMapper json) {
        JsonNode payload = json.nullNode();
        if (storedPayload != null) {
            try {
                payload = json.readTree(storedPayload);
            } catch (IOException e) {
                // Altered in the store beyond JSON: shown as its text; the verification names the event as unreadable.
                payload = json.getNodeFactory().textNode(new String(storedPayload, StandardCharsets.UTF_8));
            }
        }
        Instant at = event.getOccurredAt().toInstant();
        Role role = role(event.getActorRole());
        ActorView actor = new ActorView(event.getActorSubject(), event.getActorName(), event.getActorRole(),
                role == null ? null : role.labelFa(), event.getActorMunicipality());
        return new Entry(event.getSequence(), event.getEventIdentifier(), simpleType(event.getPayloadType()),
                event.getPayloadType(), event.getPayloadRevision(), at,
                LocalDateTime.ofInstant(at, IranTime.ZONE).truncatedTo(ChronoUnit.SECONDS),
                JalaliDate.of(at.atZone(IranTime.ZONE).toLocalDate()).toString(), actor, decision(payload, json),
                payload, event.getEventHash(), event.getChainHash(), null);
    }

    private static Decision decision(JsonNode p, ObjectMapper json) {
        ObjectNode inputs = json.createObjectNode();
        for (String name : INPUTS) {
            JsonNode value = p.get(name);
            if (value != null && !value.isNull()) {
                inputs.set(name, value);
            }
        }
        JsonNode outcome = p.path("outcome");
        return new Decision(
                text(p.get("rulebookVersion"), p.path("assessment").get("rulebookVersion")),
                text(p.get("rulebookSha256"), p.path("assessment").get("rulebookSha256")),
                node(p.path("facts").get("layerVersions")),
                inputs.isEmpty() ? null : inputs,
                node(outcome.get("outputs")),
                node(outcome.get("portions")),
                node(p.get("lines")),
                node(p.has("rules") ? p.get("rules") : p.get("violatedRules")),
                text(p.get("result")),
                text(p.get("legalBasisCode")),
                text(p.get("justification")),
                node(p.get("citedRules")),
                node(p.get("departures")),
                text(p.get("reason")),
                text(p.get("note")),
                text(p.get("findings")),
                text(p.get("grounds")),
                node(p.get("deviations")));
    }

    private static JsonNode node(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    private static String text(JsonNode... candidates) {
        for (JsonNode value : candidates) {
            if (value != null && !value.isNull() && !value.isMissingNode()) {
                return value.asText();
            }
        }
        return null;
    }

    private static Role role(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
