package ir.parvaneh.query.history;

import java.util.Arrays;

/**
 * The canonical form of {@link CanonicalJson}, computed on the stored UTF-8 bytes without decoding them: for the
 * documents the event store holds (written by Jackson: member names of ASCII letters, strings of valid UTF-8 without
 * escapes), the canonical bytes are the stored bytes of each string and number, rearranged (members sorted by
 * name) and without whitespace, so each is copied once instead of being decoded to UTF-16, escaped and encoded again.
 * <p>
 * It takes only a strict subset of JSON, where the copy is exactly what {@link CanonicalJson} writes: anything else
 * (a string with an escape, a name that is not ASCII, invalid UTF-8 or JSON, a byte-order mark, extreme lengths or
 * depths) makes {@link #of(byte[])} answer {@code null}, and the caller uses {@link CanonicalJson}, which also decides
 * what is not JSON at all. {@code CanonicalBytesTest} compares the two on the recorded events and on generated
 * documents.
 */
final class CanonicalBytes {

    /** Beyond these, Jackson's own read constraints (or patience) may differ: leave them to the general path. */
    private static final int MAX_DEPTH = 256;
    private static final int MAX_NUMBER_LENGTH = 500;

    private final byte[] in;
    private int pos;
    private byte[] out;
    private int size;

    private CanonicalBytes(byte[] in) {
        this.in = in;
        this.out = new byte[in.length];
    }

    /** The canonical bytes of the document, or {@code null} if it is outside the subset this copies. */
    static byte[] of(byte[] json) {
        CanonicalBytes reader = new CanonicalBytes(json);
        try {
            reader.skipWhitespace();
            Object document = reader.value(0);
            reader.skipWhitespace();
            if (document == null || reader.pos != json.length) {
                return null;
            }
            if (!reader.write(document)) {
                return null;
            }
            return reader.size == reader.out.length ? reader.out : Arrays.copyOf(reader.out, reader.size);
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return null;
        }
    }

    /** A scalar: the range of its stored bytes (a string with its quotes). */
    private record Raw(int start, int end) {
    }

    /** An object's members in stored order: name ranges (inside the quotes) and values. */
    private static final class Members {
        int[] nameStart = new int[8];
        int[] nameEnd = new int[8];
        Object[] values = new Object[8];
        int count;

        void add(int start, int end, Object value) {
            if (count == values.length) {
                nameStart = Arrays.copyOf(nameStart, count * 2);
                nameEnd = Arrays.copyOf(nameEnd, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            nameStart[count] = start;
            nameEnd[count] = end;
            values[count++] = value;
        }
    }

    /** An array's elements. */
    private static final class Elements {
        Object[] items = new Object[8];
        int count;

        void add(Object item) {
            if (count == items.length) {
                items = Arrays.copyOf(items, count * 2);
            }
            items[count++] = item;
        }
    }

    private void skipWhitespace() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    /** Reads one value; {@code null} if it is outside the subset. */
    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        byte b = in[pos];
        return switch (b) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> {
                int start = pos;
                yield string() ? new Raw(start, pos) : null;
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> b == '-' || (b >= '0' && b <= '9') ? number() : null;
        };
    }

    private Object object(int depth) {
        pos++;
        Members members = new Members();
        skipWhitespace();
        if (in[pos] == '}') {
            pos++;
            return members;
        }
        while (true) {
            if (in[pos] != '"') {
                return null;
            }
            int start = pos + 1;
            if (!name()) {
                return null;
            }
            int end = pos - 1;
            skipWhitespace();
            if (in[pos++] != ':') {
                return null;
            }
            skipWhitespace();
            Object value = value(depth + 1);
            if (value == null) {
                return null;
            }
            members.add(start, end, value);
            skipWhitespace();
            byte next = in[pos++];
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                return null;
            }
            skipWhitespace();
        }
    }

    private Object array(int depth) {
        pos++;
        Elements elements = new Elements();
        skipWhitespace();
        if (in[pos] == ']') {
            pos++;
            return elements;
        }
        while (true) {
            Object value = value(depth + 1);
            if (value == null) {
                return null;
            }
            elements.add(value);
            skipWhitespace();
            byte next = in[pos++];
            if (next == ']') {
                return elements;
            }
            if (next != ',') {
                return null;
            }
            skipWhitespace();
        }
    }

