package ir.parvaneh.query.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portal's pages: a second filter chain, before the API's, for the page paths only. People sign in through the
 * identity provider with the authorization code flow and PKCE (Spring Security's OAuth2 client; the realm's public
 * client {@code parvaneh-web}); the session keeps their tokens, forms carry a CSRF token, and the pages relay the
 * access token to the command API. {@code /api/**} is untouched: still a stateless bearer-token resource server.
 * <p>
 * Parcel search and the map are public like the map services they read; everything personal needs a signed-in
 * person, whom the chain sends to the identity provider's login page.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String[] PAGE_PATHS = {"/", "/portal", "/portal/**", "/oauth2/**", "/login/oauth2/**", "/logout",
            "/webjars/**", "/favicon.ico", "/assessments/*/verification"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        // PKCE for every registration (Spring adds it to public clients by itself; this keeps it if the client is
        // ever made confidential).
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return http
                .securityMatcher(PAGE_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/portal", "/portal/assets/**", "/webjars/**", "/favicon.ico").permitAll()
                        // Parcels and the map show public reference data, as /ogc and /tiles do.
                        .requestMatchers("/portal/parcels", "/portal/map").permitAll()
                        // Where a certificate's QR code leads: for whoever holds the paper, nothing personal on it.
                        .requestMatchers("/assessments/*/verification").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/" + SignedIn.REGISTRATION)
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(withPkce))
                        .defaultSuccessUrl("/portal/home"))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(endSessionAtTheProvider(registrations)))
                .build();
    }

    /**
     * Signing out of the portal also ends the session at the identity provider (OIDC RP-initiated logout), so the
     * next person at a shared computer is asked for their own password.
     */
    private static LogoutSuccessHandler endSessionAtTheProvider(ClientRegistrationRepository registrations) {
        return (request, response, authentication) -> {
            String home = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                    .replacePath(request.getContextPath() + "/").replaceQuery(null).build().toUriString();
            ClientRegistration registration = registrations.findByRegistrationId(SignedIn.REGISTRATION);
            String authorize = registration.getProviderDetails().getAuthorizationUri();
            UriComponentsBuilder endSession = UriComponentsBuilder.fromUriString(
                            authorize.replaceFirst("/auth$", "/logout"))
                    .queryParam("client_id", registration.getClientId())
                    .queryParam("post_logout_redirect_uri", home);
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                endSession.queryParam("id_token_hint", user.getIdToken().getTokenValue());
            }
            response.sendRedirect(endSession.encode().build().toUriString());
        };
    }

    /** Hands out the session's access token, refreshing it with the refresh token when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}
