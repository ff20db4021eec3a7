package ir.parvaneh.command.consent.write;

import ir.parvaneh.kernel.consent.ConsentAct;
import ir.parvaneh.kernel.consent.ConsentCommands.ConfirmRepresentationConsent;
import ir.parvaneh.kernel.consent.ConsentCommands.EnterConsentCode;
import ir.parvaneh.kernel.consent.ConsentCommands.IssueConsentCode;
import ir.parvaneh.kernel.consent.ConsentCommands.RequestRepresentationConsent;
import ir.parvaneh.kernel.consent.ConsentCommands.WithdrawRepresentationConsent;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.ConsentCodeIssued;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.ConsentCodeRejected;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentGiven;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentRequested;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentWithdrawn;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.Plate;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.NationalCode;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.permit.PermitApplicationId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An owner's consent that an engineer act for them on one file (وکالت/رضایت مالک): asked by the engineer, given by
 * the owner in the portal or by a one-time code sent to the owner's phone and entered by the engineer, and withdrawn
 * by the owner whenever they choose. Permit commands done for the owner are checked against the consents these events
 * leave (the command side's {@code consent-register}). A code is never in an event: the aggregate knows only its id,
 * its expiry and the wrong attempts, and asks {@link OneTimeCodeCheck} whether an entered code is the one issued.
 */
@Aggregate
public class RepresentationConsent {

    /** Where a consent stands. */
    enum Status { REQUESTED, GIVEN, WITHDRAWN }

    static final String VIA_CODE = "CODE";
    static final String VIA_PORTAL = "PORTAL";

    @AggregateIdentifier
    private String id;
    private Status status;
    /** The request as asked: the scope the consent, once given, covers. */
    private RepresentationConsentRequested requested;
    private String engineerSubject;
    private String ownerNationalCode;
    private Instant requestedAt;
    private String codeId;
    private String codeOwnerSubject;
    private String codeOwnerName;
    private Instant codeExpiresAt;
    private int codeAttempts;
    private String givenVia;

    protected RepresentationConsent() {
        // for Axon
    }

    /**
     * What an entered code came to. A wrong code is recorded (attempts are limited, and must stay counted), so it is an
     * answer rather than a refusal, which would roll its event back.
     */
    public record CodeEntry(boolean accepted, int attemptsLeft) {
    }

    @CommandHandler
    RepresentationConsent(RequestRepresentationConsent command, Actor actor, Clock clock) {
        if (actor.role() != Role.ENGINEER) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "Only an engineer asks an owner for consent to act for "
                    + "them; the actor acts as " + actor.role()).with("role", actor.role().name());
        }
        if (actor.licenceNumber() == null) {
            throw new DomainException(ErrorCode.ENGINEER_LICENCE_REQUIRED, "An engineer acts for owners under their "
                    + "licence number, which " + actor.subject() + "'s account lacks");
        }
        String owner;
        try {
            owner = NationalCode.parse(command.ownerNationalCode()).value();
        } catch (DomainException invalid) {
            throw invalid.with("field", "ownerNationalCode");
        }
        if (blank(command.municipalitySlug())) {
            throw scopeInvalid("municipality", "A consent names the municipality of the file");
        }
        String plate = Plate.normalize(command.plate());
        String applicationId = null;
        if (!blank(command.applicationId())) {
            applicationId = PermitApplicationId.parse(command.applicationId().strip()).toString();
        }
        if (command.acts() == null || command.acts().isEmpty() || command.acts().contains(null)) {
            throw scopeInvalid("acts", "A consent names the acts it allows: " + List.of(ConsentAct.values()));
        }
        List<String> acts = EnumSet.copyOf(command.acts()).stream().map(Enum::name).toList();
        apply(new RepresentationConsentRequested(command.consentId().toString(), actor.subject(), actor.displayName(),
                actor.licenceNumber(), owner, command.municipalitySlug().strip(), plate, applicationId, acts,
                Instant.now(clock).toString()));
    }

    @CommandHandler
    void handle(IssueConsentCode command, Actor actor, Clock clock) {
        requireEngineer(actor);
        requireOpenRequest(clock);
        if (blank(command.codeId()) || blank(command.ownerSubject())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "A code is issued under an id, to a known owner")
                    .with("field", blank(command.codeId()) ? "codeId" : "ownerSubject");
        }
        Instant expires = instant(command.expiresAt(), "expiresAt");
        if (!expires.isAfter(Instant.now(clock))) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "A code cannot be issued already expired")
                    .with("field", "expiresAt");
        }
        apply(new ConsentCodeIssued(id, command.codeId(), command.sentTo(), command.ownerSubject(), command.ownerName(),
                Instant.now(clock).toString(), expires.toString()));
    }

    @CommandHandler
    CodeEntry handle(EnterConsentCode command, Actor actor, Clock clock, OneTimeCodeCheck codes) {
        requireEngineer(actor);
        if (status == Status.WITHDRAWN) {
            throw withdrawn();
        }
        if (status == Status.GIVEN) {
            throw VIA_CODE.equals(givenVia)
                    ? new DomainException(ErrorCode.CONSENT_CODE_USED, "The code was used: the consent is given")
                    : new DomainException(ErrorCode.CONSENT_ALREADY_GIVEN, "The owner already consented in the portal");
        }
        requireOpenRequest(clock);
        if (codeId == null) {
            throw new DomainException(ErrorCode.CONSENT_CODE_NOT_ISSUED, "No code was sent for " + id
                    + ": the owner must confirm in the portal");
        }
        if (codeAttempts >= ConsentTerms.MAX_CODE_ATTEMPTS) {
            throw new DomainException(ErrorCode.CONSENT_CODE_EXHAUSTED, "The code had " + codeAttempts
                    + " wrong attempts and is dead");
        }
        if (!Instant.now(clock).isBefore(codeExpiresAt)) {
            throw new DomainException(ErrorCode.CONSENT_CODE_EXPIRED, "The code held until " + codeExpiresAt)
                    .with("expiredAt", codeExpiresAt.toString());
        }
        if (command.code() == null || !codes.matches(codeId, command.code().strip())) {
            int attempt = codeAttempts + 1;
            apply(new ConsentCodeRejected(id, codeId, attempt, ConsentTerms.MAX_CODE_ATTEMPTS - attempt));
            return new CodeEntry(false, ConsentTerms.MAX_CODE_ATTEMPTS - attempt);
        }
        apply(given(codeOwnerSubject, codeOwnerName, VIA_CODE, codeId, clock));
        return new CodeEntry(true, 0);
    }

    @CommandHandler
    void handle(ConfirmRepresentationConsent command, Actor actor, Clock clock) {
        requireOwner(actor);
        if (status == Status.WITHDRAWN) {
            throw withdrawn();
        }
        if (status == Status.GIVEN) {
            return;  // the owner's second click (or a retried request) changes nothing
        }
        requireOpenRequest(clock);
        apply(given(actor.subject(), actor.displayName(), VIA_PORTAL, null, clock));
    }

    @CommandHandler
    void handle(WithdrawRepresentationConsent command, Actor actor, Clock clock) {
        requireOwner(actor);
        if (status == Status.WITHDRAWN) {
            throw withdrawn();
        }
        apply(new RepresentationConsentWithdrawn(id, actor.subject(), status.name(),
                blank(command.reason()) ? null : command.reason().strip(), Instant.now(clock).toString()));
    }

    // ================================================================ rules

    private RepresentationConsentGiven given(String owner, String ownerName, String via, String code, Clock clock) {
        return new RepresentationConsentGiven(id, owner, ownerName, ownerNationalCode, engineerSubject, requested.engineerLicence(),
                requested.municipalitySlug(), requested.plate(), requested.applicationId(), requested.acts(), via, code,
                Instant.now(clock).toString());
    }

    private void requireEngineer(Actor actor) {
        if (actor.role() != Role.ENGINEER || !actor.subject().equals(engineerSubject)) {
            throw new DomainException(ErrorCode.CONSENT_NOT_ENGINEER, actor.subject() + " did not ask for " + id);
        }
    }

    /** The owner is the citizen with the national code the engineer named: that is whose consent was asked. */
    private void requireOwner(Actor actor) {
        if (actor.role() != Role.CITIZEN || !ownerNationalCode.equals(actor.nationalCode())) {
            throw new DomainException(ErrorCode.CONSENT_NOT_OWNER, actor.subject() + " is not the owner asked in " + id);
        }
    }

    private void requireOpenRequest(Clock clock) {
        if (status == Status.WITHDRAWN) {
            throw withdrawn();
        }
        if (status == Status.GIVEN) {
            throw new DomainException(ErrorCode.CONSENT_ALREADY_GIVEN, id + " is already given");
        }
        if (!Instant.now(clock).isBefore(requestedAt.plus(ConsentTerms.REQUEST_LIFETIME))) {
            throw new DomainException(ErrorCode.CONSENT_REQUEST_EXPIRED, "The request of " + requestedAt
                    + " is no longer open");
        }
    }

    private DomainException withdrawn() {
        return new DomainException(ErrorCode.CONSENT_WITHDRAWN, id + " was withdrawn");
    }

    private static DomainException scopeInvalid(String field, String detail) {
        return new DomainException(ErrorCode.CONSENT_SCOPE_INVALID, detail).with("field", field);
    }

    private static Instant instant(String text, String field) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, field + " is an ISO-8601 instant").with("field", field);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    // ================================================================ state

    @EventSourcingHandler
    void on(RepresentationConsentRequested event) {
        id = event.consentId();
        requested = event;
        status = Status.REQUESTED;
        engineerSubject = event.engineerSubject();
        ownerNationalCode = event.ownerNationalCode();
        requestedAt = Instant.parse(event.requestedAt());
    }

    @EventSourcingHandler
    void on(ConsentCodeIssued event) {
        codeId = event.codeId();
        codeOwnerSubject = event.ownerSubject();
        codeOwnerName = event.ownerName();
        codeExpiresAt = Instant.parse(event.expiresAt());
        codeAttempts = 0;
    }

    @EventSourcingHandler
    void on(ConsentCodeRejected event) {
        codeAttempts = event.attempt();
    }

    @EventSourcingHandler
    void on(RepresentationConsentGiven event) {
        status = Status.GIVEN;
        givenVia = event.via();
    }

    @EventSourcingHandler
    void on(RepresentationConsentWithdrawn event) {
        status = Status.WITHDRAWN;
    }
}
