package ir.parvaneh.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The direct canonicalisation of stored bytes ({@link CanonicalBytes}) against the general one
 * ({@link CanonicalJson#of}): wherever the direct one answers, the bytes are the same; documents as the event store
 * holds them (written by Jackson) always take the direct path; and what is not JSON is refused either way.
 */
class CanonicalBytesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final String[] WORDS = {"a", "b", "plate", "portions", "zoneCode", "ضوابط", "پلاک", "x y", "", "A",
            "aa", "ab", "B", "z_9", "مساحت", "\u00e9t\u00e9", "emoji\uD83D\uDE00", "tab\there", "quote\"d", "back\\slash",
            "line\nbreak", "nul\u0000", "\u007f", "\u2028", "<&>"};

    @Test
    void givenGeneratedDocumentsWrittenInManyWaysThenTheDirectPathAgreesWithTheGeneralOneWheneverItAnswers() {
        Random random = new Random(20261129);
        int direct = 0;
        for (int i = 0; i < 4000; i++) {
            JsonNode tree = tree(random, 0);
            byte[] text = write(tree, random).getBytes(StandardCharsets.UTF_8);
            byte[] fast = CanonicalBytes.of(text);
            byte[] general = CanonicalJson.of(text).getBytes(StandardCharsets.UTF_8);
            if (fast != null) {
                direct++;
                assertThat(new String(fast, StandardCharsets.UTF_8)).as(new String(text, StandardCharsets.UTF_8))
                        .isEqualTo(new String(general, StandardCharsets.UTF_8));
            }
            assertThat(CanonicalJson.utf8(text)).isEqualTo(general);
        }
        assertThat(direct).as("documents that took the direct path").isGreaterThan(1000);
    }

    @Test
    void givenDocumentsAsJacksonWritesThemWithAsciiNamesAndNothingToEscapeThenTheDirectPathTakesEveryOne() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            JsonNode tree = tree(random, 0);
            byte[] stored = JACKSON.writeValueAsBytes(tree);
            if (needsEscapesOrHasOtherNames(tree)) {
                continue;
            }
            assertThat(CanonicalBytes.of(stored)).as(new String(stored, StandardCharsets.UTF_8))
                    .isEqualTo(CanonicalJson.of(stored).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void givenADocumentThatIsCanonicalAlreadyThenItIsItsOwnCanonicalFormAndNothingElseIsTakenForOne() {
        Random random = new Random(20261130);
        int canonicalAlready = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] text = write(tree(random, 0), random).getBytes(StandardCharsets.UTF_8);
            byte[] canonical = CanonicalJson.of(text).getBytes(StandardCharsets.UTF_8);
            if (CanonicalBytes.of(canonical) != null) {
                canonicalAlready++;
                assertThat(CanonicalBytes.isCanonical(canonical)).as(new String(canonical, StandardCharsets.UTF_8)).isTrue();
                assertThat(CanonicalBytes.of(canonical)).isSameAs(canonical);
            }
            // Written with whitespace or members out of order, a document is not taken for canonical.
            assertThat(CanonicalBytes.isCanonical(text)).as(new String(text, StandardCharsets.UTF_8))
                    .isEqualTo(CanonicalBytes.of(text) != null && java.util.Arrays.equals(text, canonical));
        }
        assertThat(canonicalAlready).as("canonical forms inside the direct path's subset").isGreaterThan(1000);
        for (String notYet : List.of("{\"b\":1,\"a\":2}", "{\"a\": 1}", "{ \"a\":1}", "{\"a\":1 }", "[1, 2]", " 1", "1 ",
                "{\"a\":{\"d\":1,\"c\":2}}", "[{\"a\":1},{\"b\":1,\"a\":1}]", "{\"ab\":1,\"a\":2}")) {
            byte[] text = notYet.getBytes(StandardCharsets.UTF_8);
            assertThat(CanonicalBytes.isCanonical(text)).as(notYet).isFalse();
            assertThat(CanonicalBytes.of(text)).as(notYet).isNotNull().isNotSameAs(text)
                    .isEqualTo(CanonicalJson.of(text).getBytes(StandardCharsets.UTF_8));
        }
        for (String canonical : List.of("{\"a\":1,\"ab\":2,\"b\":[true,false,null,-0.5e+3]}", "[]", "{}", "\"پلاک\"", "0")) {
            byte[] text = canonical.getBytes(StandardCharsets.UTF_8);
            assertThat(CanonicalBytes.of(text)).as(canonical).isSameAs(text);
        }
        assertThat(CanonicalBytes.isCanonical("{\"a\":1,\"a\":1}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void givenSomethingThatIsNotJsonThenTheDirectPathDoesNotAnswerAndTheGeneralOneRefusesIt() {
        for (String bad : List.of("", " ", "{", "{\"a\":}", "{\"a\":1,}", "[1,]", "[01]", "[1.]", "[.5]", "[-]", "[1e]",
                "[+1]", "{a:1}", "{'a':1}", "[tru]", "[nulll]", "{\"a\":1}}", "{\"a\":1} x", "[\"\u0001\"]",
                "{\"a\":1,\"a\":2}", "[NaN]", "[\"a\"\"b\"]", "{\"a\" 1}", "[1 2]")) {
            byte[] text = bad.getBytes(StandardCharsets.UTF_8);
            assertThat(CanonicalBytes.isCanonical(text)).as(bad).isFalse();
            assertThat(CanonicalBytes.of(text)).as(bad).isNull();
            assertThatThrownBy(() -> CanonicalJson.utf8(text)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        // Invalid UTF-8: a lone continuation byte, an overlong form, an encoded surrogate, a truncated sequence.
        for (byte[] bad : List.of(new byte[]{'"', (byte) 0x80, '"'}, new byte[]{'"', (byte) 0xc0, (byte) 0xaf, '"'},
                new byte[]{'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}, new byte[]{'"', (byte) 0xe2, (byte) 0x82})) {
            assertThat(CanonicalBytes.of(bad)).isNull();
        }
    }

    @Test
    void givenEscapesOrAByteOrderMarkThenTheGeneralPathDecidesAndTheResultIsTheSameAsForThePlainText() {
        byte[] escaped = "{\"b\":\"\\u067e\",\"a\":\"\\n\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(CanonicalBytes.of(escaped)).isNull();
        assertThat(new String(CanonicalJson.utf8(escaped), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"\\n\",\"b\":\"پ\"}");
        byte[] plain = "{\"b\":\"پ\",\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xef;
        bom[1] = (byte) 0xbb;
        bom[2] = (byte) 0xbf;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertThat(CanonicalBytes.of(bom)).isNull();
        assertThat(CanonicalJson.utf8(bom)).isEqualTo(CanonicalBytes.of(plain));
    }

    private static JsonNode tree(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = depth > 4 ? 2 + random.nextInt(6) : random.nextInt(8);
        return switch (kind) {
            case 0 -> {
                ObjectNode object = nodes.objectNode();
                int members = random.nextInt(6);
                for (int i = 0; i < members; i++) {
                    object.set(word(random), tree(random, depth + 1));
                }
                yield object;
            }
            case 1 -> {
                ArrayNode array = nodes.arrayNode();
                int elements = random.nextInt(5);
                for (int i = 0; i < elements; i++) {
                    array.add(tree(random, depth + 1));
                }
                yield array;
            }
            case 2, 3 -> nodes.textNode(word(random) + (random.nextBoolean() ? word(random) : ""));
            case 4 -> nodes.numberNode(random.nextLong() >> random.nextInt(63));
            case 5 -> nodes.numberNode(new java.math.BigDecimal(java.math.BigInteger.valueOf(random.nextLong()),
                    random.nextInt(12) - 4));
            case 6 -> nodes.booleanNode(random.nextBoolean());
            default -> nodes.nullNode();
        };
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static boolean needsEscapesOrHasOtherNames(JsonNode node) {
        if (node.isObject()) {
            for (var members = node.fields(); members.hasNext(); ) {
                var member = members.next();
                if (!member.getKey().chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
                        || needsEscapesOrHasOtherNames(member.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (needsEscapesOrHasOtherNames(element)) {
                    return true;
                }
            }
            return false;
        }
        // Jackson escapes characters beyond the BMP (\\uD83D\\uDE00), so those take the general path.
        return node.isTextual() && node.asText().chars().anyMatch(c -> c < 0x20 || c == '"' || c == '\\'
                || Character.isSurrogate((char) c));
    }

    /** The tree as JSON text with random whitespace and, now and then, a character written as an escape. */
    private static String write(JsonNode node, Random random) {
        StringBuilder out = new StringBuilder();
        write(node, random, out);
        return out.toString();
    }

    private static void write(JsonNode node, Random random, StringBuilder out) {
        space(random, out);
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (var members = node.fields(); members.hasNext(); ) {
                var member = members.next();
                if (!first) {
                    out.append(',');
                }
                first = false;
                space(random, out);
                string(member.getKey(), random, out);
                space(random, out);
                out.append(':');
                write(member.getValue(), random, out);
            }
            space(random, out);
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), random, out);
            }
            space(random, out);
            out.append(']');
        } else if (node.isTextual()) {
            string(node.asText(), random, out);
        } else {
            out.append(node.toString());
        }
        space(random, out);
    }

    private static void space(Random random, StringBuilder out) {
        if (random.nextInt(4) == 0) {
            out.append(" \n\t\r".charAt(random.nextInt(4)));
        }
    }

    private static void string(String text, Random random, StringBuilder out) {
        out.append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || random.nextInt(40) == 0) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
