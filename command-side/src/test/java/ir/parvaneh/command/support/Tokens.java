package ir.parvaneh.command.support;

import ir.parvaneh.kernel.identity.Actor;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import java.util.List;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/** Test bearer tokens shaped like the ones Parvaneh's Keycloak realm issues. */
public final class Tokens {

    private Tokens() {
    }

    public static JwtRequestPostProcessor tokenOf(Actor actor) {
        return tokenOf(actor, null);
    }

    /** The token of someone whose account has a mobile number ({@code phone_number}, as the realm maps it). */
    public static JwtRequestPostProcessor tokenOf(Actor actor, String phoneNumber) {
        return jwt().jwt(token -> {
                    token.subject(actor.subject())
                            .claim("name", actor.displayName())
                            .claim("roles", List.of(actor.role().name()))
                            .claim("preferred_username", actor.subject());
                    if (actor.municipality() != null) {
                        token.claim("municipality", actor.municipality());
                    }
                    if (actor.nationalCode() != null) {
                        token.claim("national_code", actor.nationalCode());
                    }
                    if (actor.licenceNumber() != null) {
                        token.claim("licence_number", actor.licenceNumber());
                    }
                    if (phoneNumber != null) {
                        token.claim("phone_number", phoneNumber);
                    }
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }
}
