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
 * <p>
 * The command side writes events already in that form (members sorted, nothing between the tokens), so
 * {@link #of(byte[])} first checks whether the document is canonical as it stands ({@link #isCanonical}), in one
 * pass that builds nothing; only a document written otherwise (an event stored before that, or by other means) is
 * taken apart and written again.
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
    }

    /**
     * The canonical bytes of the document, or {@code null} if it is outside the subset this copies; the document
     * itself when it is canonical already (callers do not change either).
     */
    static byte[] of(byte[] json) {
        if (isCanonical(json)) {
            return json;
        }
        CanonicalBytes reader = new CanonicalBytes(json);
        reader.out = new byte[json.length];
        try {
            reader.skipWhitespace();
            Object document = reader.value(0);
            int scalarStart = reader.scalarStart;
            int scalarEnd = reader.scalarEnd;
            reader.skipWhitespace();
            if (document == null || reader.pos != json.length) {
                return null;
            }
            if (document == SCALAR) {
                reader.copy(scalarStart, scalarEnd);
            } else if (!reader.write(document)) {
                return null;
            }
            return reader.size == reader.out.length ? reader.out : Arrays.copyOf(reader.out, reader.size);
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return null;
        }
    }

    /**
     * Whether the document is in the subset and canonical as it stands: no whitespace outside strings, and in every
     * object the names in strictly increasing order (so no name twice). Then taking it apart and writing it again
     * would give the same bytes, since strings and numbers are copied as stored.
     */
    static boolean isCanonical(byte[] json) {
        CanonicalBytes reader = new CanonicalBytes(json);
        try {
            return json.length > 0 && reader.canonicalValue(0) && reader.pos == json.length;
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return false;
        }
    }

    /** Checks one value as {@link #isCanonical} does; any whitespace fails, since no case takes it. */
    private boolean canonicalValue(int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        byte b = in[pos];
        return switch (b) {
            case '{' -> canonicalObject(depth);
            case '[' -> canonicalArray(depth);
            case '"' -> string();
            case 't' -> literal("true") != null;
            case 'f' -> literal("false") != null;
            case 'n' -> literal("null") != null;
            default -> (b == '-' || (b >= '0' && b <= '9')) && number() != null;
        };
    }

    private boolean canonicalObject(int depth) {
        pos++;
        if (in[pos] == '}') {
            pos++;
            return true;
        }
        int previousStart = -1;
        int previousEnd = -1;
        while (true) {
            if (in[pos] != '"') {
                return false;
            }
            int start = pos + 1;
            if (!name()) {
                return false;
            }
            int end = pos - 1;
            if (previousStart >= 0 && compare(previousStart, previousEnd, start, end) >= 0) {
                return false;
            }
            previousStart = start;
            previousEnd = end;
            if (in[pos++] != ':' || !canonicalValue(depth + 1)) {
                return false;
            }
            byte next = in[pos++];
            if (next == '}') {
                return true;
            }
            if (next != ',') {
                return false;
            }
        }
    }

    private boolean canonicalArray(int depth) {
        pos++;
        if (in[pos] == ']') {
            pos++;
            return true;
        }
        while (true) {
            if (!canonicalValue(depth + 1)) {
                return false;
            }
            byte next = in[pos++];
            if (next == ']') {
                return true;
            }
            if (next != ',') {
                return false;
            }
        }
    }

    /**
     * What {@link #value} answers for a string, number or literal, whose stored bytes (a string with its quotes) are
     * then {@link #scalarStart} to {@link #scalarEnd}: scalars are kept as ranges in their container, not as objects.
     */
    private static final Object SCALAR = new Object();
    private int scalarStart;
    private int scalarEnd;

    /**
     * An object's members in stored order: name ranges (inside the quotes), and each value as a nested container or,
     * for a scalar, {@code null} and the range of its bytes.
     */
    private static final class Members {
        int[] nameStart = new int[8];
        int[] nameEnd = new int[8];
        int[] valueStart = new int[8];
        int[] valueEnd = new int[8];
        Object[] nested = new Object[8];
        int count;

        void add(int start, int end, Object value, int scalarStart, int scalarEnd) {
            if (count == nested.length) {
                int grown = count * 2;
                nameStart = Arrays.copyOf(nameStart, grown);
                nameEnd = Arrays.copyOf(nameEnd, grown);
                valueStart = Arrays.copyOf(valueStart, grown);
                valueEnd = Arrays.copyOf(valueEnd, grown);
                nested = Arrays.copyOf(nested, grown);
            }
            nameStart[count] = start;
            nameEnd[count] = end;
            if (value == SCALAR) {
                valueStart[count] = scalarStart;
                valueEnd[count] = scalarEnd;
            } else {
                nested[count] = value;
            }
            count++;
        }
    }

    /** An array's elements: each a nested container or, for a scalar, {@code null} and the range of its bytes. */
    private static final class Elements {
        int[] itemStart = new int[8];
        int[] itemEnd = new int[8];
        Object[] nested = new Object[8];
        int count;

        void add(Object value, int scalarStart, int scalarEnd) {
            if (count == nested.length) {
                int grown = count * 2;
                itemStart = Arrays.copyOf(itemStart, grown);
                itemEnd = Arrays.copyOf(itemEnd, grown);
                nested = Arrays.copyOf(nested, grown);
            }
            if (value == SCALAR) {
                itemStart[count] = scalarStart;
                itemEnd[count] = scalarEnd;
            } else {
                nested[count] = value;
            }
            count++;
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
                yield string() ? scalar(start, pos) : null;
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
            members.add(start, end, value, scalarStart, scalarEnd);
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
            elements.add(value, scalarStart, scalarEnd);
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
        return scalar(start, pos);
    }

    private Object scalar(int start, int end) {
        scalarStart = start;
        scalarEnd = end;
        return SCALAR;
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
        return pos - start > MAX_NUMBER_LENGTH ? null : scalar(start, pos);
    }

    private boolean digits() {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        return pos > start;
    }

    /** Writes a container canonically; {@code false} if an object names a member twice (the general path refuses it). */
    private boolean write(Object node) {
        if (node instanceof Members members) {
            put((byte) '{');
            int[] order = sorted(members);
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
                Object nested = members.nested[m];
                if (nested == null) {
                    copy(members.valueStart[m], members.valueEnd[m]);
                } else if (!write(nested)) {
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
                Object nested = elements.nested[i];
                if (nested == null) {
                    copy(elements.itemStart[i], elements.itemEnd[i]);
                } else if (!write(nested)) {
                    return false;
                }
            }
            put((byte) ']');
        }
        return true;
    }

    /**
     * Member indexes sorted by name (ASCII bytes: the same order as UTF-16 code units); {@code null} on a duplicate.
     * An insertion sort: objects have few members, often already in order, and their names are short.
     */
    private int[] sorted(Members members) {
        int count = members.count;
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            int m = i;
            int j = i - 1;
            while (j >= 0) {
                int c = compareNames(members, order[j], m);
                if (c == 0) {
                    return null;
                }
                if (c < 0) {
                    break;
                }
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = m;
        }
        return order;
    }

    private int compareNames(Members members, int a, int b) {
        return compare(members.nameStart[a], members.nameEnd[a], members.nameStart[b], members.nameEnd[b]);
    }

    /** Compares two member names, given as ranges of the document, byte by byte (unsigned; names here are ASCII). */
    private int compare(int i, int aEnd, int j, int bEnd) {
        while (i < aEnd && j < bEnd) {
            int c = (in[i] & 0xff) - (in[j] & 0xff);
            if (c != 0) {
                return c;
            }
            i++;
            j++;
        }
        return (aEnd - i) - (bEnd - j);
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
