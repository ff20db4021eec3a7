package ir.parvaneh.query.history;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.ActorClaims;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.query.jooq.query.tables.records.DecisionHistoryChainRecord;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may read an aggregate's decision history: provincial oversight and the province's administrators
 * everywhere; the staff of its municipality (inspectors, clerks, the municipal administrator); and the person it
 * belongs to (the applicant, the one who asked for the assessment). Staff of another municipality are told they
 * do not act for it; anyone else is told there is no such history, so that a citizen cannot probe for others'
 * files.
 */
final class HistoryReaders {

    private static final Set<Role> PROVINCIAL = EnumSet.of(Role.OVERSIGHT, Role.PROVINCE_ADMIN);
    private static final Set<Role> MUNICIPAL_STAFF = EnumSet.of(Role.INSPECTOR, Role.CLERK, Role.MUNICIPAL_ADMIN);

    private HistoryReaders() {
    }

    static void check(Jwt token, DecisionHistoryChainRecord chain, DomainException notFound) {
        Set<Role> roles = ActorClaims.roles(token.getClaims());
        if (roles.stream().anyMatch(PROVINCIAL::contains)) {
            return;
        }
        if (chain.getOwnerSubject() != null && chain.getOwnerSubject().equals(token.getSubject())) {
            return;
        }
        boolean staff = roles.stream().anyMatch(MUNICIPAL_STAFF::contains);
        if (staff) {
            Object municipality = token.getClaims().get(ActorClaims.MUNICIPALITY);
            if (municipality != null && municipality.toString().equals(chain.getMunicipalitySlug())) {
                return;
            }
            throw new DomainException(ErrorCode.FORBIDDEN_MUNICIPALITY,
                    "Only the staff of " + chain.getMunicipalitySlug() + " read its decision histories");
        }
        throw notFound;
    }

    static DomainException notFound(String kind, String id) {
        return DecisionHistoryProjector.ASSESSMENT.equals(kind)
                ? new DomainException(ErrorCode.ASSESSMENT_NOT_FOUND, "No decision history for assessment " + id)
                : new DomainException(ErrorCode.NOT_FOUND, "No decision history for permit application " + id);
    }
}
