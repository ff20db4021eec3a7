package ir.parvaneh.query.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One stored event in the form that is hashed: a JSON object, written canonically ({@link CanonicalJson}),
 * with the members {@code actor} (the {@code actor.*} metadata entries as strings), {@code aggregateId},
 * {@code eventIdentifier}, {@code payload} (the stored payload JSON, canonical), {@code payloadRevision}
 * (or {@code null}), {@code payloadType}, {@code sequence} (a JSON integer) and {@code timestamp} (UTC,
 * milliseconds, {@code 2026-11-29T16:14:35.123Z}). The projector builds it from the message it receives, the
 * verification from the event store's row: both must give the same bytes for an untouched event.
 *
 * @param payload the payload's canonical JSON text
 */
record CanonicalEvent(String aggregateId, long sequence, String eventIdentifier, Instant timestamp,
                      String payloadType, String payloadRevision, String payload, SortedMap<String, String> actor) {

    static final String ACTOR_PREFIX = "actor.";

    /** The chain hash before the first event: 32 zero bytes. */
    static final byte[] GENESIS = new byte[32];

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    CanonicalEvent {
        actor = new TreeMap<>(actor);
    }

    /** The {@code actor.*} entries of an event's metadata, as text. */
    static SortedMap<String, String> actorOf(Map<String, ?> metaData) {
        SortedMap<String, String> actor = new TreeMap<>();
        metaData.forEach((key, value) -> {
            if (key.startsWith(ACTOR_PREFIX) && value != null) {
                actor.put(key, value.toString());
            }
        });
        return actor;
    }

    /** The canonical form's UTF-8 bytes. Members are written in their sorted order. */
    byte[] canonical() {
        StringBuilder out = new StringBuilder(payload.length() + 512);
        out.append("{\"actor\":{");
        boolean first = true;
        for (Map.Entry<String, String> entry : actor.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(CanonicalJson.string(entry.getKey())).append(':').append(CanonicalJson.string(entry.getValue()));
        }
        out.append("},\"aggregateId\":").append(CanonicalJson.string(aggregateId))
                .append(",\"eventIdentifier\":").append(CanonicalJson.string(eventIdentifier))
                .append(",\"payload\":").append(payload)
                .append(",\"payloadRevision\":").append(payloadRevision == null ? "null" : CanonicalJson.string(payloadRevision))
                .append(",\"payloadType\":").append(CanonicalJson.string(payloadType))
                .append(",\"sequence\":").append(sequence)
                .append(",\"timestamp\":").append(CanonicalJson.string(TIMESTAMP.format(timestamp.truncatedTo(ChronoUnit.MILLIS))))
                .append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of the canonical form, lowercase hex. */
    String hash() {
        return HEX.formatHex(sha256().digest(canonical()));
    }

    /** chain_n = SHA-256(chain_{n-1} || canonical_n), with chain_{n-1} as its 32 bytes; lowercase hex. */
    String chain(String previousChainHex) {
        MessageDigest digest = sha256();
        digest.update(previousChainHex == null ? GENESIS : HEX.parseHex(previousChainHex));
        digest.update(canonical());
        return HEX.formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
