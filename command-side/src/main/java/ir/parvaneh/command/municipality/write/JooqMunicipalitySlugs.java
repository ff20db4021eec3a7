package ir.parvaneh.command.municipality.write;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Optional;

import static ir.parvaneh.command.jooq.command.Tables.MUNICIPALITY_SLUG;

/** The slug register in the command side's own table, written in the command's transaction. */
@Repository
class JooqMunicipalitySlugs implements MunicipalitySlugs {

    private final DSLContext dsl;

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
        return dsl.select(MUNICIPALITY_SLUG.MUNICIPALITY_ID).from(MUNICIPALITY_SLUG)
                .where(MUNICIPALITY_SLUG.SLUG.eq(slug))
                .fetchOptional(MUNICIPALITY_SLUG.MUNICIPALITY_ID);
    }

    @Override
    public boolean isTaken(String slug) {
        return dsl.fetchExists(MUNICIPALITY_SLUG, MUNICIPALITY_SLUG.SLUG.eq(slug));
    }
}
