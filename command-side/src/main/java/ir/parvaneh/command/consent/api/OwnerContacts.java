package ir.parvaneh.command.consent.api;

import ir.parvaneh.command.consent.code.OwnerPhones;
import ir.parvaneh.kernel.identity.Actor;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static ir.parvaneh.command.jooq.command.Tables.OWNER_CONTACT;

/**
 * Where an owner's one-time codes go: the mobile number their own token carries (claim {@code phone_number}), kept by
 * national code whenever they act on the command side. Only the identity provider's word is taken: an engineer can
 * never say where an owner's code should be sent.
 */
@Component
class OwnerContacts {

    /** An owner reachable by text message. */
    record Contact(String nationalCode, String subject, String name, String phone) {
    }

    private static final int REMEMBERED = 10_000;

    private final DSLContext dsl;
    private final Clock clock;
    /**
     * What was last written per national code, so that a citizen's every request does not rewrite the same row; the
     * most recently seen citizens only, so that a province's population does not pile up in memory.
     */
    private final Map<String, Contact> written = Collections.synchronizedMap(new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Contact> eldest) {
            return size() > REMEMBERED;
        }
    });

    OwnerContacts(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Records (or refreshes) the citizen's number; an unusable number is not kept. */
    void remember(Actor citizen, String rawPhone) {
        String phone = OwnerPhones.normalize(rawPhone);
        if (phone == null || citizen.nationalCode() == null) {
            return;
        }
        Contact contact = new Contact(citizen.nationalCode(), citizen.subject(), citizen.displayName(), phone);
        if (contact.equals(written.get(contact.nationalCode()))) {
            return;
        }
        var now = Instant.now(clock).atOffset(ZoneOffset.UTC);
        dsl.insertInto(OWNER_CONTACT)
                .set(OWNER_CONTACT.NATIONAL_CODE, contact.nationalCode())
                .set(OWNER_CONTACT.SUBJECT, contact.subject())
                .set(OWNER_CONTACT.NAME, contact.name())
                .set(OWNER_CONTACT.PHONE, contact.phone())
                .set(OWNER_CONTACT.UPDATED_AT, now)
                .onConflict(OWNER_CONTACT.NATIONAL_CODE).doUpdate()
                .set(OWNER_CONTACT.SUBJECT, contact.subject())
                .set(OWNER_CONTACT.NAME, contact.name())
                .set(OWNER_CONTACT.PHONE, contact.phone())
                .set(OWNER_CONTACT.UPDATED_AT, now)
                .execute();
        written.put(contact.nationalCode(), contact);
    }

    Optional<Contact> of(String nationalCode) {
        return dsl.selectFrom(OWNER_CONTACT).where(OWNER_CONTACT.NATIONAL_CODE.eq(nationalCode))
                .fetchOptional(r -> new Contact(r.getNationalCode(), r.getSubject(), r.getName(), r.getPhone()));
    }
}
