package ir.parvaneh.command.consent.api;

import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.ActorClaims;
import ir.parvaneh.kernel.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * Learns each citizen's mobile number from their own token as they use the command API, so that an engineer's
 * consent request can be answered by a code on the owner's phone. A token that is not a citizen's, or lacks a usable
 * number, changes nothing; a failure here never fails the citizen's request.
 */
@Configuration(proxyBeanMethods = false)
class OwnerContactRecorder implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OwnerContactRecorder.class);

    private final OwnerContacts contacts;

    OwnerContactRecorder(OwnerContacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                record(SecurityContextHolder.getContext().getAuthentication());
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    private void record(Object authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return;
        }
        Map<String, Object> claims = token.getToken().getClaims();
        Object phone = claims.get(ActorClaims.PHONE_NUMBER);
        if (phone == null || !ActorClaims.roles(claims).contains(Role.CITIZEN)) {
            return;
        }
        try {
            Actor citizen = ActorClaims.actor(claims, Role.CITIZEN);
            contacts.remember(citizen, phone.toString());
        } catch (RuntimeException unusable) {
            log.warn("A citizen's contact could not be recorded: {}", unusable.getClass().getSimpleName());
        }
    }
}
