package ir.parvaneh.query.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import ir.parvaneh.kernel.time.JalaliDate;

import java.time.Instant;
import java.time.LocalDateTime;
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
 * @param payload the payload's canonical JSON, UTF-8
 */
record CanonicalEvent(String aggregateId, long sequence, String eventIdentifier, Instant timestamp,
                      String payloadType, String payloadRevision, byte[] payload, SortedMap<String, String> actor) {

    static final String ACTOR_PREFIX = "actor.";

    /** The chain hash before the first event: 32 zero bytes. */
    static final byte[] GENESIS = new byte[32];

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final ObjectMapper TREES = new ObjectMapper(JSON);

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

    /**
     * The {@code actor.*} entries of an event's metadata as the event store holds it, each one with a value as its
     * text: what the projector chains and what the verification recomputes from the stored row, so that both read it
     * here. The form the command side writes (an object of string members) is streamed ({@link #actorOf(byte[])});
     * any other form is read as a tree. {@link IllegalArgumentException} when the bytes are not JSON.
     */
    static SortedMap<String, String> storedActor(byte[] storedMetaData) {
        SortedMap<String, String> streamed = actorOf(storedMetaData);
        if (streamed != null) {
            return streamed;
        }
        SortedMap<String, String> actor = new TreeMap<>();
        try {
            TREES.readTree(storedMetaData).properties().forEach(entry -> {
                if (entry.getKey().startsWith(ACTOR_PREFIX) && !entry.getValue().isNull()) {
                    actor.put(entry.getKey(), entry.getValue().asText());
                }
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("Metadata is not JSON", e);
        }
        return actor;
    }

    /**
     * The {@code actor.*} entries read from stored metadata by streaming, without building the rest; {@code null} if
     * the stored form is anything but one object, or an {@code actor.*} value is not a string or null, where
     * {@link #storedActor} reads the tree instead.
     */
    static SortedMap<String, String> actorOf(byte[] storedMetaData) {
        SortedMap<String, String> actor = new TreeMap<>();
        try (JsonParser parser = JSON.createParser(storedMetaData)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!key.startsWith(ACTOR_PREFIX)) {
                    parser.skipChildren();
                } else if (value == JsonToken.VALUE_STRING) {
                    actor.put(key, parser.getText());
                } else if (value == JsonToken.VALUE_NULL) {
                    actor.remove(key);
                } else {
                    return null;
                }
            }
            return token == JsonToken.END_OBJECT && parser.nextToken() == null ? actor : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The canonical form's UTF-8 bytes. Members are written in their sorted order. */
    byte[] canonical() {
        StringBuilder head = new StringBuilder(512);
        head.append("{\"actor\":{");
        boolean first = true;
        for (Map.Entry<String, String> entry : actor.entrySet()) {
            if (!first) {
                head.append(',');
            }
            first = false;
            head.append(CanonicalJson.string(entry.getKey())).append(':').append(CanonicalJson.string(entry.getValue()));
        }
        head.append("},\"aggregateId\":").append(CanonicalJson.string(aggregateId))
                .append(",\"eventIdentifier\":").append(CanonicalJson.string(eventIdentifier))
                .append(",\"payload\":");
        StringBuilder tail = new StringBuilder(256);
        tail.append(",\"payloadRevision\":").append(payloadRevision == null ? "null" : CanonicalJson.string(payloadRevision))
                .append(",\"payloadType\":").append(CanonicalJson.string(payloadType))
                .append(",\"sequence\":").append(sequence)
                .append(",\"timestamp\":\"");
        appendTimestamp(tail);
        tail.append("\"}");
        // The payload is already canonical UTF-8: copied once, between the members before and after it.
        byte[] before = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] after = tail.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[before.length + payload.length + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        System.arraycopy(payload, 0, out, before.length, payload.length);
        System.arraycopy(after, 0, out, before.length + payload.length, after.length);
        return out;
    }

    /** SHA-256 of the canonical form, lowercase hex. */
    String hash() {
        return hashes(null).event();
    }

    /** chain_n = SHA-256(chain_{n-1} || canonical_n), with chain_{n-1} as its 32 bytes; lowercase hex. */
    String chain(String previousChainHex) {
        return hashes(previousChainHex).chain();
    }

    /** The event's hash and its chain hash after {@code previousChainHex}, from one rendering of the canonical form. */
    Hashes hashes(String previousChainHex) {
        byte[] canonical = canonical();
        MessageDigest digest = sha256();
        String event = HEX.formatHex(digest.digest(canonical));
        digest.update(previousChainHex == null ? GENESIS : HEX.parseHex(previousChainHex));
        digest.update(canonical);
        return new Hashes(event, HEX.formatHex(digest.digest()));
    }

    record Hashes(String event, String chain) {
    }

    /** {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC, as {@link #TIMESTAMP} writes it, without a formatter per event. */
    private void appendTimestamp(StringBuilder out) {
        LocalDateTime at = LocalDateTime.ofEpochSecond(timestamp.getEpochSecond(), 0, ZoneOffset.UTC);
        if (at.getYear() < 0 || at.getYear() > 9999) {
            out.append(TIMESTAMP.format(timestamp.truncatedTo(ChronoUnit.MILLIS)));
            return;
        }
        JalaliDate.pad(out, at.getYear(), 4).append('-');
        JalaliDate.pad(out, at.getMonthValue(), 2).append('-');
        JalaliDate.pad(out, at.getDayOfMonth(), 2).append('T');
        JalaliDate.pad(out, at.getHour(), 2).append(':');
        JalaliDate.pad(out, at.getMinute(), 2).append(':');
        JalaliDate.pad(out, at.getSecond(), 2).append('.');
        JalaliDate.pad(out, timestamp.getNano() / 1_000_000, 3).append('Z');
    }

    /** One digest per thread, reset before each use: creating one looks up the security providers every time. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    });

    private static MessageDigest sha256() {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return digest;
    }
}
