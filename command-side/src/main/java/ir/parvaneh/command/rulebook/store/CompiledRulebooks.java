package ir.parvaneh.command.rulebook.store;

import ir.parvaneh.command.rulebook.engine.CompiledRulebook;

/** Published rulebook versions, compiled, by the SHA-256 of their content. */
@FunctionalInterface
public interface CompiledRulebooks {

    /**
     * The published rulebook whose content hashes to {@code sha256}, compiled.
     *
     * @throws ir.parvaneh.kernel.error.DomainException {@code RULEBOOK_VERSION_NOT_FOUND} if none was published
     */
    CompiledRulebook bySha256(String sha256);
}
