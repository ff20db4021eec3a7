package ir.parvaneh.kernel.identity;

import ir.parvaneh.kernel.error.DomainRule;
import ir.parvaneh.kernel.error.ErrorCode;

/** Who may act: the rules on the acting user that every aggregate shares, each with its own code. */
public final class ActorRules {

    private ActorRules() {
    }

    /** Only the province administers the list of municipalities (or the platform itself, loading it). */
    public record AdministersProvince(Actor actor) implements DomainRule {
        public boolean isSatisfied() {
            return actor.role() == Role.PROVINCE_ADMIN || actor.role() == Role.SYSTEM;
        }

        public ErrorCode code() {
            return ErrorCode.FORBIDDEN_ROLE;
        }

        public String explanation() {
            return "Only a province administrator may do this; the actor acts as " + actor.role();
        }
    }

    /** A municipality's own administrator, or the province, may maintain what it publishes. */
    public record MayAdministerMunicipality(Actor actor) implements DomainRule {
        public boolean isSatisfied() {
            return actor.role() == Role.MUNICIPAL_ADMIN || new AdministersProvince(actor).isSatisfied();
        }

        public ErrorCode code() {
            return ErrorCode.FORBIDDEN_ROLE;
        }

        public String explanation() {
            return "Only a municipal or province administrator may do this; the actor acts as " + actor.role();
        }
    }

    public record ServesMunicipality(Actor actor, String slug) implements DomainRule {
        public boolean isSatisfied() {
            return actor.actsFor(slug);
        }

        public ErrorCode code() {
            return ErrorCode.FORBIDDEN_MUNICIPALITY;
        }

        public String explanation() {
            return "The actor serves '" + actor.municipality() + "', not '" + slug + "'";
        }
    }
}
