package ir.parvaneh.command.permit.payment;

import ir.parvaneh.command.consent.lookup.RepresentationConsents;
import ir.parvaneh.command.permit.api.PermitApplicationHistory;
import ir.parvaneh.kernel.consent.ConsentAct;
import ir.parvaneh.kernel.consent.Representation;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.permit.PermitApplicationEvent.PermitApplicationSubmitted;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Whether an engineer may pay an application's fees for its owner: only on the owner's active consent covering
 * {@code PAY} on this file. Judged before the gateway is asked, because the payment is confirmed later by the
 * platform's gateway actor, which cannot know who started it.
 */
@Component
public class PayingForOwners {

    private final RepresentationConsents consents;
    private final PermitApplicationHistory histories;

    PayingForOwners(RepresentationConsents consents, PermitApplicationHistory histories) {
        this.consents = consents;
        this.histories = histories;
    }

    /** The metadata naming the consent and the engineer; refused with {@code REPRESENTATION_CONSENT_REQUIRED}. */
    public Map<String, String> authorityToPay(Actor engineer, String applicationId) {
        PermitApplicationId id = PermitApplicationId.parse(applicationId);
        PermitApplicationSubmitted file = histories.of(id).submitted();
        return consents.covering(engineer.subject(), file.applicantNationalCode(), file.municipalitySlug(), file.plate(),
                        id.toString(), ConsentAct.PAY)
                .map(consent -> Map.of(Representation.CONSENT_ID, consent.consentId(),
                        Representation.ENGINEER_SUBJECT, engineer.subject(),
                        Representation.ENGINEER_LICENCE, String.valueOf(engineer.licenceNumber())))
                .orElseThrow(() -> new DomainException(ErrorCode.REPRESENTATION_CONSENT_REQUIRED, engineer.subject()
                        + " has no active consent of the owner to pay for " + id).with("act", ConsentAct.PAY.name()));
    }
}
