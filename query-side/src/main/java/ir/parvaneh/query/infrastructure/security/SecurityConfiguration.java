package ir.parvaneh.query.infrastructure.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.parvaneh.query.infrastructure.web.Problems;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.ActorClaims;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The query API is an OAuth2 resource server. Public data (the municipalities, the map services of the
 * layers in force, later the rules of a parcel) is open to anonymous readers; everything personal needs a
 * bearer token from the identity provider, and its roles come from the token's {@code roles} claim.
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
                .cors(cors -> cors.configurationSource(publicMapsAnyOrigin()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // A municipality's work queues are staff business, not public like the municipality.
                        .requestMatchers("/api/municipalities/*/queues/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/municipalities", "/api/municipalities/**").permitAll()
                        // Anonymised permitting statistics, published for transparency.
                        .requestMatchers(HttpMethod.GET, "/api/open-data/**").permitAll()
                        // Map services: the layers in force are public reference data. GIS clients ask HEAD
                        // before they fetch a tile (GDAL's /vsicurl/ does).
                        .requestMatchers(HttpMethod.GET, "/ogc", "/ogc/**", "/tiles/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/ogc", "/ogc/**", "/tiles/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * Web maps on any site (a municipality's own, a citizen's app) load the public tiles and features from
     * the browser; no credentials travel with them, so any origin may read them.
     */
    private static CorsConfigurationSource publicMapsAnyOrigin() {
        CorsConfiguration publicMaps = new CorsConfiguration();
        publicMaps.addAllowedOrigin("*");
        publicMaps.addAllowedMethod(HttpMethod.GET);
        publicMaps.addAllowedMethod(HttpMethod.HEAD);
        publicMaps.addAllowedHeader("*");
        publicMaps.addExposedHeader("ETag");
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/ogc", publicMaps);
        source.registerCorsConfiguration("/ogc/**", publicMaps);
        source.registerCorsConfiguration("/tiles/**", publicMaps);
        return source;
    }

    /** Authorities are {@code ROLE_<role>} for each role of the platform the token grants. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, ActorClaims.roles(jwt.getClaims()).stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList());
    }
}
