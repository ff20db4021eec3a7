package ir.parvaneh.kernel.id;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

import java.util.UUID;

/**
 * Aggregate ids are UUIDs created by the caller, written with a prefix per aggregate type
 * ({@code municipality-3f2c…}), so that ids of different aggregates can never clash in the event store,
 * where the aggregate identifier column is shared by all of them.
 */
public final class PrefixedId {

    private PrefixedId() {
    }

    public static String format(String prefix, UUID value) {
        return prefix + "-" + value;
    }

    /** Parses {@code prefix-uuid}; a bare UUID is accepted too. */
    public static UUID parse(String prefix, String text) {
        if (text == null) {
            throw invalid(prefix, "null");
        }
        String uuid = text.startsWith(prefix + "-") ? text.substring(prefix.length() + 1) : text;
        try {
            UUID parsed = UUID.fromString(uuid);
            if (!parsed.toString().equalsIgnoreCase(uuid)) {
                throw invalid(prefix, text);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw invalid(prefix, text);
        }
    }

    private static DomainException invalid(String prefix, String text) {
        return new DomainException(ErrorCode.INVALID_IDENTIFIER,
                "Expected an id of the form " + prefix + "-<uuid>, got '" + text + "'");
    }
}
