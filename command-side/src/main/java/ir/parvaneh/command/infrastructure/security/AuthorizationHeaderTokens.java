package ir.parvaneh.command.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.util.StringUtils;

/**
 * The bearer token of a request, as Spring Security's {@link DefaultBearerTokenResolver} finds it with its defaults
 * (the {@code Authorization} header only; no {@code access_token} parameter in the query or a form body), the
 * header's form checked by a loop instead of that resolver's regular expression
 * ({@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive): the same token, the same {@code null} and the
 * same "malformed" refusal ({@code AuthorizationHeaderTokensTest} holds them equal on generated headers), without
 * running the regex engine over the whole 1.5 KB token on every request (issue 5).
 */
final class AuthorizationHeaderTokens implements BearerTokenResolver {

    private static final String SCHEME = "bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!StringUtils.startsWithIgnoreCase(header, "bearer")) {
            return null;
        }
        if (!wellFormed(header)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(SCHEME.length());
    }

    /** "Bearer " in any ASCII case, one or more token characters, then only '=' padding. */
    private static boolean wellFormed(String header) {
        if (header.length() <= SCHEME.length()) {
            return false;
        }
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = header.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != SCHEME.charAt(i)) {
                return false;
            }
        }
        int i = SCHEME.length();
        while (i < header.length() && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return false;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length();
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
