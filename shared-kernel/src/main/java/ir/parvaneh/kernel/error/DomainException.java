package ir.parvaneh.kernel.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A business rule refused an action. Carries a stable {@link ErrorCode}; the message is an English
 * detail for logs and for the problem document's {@code detail}. Callers never parse the message:
 * facts a client acts on (the index of a bad feature, the field at fault) travel as named properties,
 * which become members of the problem document.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public DomainException(ErrorCode code, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** Adds a named fact for the client ({@code featureIndex}, {@code attribute}); returns this exception. */
    public DomainException with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }
}
