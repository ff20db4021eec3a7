package ir.parvaneh.query.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a JSON document, as docs/decision-history.md defines it: object members sorted by
 * name (UTF-16 code units, as RFC 8785 does), no whitespace between tokens, strings escaped as RFC 8785 does
 * (only {@code "}, {@code \} and control characters; {@code \b \t \n \f \r} short, other controls as
 * {@code \}{@code u00xx}; everything else as UTF-8), and numbers kept exactly as the stored text wrote them,
 * so that nothing is lost to a floating-point round trip and another language can reproduce it.
 */
final class CanonicalJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private CanonicalJson() {
    }

    /** The canonical text of a JSON document; {@link IllegalArgumentException} when it is not JSON. */
    static String of(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("Empty JSON document");
            }
            StringBuilder out = new StringBuilder(json.length);
            value(parser, first, out);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("Trailing content after the JSON document");
            }
            return out.toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a JSON document: " + e.getMessage(), e);
        }
    }

    /** A JSON string literal, escaped canonically. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        appendString(text, out);
        return out.toString();
    }

    private static void value(JsonParser parser, JsonToken token, StringBuilder out) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, String> members = new TreeMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    StringBuilder member = new StringBuilder();
                    value(parser, parser.nextToken(), member);
                    if (members.put(name, member.toString()) != null) {
                        throw new IllegalArgumentException("Duplicate member " + name);
                    }
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, String> member : members.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    appendString(member.getKey(), out);
                    out.append(':').append(member.getValue());
                }
                out.append('}');
            }
            case START_ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    value(parser, t, out);
                }
                out.append(']');
            }
            case VALUE_STRING -> appendString(parser.getText(), out);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.append(parser.getText());
            case VALUE_TRUE -> out.append("true");
            case VALUE_FALSE -> out.append("false");
            case VALUE_NULL -> out.append("null");
            default -> throw new IllegalArgumentException("Unexpected JSON token " + token);
        }
    }

    private static void appendString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
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
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
