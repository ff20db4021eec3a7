package ir.parvaneh.command.consent.api;

import ir.parvaneh.command.consent.write.RepresentationConsent.CodeEntry;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.infrastructure.security.CurrentActor;
import ir.parvaneh.kernel.consent.ConsentAct;
import ir.parvaneh.kernel.consent.ConsentCommands.ConfirmRepresentationConsent;
import ir.parvaneh.kernel.consent.ConsentCommands.EnterConsentCode;
import ir.parvaneh.kernel.consent.ConsentCommands.WithdrawRepresentationConsent;
import ir.parvaneh.kernel.consent.RepresentationConsentId;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.text.PersianText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Representatives with the owner's consent: an engineer asks, the owner answers in the portal or by the one-time code
 * sent to their phone (which the engineer enters), and the owner may withdraw at any time. Each request sends one of
 * the {@code RepresentationConsent} aggregate's commands as the caller; the aggregate judges every rule.
 */
@RestController
@Tag(name = "Representation consents", description = "Engineers acting for owners, with the owner's consent")
@SecurityRequirement(name = "bearer")
class ConsentController {

    private static final String API = "/api/representation-consents";

    /** What an engineer asks: the owner (national code), the file (municipality, plate, optional application), the acts. */
    record ConsentRequest(String ownerNationalCode, String municipality, String plate, String applicationId,
                          Set<ConsentAct> acts) {
    }

    record EnteredCode(String code) {
    }

    record Withdrawal(String reason) {
    }

    /** Where a consent stands after a request. */
    record State(String consentId, String status) {
    }

    private final ConsentDesk desk;
    private final ActingCommands commands;
    private final CurrentActor currentActor;
    private final ConsentListing listing;

    ConsentController(ConsentDesk desk, ActingCommands commands, CurrentActor currentActor, ConsentListing listing) {
        this.desk = desk;
        this.commands = commands;
        this.currentActor = currentActor;
        this.listing = listing;
    }

    @PostMapping(API)
    @Operation(summary = "Ask an owner for consent to act for them on a file (an engineer with a licence number)",
            description = "If the owner's mobile number is known (from their own sign-in), a one-time code is sent to it at "
                    + "once and codeSentTo shows the masked number; otherwise codeSentTo is null and the owner confirms in "
                    + "the portal.")
    ResponseEntity<ConsentDesk.Requested> request(@RequestBody ConsentRequest request) {
        Actor engineer = currentActor.actingAs(Role.ENGINEER);
        ConsentDesk.Requested requested = desk.request(engineer, request.ownerNationalCode(), request.municipality(),
                request.plate(), request.applicationId(), request.acts());
        return ResponseEntity.created(URI.create(API + "/" + requested.consentId())).body(requested);
    }

    @PostMapping(API + "/{id}/codes")
    @Operation(summary = "Send the owner a new one-time code for an open request (its engineer; rate limited)")
    ResponseEntity<ConsentDesk.Requested> newCode(@PathVariable String id) {
        Actor engineer = currentActor.actingAs(Role.ENGINEER);
        return ResponseEntity.status(201).body(desk.newCode(engineer, id));
    }

    @PostMapping(API + "/{id}/code-entry")
    @Operation(summary = "Enter the one-time code the owner received (its engineer)",
            description = "A wrong code is recorded and answered 422 CONSENT_CODE_WRONG with attemptsLeft; after the last "
                    + "attempt the code is dead.")
    State enterCode(@PathVariable String id, @RequestBody EnteredCode entered) {
        Actor engineer = currentActor.actingAs(Role.ENGINEER);
        if (entered == null || entered.code() == null || entered.code().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "The one-time code is required").with("field", "code");
        }
        RepresentationConsentId consentId = RepresentationConsentId.parse(id);
        CodeEntry entry = commands.send(new EnterConsentCode(consentId, PersianText.latinDigits(entered.code()).strip()),
                engineer);
        if (!entry.accepted()) {
            throw new DomainException(ErrorCode.CONSENT_CODE_WRONG, "The code is not the one sent to the owner")
                    .with("attemptsLeft", entry.attemptsLeft());
        }
        return new State(consentId.toString(), "GIVEN");
    }

    @PostMapping(API + "/{id}/confirmation")
    @Operation(summary = "Give the consent asked of you (the owner, signed in)")
    State confirm(@PathVariable String id) {
        Actor owner = currentActor.actingAs(Role.CITIZEN);
        RepresentationConsentId consentId = RepresentationConsentId.parse(id);
        commands.send(new ConfirmRepresentationConsent(consentId), owner);
        return new State(consentId.toString(), "GIVEN");
    }

    @PostMapping(API + "/{id}/withdrawal")
    @Operation(summary = "Withdraw a consent, or decline one asked (the owner); it authorises nothing from now on")
    State withdraw(@PathVariable String id, @RequestBody(required = false) Withdrawal withdrawal) {
        Actor owner = currentActor.actingAs(Role.CITIZEN);
        RepresentationConsentId consentId = RepresentationConsentId.parse(id);
        commands.send(new WithdrawRepresentationConsent(consentId, withdrawal == null ? null
                : PersianText.normalize(withdrawal.reason())), owner);
        return new State(consentId.toString(), "WITHDRAWN");
    }

    @GetMapping("/api/me/representation-consents")
    @Operation(summary = "My consents: asked of me or given by me (a citizen), or asked by me (an engineer)")
    List<ConsentListing.Consent> mine() {
        Actor actor = currentActor.actingAs(Role.CITIZEN, Role.ENGINEER);
        return actor.role() == Role.CITIZEN ? listing.ofOwner(actor.nationalCode()) : listing.ofEngineer(actor.subject());
    }
}
