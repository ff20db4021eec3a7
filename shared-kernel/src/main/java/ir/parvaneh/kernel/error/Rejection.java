package ir.parvaneh.kernel.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a command was refused, as it crosses a process boundary (the details of Axon's
 * {@code CommandExecutionException}, serialised with the messages): the stable code, an English detail
 * and the named facts of the refusal (see {@link DomainException#with}) as text.
 */
public record Rejection(String code, String detail, Map<String, String> properties) {

    public Rejection {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public Rejection(String code, String detail) {
        this(code, detail, Map.of());
    }

    public static Rejection of(DomainException e) {
        Map<String, String> properties = new LinkedHashMap<>();
        e.properties().forEach((name, value) -> properties.put(name, String.valueOf(value)));
        return new Rejection(e.code().name(), e.getMessage(), properties);
    }

    public ErrorCode errorCode() {
        try {
            return ErrorCode.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return ErrorCode.INTERNAL_ERROR;
        }
    }
}
