package ir.parvaneh.query.infrastructure.security;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.ActorClaims;
import ir.parvaneh.kernel.identity.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.Set;

/** The person calling the API, as the actor of the command they send. */
@Component
public class CurrentActor {

    /**
     * The caller acting in the first of {@code allowed} roles their token grants. Throws
     * {@code FORBIDDEN_ROLE} when it grants none, {@code UNAUTHENTICATED} without a token.
     */
    public Actor actingAs(Role... allowed) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required");
        }
        Set<Role> granted = ActorClaims.roles(token.getToken().getClaims());
        for (Role role : allowed) {
            if (granted.contains(role)) {
                try {
                    return ActorClaims.actor(token.getToken().getClaims(), role);
                } catch (IllegalArgumentException incompleteToken) {
                    throw new DomainException(ErrorCode.FORBIDDEN_MUNICIPALITY, incompleteToken.getMessage());
                }
            }
        }
        throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "This action needs one of the roles " + Set.of(allowed));
    }
}
