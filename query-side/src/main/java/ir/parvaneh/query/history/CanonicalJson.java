package ir.parvaneh.query.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The canonical text of a JSON document, as docs/decision-history.md defines it: object members sorted by
 * name (UTF-16 code units, as RFC 8785 does), no whitespace between tokens, strings escaped as RFC 8785 does
 * (only {@code "}, {@code \} and control characters; {@code \b \t \n \f \r} short, other controls as
 * {@code \}{@code u00xx}; everything else as UTF-8), and numbers kept exactly as the stored text wrote them,
 * so that nothing is lost to a floating-point round trip and another language can reproduce it.
 */
final class CanonicalJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /**
     * The canonical form's UTF-8 bytes; {@link IllegalArgumentException} when it is not JSON. The stored bytes are
     * rearranged directly ({@link CanonicalBytes}) when they are in the subset where that is exact, as the event
     * store's documents are; otherwise they are decoded and written by {@link #of(byte[])}.
     */
    static byte[] utf8(byte[] json) {
        byte[] direct = CanonicalBytes.of(json);
        return direct != null ? direct : of(json).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text of a JSON document; {@link IllegalArgumentException} when it is not JSON. */
    static String of(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("Empty JSON document");
            }
            Object document = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("Trailing content after the JSON document");
            }
            StringBuilder out = new StringBuilder(json.length);
            write(document, out);
            return out.toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a JSON document: " + e.getMessage(), e);
        }
    }

    /**
     * The text of a top-level string member of a JSON object, or {@code null} when it has none (or the document is
     * not an object); reads no further than the member.
     */
    static String member(byte[] json, String name) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                boolean wanted = name.equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (wanted) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a JSON document: " + e.getMessage(), e);
        }
    }

    private static int firstToEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    /** A JSON string literal, escaped canonically. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        appendString(text, out);
        return out.toString();
    }

    /**
     * The document as a light tree, read once: a scalar as its canonical text (a {@link String}), an array as a
     * {@link List}, an object as its {@link Members}. Written out afterwards in one pass, each character copied once,
     * rather than each nested object being written into its own buffer and copied again into its parent's.
     */
    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Members members = new Members();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    members.add(name, read(parser, parser.nextToken()));
                }
                yield members;
            }
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    elements.add(read(parser, t));
                }
                yield elements;
            }
            case VALUE_STRING -> string(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> throw new IllegalArgumentException("Unexpected JSON token " + token);
        };
    }

    private static void write(Object node, StringBuilder out) {
        if (node instanceof String scalar) {
            out.append(scalar);
        } else if (node instanceof Members members) {
            out.append('{');
            Integer[] order = members.sorted();
            for (int i = 0; i < order.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendString(members.names.get(order[i]), out);
                out.append(':');
                write(members.values.get(order[i]), out);
            }
            out.append('}');
        } else {
            List<?> elements = (List<?>) node;
            out.append('[');
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(elements.get(i), out);
            }
            out.append(']');
        }
    }

    /** An object's members in the order read; sorted by name (UTF-16 code units) when written. */
    private static final class Members {
        final List<String> names = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        void add(String name, Object value) {
            names.add(name);
            values.add(value);
        }

        Integer[] sorted() {
            Integer[] order = new Integer[names.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
            for (int i = 1; i < order.length; i++) {
                if (names.get(order[i]).equals(names.get(order[i - 1]))) {
                    throw new IllegalArgumentException("Duplicate member " + names.get(order[i]));
                }
            }
            return order;
        }
    }

    private static void appendString(String text, StringBuilder out) {
        int first = firstToEscape(text);
        if (first < 0) {
            // Most strings (names, codes, Persian text) need no escape: one copy.
            out.append('"').append(text).append('"');
            return;
        }
        out.append('"').append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
