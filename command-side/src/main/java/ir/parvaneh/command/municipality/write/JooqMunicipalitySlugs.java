package ir.parvaneh.command.municipality.write;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static ir.parvaneh.command.jooq.command.Tables.MUNICIPALITY_SLUG;

/**
 * The slug register in the command side's own table, written in the command's transaction. A claim is never
 * released, so a slug's municipality, once committed, never changes: look-ups made where no claim of the
 * current transaction can be seen (outside a transaction, or in a read-only one) are remembered, since
 * every public parcel look-up and assessment asks for it.
 */
@Repository
class JooqMunicipalitySlugs implements MunicipalitySlugs {

    private final DSLContext dsl;
    private final Map<String, String> committedIds = new ConcurrentHashMap<>();

    JooqMunicipalitySlugs(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void claim(String slug, String municipalityId) {
        int claimed = dsl.insertInto(MUNICIPALITY_SLUG)
                .set(MUNICIPALITY_SLUG.SLUG, slug)
                .set(MUNICIPALITY_SLUG.MUNICIPALITY_ID, municipalityId)
                .onConflictDoNothing()
                .execute();
        if (claimed == 0) {
            if (slugOf(municipalityId).isPresent()) {
                throw new DomainException(ErrorCode.MUNICIPALITY_ALREADY_REGISTERED,
                        municipalityId + " is already registered");
            }
            throw new DomainException(ErrorCode.MUNICIPALITY_SLUG_TAKEN, "The slug '" + slug + "' is taken");
        }
    }

    @Override
    public Optional<String> slugOf(String municipalityId) {
        return dsl.select(MUNICIPALITY_SLUG.SLUG).from(MUNICIPALITY_SLUG)
                .where(MUNICIPALITY_SLUG.MUNICIPALITY_ID.eq(municipalityId))
                .fetchOptional(MUNICIPALITY_SLUG.SLUG);
    }

    @Override
    public Optional<String> municipalityIdOf(String slug) {
        String known = committedIds.get(slug);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> id = dsl.select(MUNICIPALITY_SLUG.MUNICIPALITY_ID).from(MUNICIPALITY_SLUG)
                .where(MUNICIPALITY_SLUG.SLUG.eq(slug))
                .fetchOptional(MUNICIPALITY_SLUG.MUNICIPALITY_ID);
        if (id.isPresent() && (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly())) {
            committedIds.put(slug, id.get());
        }
        return id;
    }

    @Override
    public boolean isTaken(String slug) {
        return dsl.fetchExists(MUNICIPALITY_SLUG, MUNICIPALITY_SLUG.SLUG.eq(slug));
    }
}
