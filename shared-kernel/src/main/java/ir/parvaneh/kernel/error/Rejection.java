package ir.parvaneh.kernel.error;

/**
 * Why a command was refused, as it crosses a process boundary (the details of Axon's
 * {@code CommandExecutionException}, serialised with the messages): the stable code and an English detail.
 */
public record Rejection(String code, String detail) {

    public static Rejection of(DomainException e) {
        return new Rejection(e.code().name(), e.getMessage());
    }

    public ErrorCode errorCode() {
        try {
            return ErrorCode.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return ErrorCode.INTERNAL_ERROR;
        }
    }
}
