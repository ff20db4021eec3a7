package ir.parvaneh.query.notification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Records the {@code phone_number} and {@code email} claims of a signed-in person's token in their contact row, so
 * that messages dispatched later, without a token, can reach them. A failure here never fails the person's request.
 */
class ContactClaims implements HandlerInterceptor {

    static final String PHONE_CLAIM = "phone_number";
    static final String EMAIL_CLAIM = "email";
    private static final Logger log = LoggerFactory.getLogger(ContactClaims.class);

    private final Contacts contacts;

    ContactClaims(Contacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            Object phone = token.getToken().getClaims().get(PHONE_CLAIM);
            Object email = token.getToken().getClaims().get(EMAIL_CLAIM);
            if (phone != null || email != null) {
                try {
                    contacts.recordFromToken(token.getToken().getSubject(), phone == null ? null : phone.toString(),
                            email == null ? null : email.toString());
                } catch (RuntimeException e) {
                    log.warn("Could not record the contact details of {}", token.getToken().getSubject(), e);
                }
            }
        }
        return true;
    }
}
