package ir.parvaneh.command.consent.api;

import ir.parvaneh.command.consent.code.OneTimeCodeSender;
import ir.parvaneh.command.consent.code.OneTimeCodes;
import ir.parvaneh.command.consent.code.OwnerPhones;
import ir.parvaneh.command.consent.write.ConsentTerms;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.kernel.consent.ConsentAct;
import ir.parvaneh.kernel.consent.ConsentCommands.IssueConsentCode;
import ir.parvaneh.kernel.consent.ConsentCommands.RequestRepresentationConsent;
import ir.parvaneh.kernel.consent.RepresentationConsentId;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.NationalCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * An engineer's requests for consent and for one-time codes. The request (or the code's issue) and the code's keyed
 * hash commit together, and only then is the text message sent: a refused or rolled-back command never leaves a code
 * that works, and a gateway failure never undoes a recorded request (the engineer asks for a new code).
 */
@Component
class ConsentDesk {

    private static final Logger log = LoggerFactory.getLogger(ConsentDesk.class);

    /** A request recorded: the masked number a code went to, or {@code null} when the owner must confirm in the portal. */
    record Requested(String consentId, String status, String codeSentTo, String expiresAt) {
    }

    /** A text message to send once its transaction committed. */
    private record Outgoing(String phone, String text, String sentTo, String expiresAt) {
    }

    private final ActingCommands commands;
    private final OneTimeCodes codes;
    private final OwnerContacts contacts;
    private final ConsentListing listing;
    private final ObjectProvider<OneTimeCodeSender> senders;
    private final TransactionTemplate transactions;

    ConsentDesk(ActingCommands commands, OneTimeCodes codes, OwnerContacts contacts, ConsentListing listing,
                ObjectProvider<OneTimeCodeSender> senders, TransactionTemplate transactions) {
        this.commands = commands;
        this.codes = codes;
        this.contacts = contacts;
        this.listing = listing;
        this.senders = senders;
        this.transactions = transactions;
    }

    Requested request(Actor engineer, String ownerNationalCode, String municipality, String plate, String applicationId,
                      Set<ConsentAct> acts) {
        String owner;
        try {
            owner = NationalCode.parse(ownerNationalCode).value();
        } catch (DomainException invalid) {
            throw invalid.with("field", "ownerNationalCode");
        }
        RepresentationConsentId id = RepresentationConsentId.random();
        Outgoing outgoing = transactions.execute(status -> {
            commands.send(new RequestRepresentationConsent(id, owner, municipality, plate, applicationId, acts), engineer);
            ConsentListing.Consent consent = listing.byId(id.toString()).orElseThrow();
            return contacts.of(owner).map(contact -> issue(consent, contact, engineer)).orElse(null);
        });
        return new Requested(id.toString(), "REQUESTED", deliver(outgoing), outgoing == null ? null : outgoing.expiresAt());
    }

    /** A new code for an open request (the last one expired, was mistyped to death, or never arrived). */
    Requested newCode(Actor engineer, String consentId) {
        String id = RepresentationConsentId.parse(consentId).toString();
        ConsentListing.Consent consent = listing.byId(id).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                "No consent " + id));
        if (!consent.engineerSubject().equals(engineer.subject())) {
            throw new DomainException(ErrorCode.CONSENT_NOT_ENGINEER, engineer.subject() + " did not ask for " + id);
        }
        OwnerContacts.Contact contact = contacts.of(consent.ownerNationalCode()).orElseThrow(() -> new DomainException(
                ErrorCode.CONSENT_OWNER_PHONE_UNKNOWN, "The owner's mobile number is not known: the owner confirms " + id
                + " in the portal"));
        Outgoing outgoing = transactions.execute(status -> issue(consent, contact, engineer));
        return new Requested(id, consent.status(), deliver(outgoing), outgoing.expiresAt());
    }

    private Outgoing issue(ConsentListing.Consent consent, OwnerContacts.Contact contact, Actor engineer) {
        OneTimeCodes.NewCode code = codes.issue(consent.consentId(), consent.ownerNationalCode(), engineer.subject());
        String sentTo = OwnerPhones.masked(contact.phone());
        commands.send(new IssueConsentCode(RepresentationConsentId.parse(consent.consentId()), code.codeId(), sentTo,
                contact.subject(), contact.name(), code.expiresAt().toString()), engineer);
        return new Outgoing(contact.phone(), text(consent, code.code()), sentTo, code.expiresAt().toString());
    }

    /** Sends after commit; answers the masked number, or {@code null} when nothing was sent. */
    private String deliver(Outgoing outgoing) {
        if (outgoing == null) {
            return null;
        }
        OneTimeCodeSender sender = senders.getIfAvailable();
        if (sender == null) {
            log.warn("No SMS gateway is configured: a one-time code to {} was not sent", outgoing.sentTo());
            return null;
        }
        try {
            sender.send(outgoing.phone(), outgoing.text());
            return outgoing.sentTo();
        } catch (RuntimeException failed) {
            // The text is not in the log: it holds the code.
            log.warn("The SMS gateway failed to send a one-time code to {}: {}", outgoing.sentTo(),
                    failed.getClass().getSimpleName());
            return null;
        }
    }

    /** The owner's message, in Persian with Persian digits: who asks, for what, and that the code is theirs to give. */
    static String text(ConsentListing.Consent consent, String code) {
        String acts = consent.acts().stream().map(act -> ConsentAct.valueOf(act).labelFa())
                .collect(Collectors.joining("، "));
        return persianDigits("پروانه: مهندس " + consent.engineerName() + " (پروانه اشتغال " + consent.engineerLicence()
                + ") می‌خواهد از طرف شما برای پلاک " + consent.plate() + " این کارها را انجام دهد: " + acts
                + ". اگر موافقید این رمز را به او بدهید: " + code + " (اعتبار " + ConsentTerms.CODE_LIFETIME.toMinutes()
                + " دقیقه). اگر موافق نیستید رمز را به کسی ندهید.");
    }

    static String persianDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
        }
        return out.toString();
    }
}
