package ir.parvaneh.query.history;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The canonical form and the chain as docs/decision-history.md defines them. The expected hashes were computed
 * outside Java (Python's hashlib over the documented bytes), so this pins the definition an inspector reproduces.
 */
class CanonicalFormTest {

    private static final String STORED = """
            { "b": [1.50, -2e3, true, null],
              "a": "قزوین\\n\\u0001\\"x\\"",
              "c": {"z": 0, "y": 12345678901234567890} }""";

    @Test
    void givenStoredJsonThenMembersAreSortedWhitespaceDroppedStringsEscapedAndNumbersKeptAsWritten() {
        assertThat(CanonicalJson.of(STORED.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"a\":\"قزوین\\n\\u0001\\\"x\\\"\",\"b\":[1.50,-2e3,true,null],\"c\":{\"y\":12345678901234567890,\"z\":0}}");
    }

    @Test
    void givenAnEventThenItsHashAndChainAreTheDocumentedOnes() {
        Map<String, String> metaData = Map.of("actor.subject", "s-1", "actor.name", "مریم احمدی", "actor.role", "CITIZEN",
                "traceId", "not part of the canonical form");
        CanonicalEvent event = new CanonicalEvent("permit-application-00000000-0000-4000-8000-000000000001", 0, "e-1",
                Instant.parse("2026-11-29T16:14:35.12Z"), "ir.parvaneh.kernel.permit.PermitApplicationEvent$ObjectionFiled",
                "1", CanonicalJson.utf8(STORED.getBytes(StandardCharsets.UTF_8)), CanonicalEvent.actorOf(metaData));

        assertThat(event.hash()).isEqualTo("177daf7f68a776ee848481a7684b9930bff70c0992722ef788529d359ac2beea");
        String first = event.chain(null);
        assertThat(first).isEqualTo("1b56498b2c2f300f5285cf2bf56d973ef60473760259cead07833f861f3a7175");
        assertThat(event.chain(first)).isEqualTo("62a7680a03298ab99f808a0283875a75279517a5c3262a3f4abd115cc9f4d58c");
    }

    @Test
    void givenStoredMetadataThenTheActorReadFromItsBytesIsTheActorOfTheDeserialisedMetadata() throws Exception {
        var jackson = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, Object> metaData = new java.util.LinkedHashMap<>();
        metaData.put("traceId", "t-1");
        metaData.put("actor.name", "مریم \"احمدی\"\n");
        metaData.put("actor.subject", "s-1");
        metaData.put("nested", Map.of("actor.role", "not an actor entry", "list", java.util.List.of(1, 2)));
        metaData.put("actor.role", "CITIZEN");
        metaData.put("actor.municipality", null);
        byte[] stored = jackson.writeValueAsBytes(metaData);
        assertThat(CanonicalEvent.actorOf(stored))
                .isEqualTo(CanonicalEvent.actorOf(jackson.readValue(stored, Map.class)))
                .containsOnlyKeys("actor.name", "actor.role", "actor.subject");

        // Not a plain string: the deserialised metadata decides.
        assertThat(CanonicalEvent.actorOf("{\"actor.level\":3}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(CanonicalEvent.actorOf("{\"actor.x\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(CanonicalEvent.actorOf("[]".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(CanonicalEvent.actorOf("{\"actor.x\":\"a\"".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(CanonicalEvent.actorOf("{} {}".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void givenTheSameEventWrittenDifferentlyThenTheSameHash() {
        byte[] a = CanonicalJson.utf8("{\"x\":1,\"y\":[\"پ\"]}".getBytes(StandardCharsets.UTF_8));
        byte[] b = CanonicalJson.utf8("{ \"y\" : [ \"\\u067e\" ] ,\n \"x\" : 1 }".getBytes(StandardCharsets.UTF_8));
        assertThat(a).isEqualTo(b);
        CanonicalEvent one = new CanonicalEvent("id", 1, "e", Instant.parse("2026-01-01T00:00:00Z"), "T", null, a, new TreeMap<>());
        CanonicalEvent two = new CanonicalEvent("id", 1, "e", Instant.parse("2026-01-01T00:00:00.000Z"), "T", null, b, new TreeMap<>());
        assertThat(one.hash()).isEqualTo(two.hash());
        assertThat(new String(one.canonical(), StandardCharsets.UTF_8)).isEqualTo("{\"actor\":{},\"aggregateId\":\"id\","
                + "\"eventIdentifier\":\"e\",\"payload\":{\"x\":1,\"y\":[\"پ\"]},\"payloadRevision\":null,\"payloadType\":\"T\","
                + "\"sequence\":1,\"timestamp\":\"2026-01-01T00:00:00.000Z\"}");
    }

    @Test
    void givenSomethingThatIsNotJsonThenItIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.utf8("{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.utf8("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
