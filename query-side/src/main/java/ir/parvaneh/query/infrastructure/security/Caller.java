package ir.parvaneh.query.infrastructure.security;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.ActorClaims;
import ir.parvaneh.kernel.identity.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Set;

/**
 * Who is reading the query side: the token's subject, its roles and the municipality (slug) its municipal roles serve.
 * Every query-side controller checks its reader through this one type. Reading needs no complete actor (a citizen's
 * national code is checked where they act, on the command side).
 */
public record Caller(String subject, Set<Role> roles, String municipality) {

    private static final Set<Role> MUNICIPAL_STAFF = Set.of(Role.CLERK, Role.MUNICIPAL_ADMIN, Role.INSPECTOR);
    private static final Set<Role> PROVINCIAL = Set.of(Role.OVERSIGHT, Role.PROVINCE_ADMIN);

    public static Caller current() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required");
        }
        var claims = token.getToken().getClaims();
        Object municipality = claims.get(ActorClaims.MUNICIPALITY);
        return new Caller(token.getToken().getSubject(), ActorClaims.roles(claims),
                municipality == null ? null : municipality.toString());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean provincial() {
        return roles.stream().anyMatch(PROVINCIAL::contains);
    }

    /** Whether a municipal role of the caller serves this municipality. */
    public boolean staffOf(String municipalitySlug) {
        return municipality != null && municipality.equals(municipalitySlug)
                && roles.stream().anyMatch(MUNICIPAL_STAFF::contains);
    }

    public boolean municipalStaff() {
        return roles.stream().anyMatch(MUNICIPAL_STAFF::contains);
    }

    /** Refuses a caller holding none of the roles. */
    public Caller requireAny(Role... allowed) {
        for (Role role : allowed) {
            if (roles.contains(role)) {
                return this;
            }
        }
        throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "This needs one of the roles " + Set.of(allowed));
    }
}
