package ir.parvaneh.command.permit.payment;

import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The embedded run's stand-in for a bank's payment gateway: it "charges" the amount the portal asks for and
 * calls the platform back exactly as a real gateway would, with a signed callback through the same check.
 * Switched on by {@code parvaneh.payments.simulated-gateway} ({@code PARVANEH_SIMULATED_PAYMENTS}); off
 * wherever real money moves.
 */
@RestController
@ConditionalOnProperty(name = "parvaneh.payments.simulated-gateway", havingValue = "true")
@Tag(name = "Payments", description = "The payment gateway's signed callbacks")
@SecurityRequirement(name = "bearer")
class SimulatedPaymentGateway {

    record Payment(String applicationId, long amountRials) {
    }

    private final PaymentSignatures signatures;
    private final PaymentCallbackController callbacks;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final PayingForOwners payingFor;

    SimulatedPaymentGateway(PaymentSignatures signatures, PaymentCallbackController callbacks, CurrentActor currentActor,
                            Clock clock, PayingForOwners payingFor) {
        this.payingFor = payingFor;
        this.signatures = signatures;
        this.callbacks = callbacks;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @PostMapping("/api/simulated-gateway/payments")
    @Operation(summary = "Pay an application's fees through the simulated gateway (embedded run only)")
    PaymentCallbackController.Confirmed pay(@RequestBody Payment payment) {
        Actor payer = currentActor.actingAs(Role.CITIZEN, Role.ENGINEER);
        // An engineer pays only for an owner who consented to it, before any money moves; the consent and the engineer
        // then travel with the confirmation into PaymentConfirmed's metadata.
        Map<String, String> authority = payer.role() == Role.ENGINEER ? payingFor.authorityToPay(payer, payment.applicationId())
                : Map.of();
        String reference = "SIM-" + UUID.randomUUID();
        String paidAt = Instant.now(clock).toString();
        return callbacks.confirm(new PaymentCallback(payment.applicationId(), reference, payment.amountRials(), paidAt,
                signatures.sign(payment.applicationId(), reference, payment.amountRials(), paidAt)), authority);
    }
}
