package ir.parvaneh.command.consent.code;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.ActorClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The embedded run's "phone": the caller reads the text messages the simulated gateway sent to the mobile number in
 * their own token, and nobody else's. Exists only with the simulated gateway.
 */
@RestController
@ConditionalOnProperty(name = "parvaneh.consent.simulated-sms", havingValue = "true")
@Tag(name = "Representation consents", description = "Engineers acting for owners, with the owner's consent")
@SecurityRequirement(name = "bearer")
class SimulatedSmsInbox {

    private final SimulatedSmsGateway gateway;

    SimulatedSmsInbox(SimulatedSmsGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/api/simulated-sms/inbox")
    @Operation(summary = "The text messages sent to my phone number (embedded run only)")
    List<SimulatedSmsGateway.Sms> inbox() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required");
        }
        String phone = OwnerPhones.normalize(String.valueOf(token.getToken().getClaims().get(ActorClaims.PHONE_NUMBER)));
        return phone == null ? List.of() : gateway.inbox(phone);
    }
}
