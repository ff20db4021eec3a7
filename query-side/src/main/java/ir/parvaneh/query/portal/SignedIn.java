package ir.parvaneh.query.portal;

import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.ActorClaims;
import ir.parvaneh.query.infrastructure.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;

/**
 * The portal's signed-in person, from the session's authorized client. The access token is refreshed when it has
 * expired (the client manager uses the refresh token) and read through the query side's own {@link JwtDecoder}: the
 * pages trust exactly what the API trusts (issuer, signature, audience), and the roles and municipality come from
 * the same claims.
 */
@Component
public class SignedIn {

    static final String REGISTRATION = "parvaneh";

    private final OAuth2AuthorizedClientManager clients;
    private final JwtDecoder tokens;

    SignedIn(OAuth2AuthorizedClientManager clients, JwtDecoder tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    /** The signed-in person, if there is one whose tokens are still good. */
    public Optional<PortalUser> current(HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken login)) {
            return Optional.empty();
        }
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                    .principal(login).attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response).build());
        } catch (RuntimeException refreshRefused) {
            throw expired(refreshRefused.getMessage());
        }
        if (client == null) {
            throw expired("No authorized client in the session");
        }
        Jwt access;
        try {
            access = tokens.decode(client.getAccessToken().getTokenValue());
        } catch (JwtException invalid) {
            throw expired(invalid.getMessage());
        }
        Object municipality = access.getClaims().get(ActorClaims.MUNICIPALITY);
        Caller caller = new Caller(access.getSubject(), ActorClaims.roles(access.getClaims()),
                municipality == null ? null : municipality.toString());
        return Optional.of(new PortalUser(caller, displayName(login), access));
    }

    /** The signed-in person; a page that needs one is only reached signed in (the filter chain sends others to log in). */
    public PortalUser required(HttpServletRequest request, HttpServletResponse response) {
        return current(request, response).orElseThrow(() -> PortalProblem.of(ErrorCode.UNAUTHENTICATED,
                "This page needs a signed-in person"));
    }

    private static String displayName(OAuth2AuthenticationToken login) {
        if (login.getPrincipal() instanceof OidcUser user) {
            String full = user.getFullName();
            if (full == null || full.isBlank()) {
                full = ((user.getGivenName() == null ? "" : user.getGivenName()) + " "
                        + (user.getFamilyName() == null ? "" : user.getFamilyName())).strip();
            }
            return full.isBlank() ? user.getPreferredUsername() : full;
        }
        return login.getName();
    }

    private static PortalProblem expired(String detail) {
        return new PortalProblem(401, PortalProblem.SESSION_EXPIRED, "نشست شما به پایان رسیده است",
                "Your session has ended", detail);
    }
}
