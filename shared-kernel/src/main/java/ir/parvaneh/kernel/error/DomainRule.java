package ir.parvaneh.kernel.error;

/**
 * A named business rule: {@link #verify()} does nothing when the rule holds and throws a
 * {@link DomainException} with the rule's code when it does not.
 */
public interface DomainRule {

    boolean isSatisfied();

    ErrorCode code();

    String explanation();

    default void verify() {
        if (!isSatisfied()) {
            throw new DomainException(code(), explanation());
        }
    }
}
