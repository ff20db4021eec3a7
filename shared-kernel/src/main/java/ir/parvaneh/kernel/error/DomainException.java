package ir.parvaneh.kernel.error;

import java.util.Objects;

/**
 * A business rule refused an action. Carries a stable {@link ErrorCode}; the message is an English
 * detail for logs and for the problem document's {@code detail}. Callers never parse the message.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