    /** A member name: printable ASCII without escapes (so byte order is UTF-16 order); ends after the quote. */
    private boolean name() {
        pos++;
        while (true) {
            byte b = in[pos++];
            if (b == '"') {
                return true;
            }
            if (b < 0x20 || b == '\\' || b == 0x7f) {
                return false;
            }
        }
    }

    /** A string of valid UTF-8 without escapes or control characters; ends after the closing quote. */
    private boolean string() {
        pos++;
        while (true) {
            int b = in[pos++] & 0xff;
            if (b == '"') {
                return true;
            }
            if (b < 0x20 || b == '\\') {
                return false;
            }
            if (b >= 0x80 && !utf8(b)) {
                return false;
            }
        }
    }

    /** Checks one multi-byte UTF-8 sequence after its lead byte (RFC 3629: no overlong forms, no surrogates). */
    private boolean utf8(int lead) {
        int continuations;
        int low = 0x80;
        int high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            continuations = 1;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            continuations = 2;
            if (lead == 0xe0) {
                low = 0xa0;
            } else if (lead == 0xed) {
                high = 0x9f;
            }
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            continuations = 3;
            if (lead == 0xf0) {
                low = 0x90;
            } else if (lead == 0xf4) {
                high = 0x8f;
            }
        } else {
            return false;
        }
        int second = in[pos++] & 0xff;
        if (second < low || second > high) {
            return false;
        }
        for (int i = 1; i < continuations; i++) {
            int next = in[pos++] & 0xff;
            if (next < 0x80 || next > 0xbf) {
                return false;
            }
        }
        return true;
    }

    private Object literal(String word) {
        int start = pos;
        for (int i = 0; i < word.length(); i++) {
            if (in[pos++] != word.charAt(i)) {
                return null;
            }
        }
        return new Raw(start, pos);
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, kept as written. */
    private Object number() {
        int start = pos;
        if (in[pos] == '-') {
            pos++;
        }
        if (in[pos] == '0') {
            pos++;
        } else if (!digits()) {
            return null;
        }
        if (pos < in.length && in[pos] == '.') {
            pos++;
            if (!digits()) {
                return null;
            }
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (in[pos] == '+' || in[pos] == '-') {
                pos++;
            }
            if (!digits()) {
                return null;
            }
        }
        // A number run straight into a letter or another number ("1x", "01") is not JSON: leave it to the general path.
        if (pos < in.length && (Character.isLetterOrDigit(in[pos]) || in[pos] == '.' || in[pos] == '-' || in[pos] == '+')) {
            return null;
        }
        return pos - start > MAX_NUMBER_LENGTH ? null : new Raw(start, pos);
    }

    private boolean digits() {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        return pos > start;
    }

    /** Writes the value canonically; {@code false} if an object names a member twice (the general path refuses it). */
    private boolean write(Object node) {
        if (node instanceof Raw raw) {
            copy(raw.start, raw.end);
        } else if (node instanceof Members members) {
            put((byte) '{');
            Integer[] order = sorted(members);
            if (order == null) {
                return false;
            }
            for (int i = 0; i < order.length; i++) {
                if (i > 0) {
                    put((byte) ',');
                }
                int m = order[i];
                put((byte) '"');
                copy(members.nameStart[m], members.nameEnd[m]);
                put((byte) '"');
                put((byte) ':');
                if (!write(members.values[m])) {
                    return false;
                }
            }
            put((byte) '}');
        } else {
            Elements elements = (Elements) node;
            put((byte) '[');
            for (int i = 0; i < elements.count; i++) {
                if (i > 0) {
                    put((byte) ',');
                }
                if (!write(elements.items[i])) {
                    return false;
                }
            }
            put((byte) ']');
        }
        return true;
    }

    /** Member indexes sorted by name (ASCII bytes: the same order as UTF-16 code units); {@code null} on a duplicate. */
    private Integer[] sorted(Members members) {
        Integer[] order = new Integer[members.count];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compare(in, members.nameStart[a], members.nameEnd[a],
                in, members.nameStart[b], members.nameEnd[b]));
        for (int i = 1; i < order.length; i++) {
            int a = order[i - 1];
            int b = order[i];
            if (Arrays.equals(in, members.nameStart[a], members.nameEnd[a], in, members.nameStart[b], members.nameEnd[b])) {
                return null;
            }
        }
        return order;
    }

    private void copy(int start, int end) {
        int length = end - start;
        ensure(length);
        System.arraycopy(in, start, out, size, length);
        size += length;
    }

    private void put(byte b) {
        ensure(1);
        out[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
