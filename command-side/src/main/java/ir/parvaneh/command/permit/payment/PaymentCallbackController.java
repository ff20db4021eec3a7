package ir.parvaneh.command.permit.payment;

import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import ir.parvaneh.kernel.permit.PermitCommands.ConfirmPayment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The payment gateway's callback. A callback whose signature does not verify is refused before anything is
 * sent, so a forged one records nothing; a verified one confirms the payment as the platform's gateway
 * actor, and the application decides: the same reference again is a no-op, another amount than the one due
 * is refused.
 */
@RestController
@Tag(name = "Payments", description = "The payment gateway's signed callbacks")
class PaymentCallbackController {

    static final Actor GATEWAY = Actor.system("payment-gateway");

    private final PaymentSignatures signatures;
    private final ActingCommands commands;

    PaymentCallbackController(PaymentSignatures signatures, ActingCommands commands) {
        this.signatures = signatures;
        this.commands = commands;
    }

    record Confirmed(String applicationId, String reference, long amountRials) {
    }

    @PostMapping("/api/payments/callbacks")
    @Operation(summary = "A payment gateway's signed confirmation that an application's fees were paid",
            description = "signature = hex(HMAC-SHA256(secret, applicationId + \"\\n\" + reference + \"\\n\" + amountRials + \"\\n\" + paidAt))")
    Confirmed callback(@RequestBody PaymentCallback callback) {
        return confirm(callback, Map.of());
    }

    /** A verified callback confirms the payment, with the authority it was paid on (an engineer's consent) if any. */
    Confirmed confirm(PaymentCallback callback, Map<String, String> authority) {
        if (callback.applicationId() == null || callback.reference() == null || callback.reference().isBlank()
                || callback.paidAt() == null || !signatures.verify(callback)) {
            throw new DomainException(ErrorCode.PAYMENT_SIGNATURE_INVALID, "The callback's signature does not verify");
        }
        commands.send(new ConfirmPayment(PermitApplicationId.parse(callback.applicationId()), "payment-" + callback.reference(),
                callback.reference(), callback.amountRials(), callback.paidAt()), GATEWAY, authority);
        return new Confirmed(callback.applicationId(), callback.reference(), callback.amountRials());
    }
}
