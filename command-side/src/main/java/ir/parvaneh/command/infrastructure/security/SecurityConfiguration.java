package ir.parvaneh.command.infrastructure.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.command.infrastructure.web.Problems;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.ActorClaims;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The command API is an OAuth2 resource server: every command needs a bearer token from the identity
 * provider (Keycloak in the embedded run, any OIDC issuer by configuration). Roles come from the
 * token's {@code roles} claim; which role may send which command is declared on each endpoint, and the
 * aggregates check the municipality an actor serves.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> Problems.write(response, json,
                Problems.of(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required", request));
        AccessDeniedHandler forbidden = (request, response, e) -> Problems.write(response, json,
                Problems.of(ErrorCode.FORBIDDEN_ROLE, "Your role does not allow this action", request));
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // The layers and what they say about a parcel are public: citizens look before they sign in.
                        .requestMatchers(HttpMethod.GET, "/api/parcels", "/api/parcels/**").permitAll()
                        // Published rules are public: anyone may read what the rules are and where they come from.
                        .requestMatchers(HttpMethod.GET, "/api/municipalities/*/rulebooks", "/api/municipalities/*/rulebooks/*").permitAll()
                        // The payment gateway calls back without a user's token: each callback carries its own signature.
                        .requestMatchers(HttpMethod.POST, "/api/payments/callbacks").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new AuthorizationHeaderTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * No observation wrappers around the filters, the authentication and the authorization: their observations are
     * switched off ({@code management.observations.enable.spring.security}), yet Spring Security still wrapped every
     * filter of every request in a decorator that asked the registry each time (issue 5's profile). Nothing observed
     * them: no metrics exporter or tracer is configured.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall with its default rules, the header (and parameter) names and values checked
     * by {@link HeaderCharacters} instead of the same rules as regular expressions.
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        firewall.setAllowedParameterNames(HeaderCharacters::allowedName);
        return firewall;
    }

    @Bean
    WebSecurityCustomizer firewallInUse(HttpFirewall firewall) {
        return web -> web.httpFirewall(firewall);
    }

    /** Tokens kept verified: a few thousand clients at once, a couple of KB each. */
    static final int VERIFIED_TOKENS = 4_096;
    /** As long as Nimbus keeps the JWK set: a withdrawn signing key is honoured no longer than before. */
    static final Duration VERIFIED_TOKEN_MAX_AGE = Duration.ofMinutes(5);

    /**
     * The decoder Spring Boot would build from {@code spring.security.oauth2.resourceserver.jwt} (the JWK set URI, the
     * algorithms, the default validators with the issuer, the audience), with the signature checked once per token
     * and the validators on every request ({@link VerifiedTokens}); expiry and not-before read the platform's clock.
     */
    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, Clock clock) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        NimbusJwtDecoder signatureOnly = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                .jwsAlgorithms(algorithms -> jwt.getJwsAlgorithms().forEach(a -> algorithms.add(SignatureAlgorithm.from(a))))
                .build();
        signatureOnly.setJwtValidator(token -> OAuth2TokenValidatorResult.success());
        return new VerifiedTokens(signatureOnly, validator(jwt.getIssuerUri(), jwt.getAudiences(), clock), VERIFIED_TOKENS,
                VERIFIED_TOKEN_MAX_AGE);
    }

    /** Spring Boot's validators for these properties, the timestamps on {@code clock}. */
    static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> defaults = new ArrayList<>(List.of(timestamps));
        if (issuer != null) {
            defaults.add(new JwtIssuerValidator(issuer));
        }
        List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>(List.of(JwtValidators.createDefaultWithValidators(defaults)));
        if (audiences != null && !audiences.isEmpty()) {
            all.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && !Collections.disjoint(aud, audiences)));
        }
        return new DelegatingOAuth2TokenValidator<>(all);
    }

    /** Authorities are {@code ROLE_<role>} for each role of the platform the token grants. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, ActorClaims.roles(jwt.getClaims()).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList());
    }
}
