package ir.parvaneh.command.consent.api;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static ir.parvaneh.command.jooq.command.Tables.REPRESENTATION_CONSENT;

/** The consents as the register keeps them, read for the people they concern. */
@Component
class ConsentListing {

    /** A consent as its owner and its engineer see it. */
    record Consent(String consentId, String status, String engineerSubject, String engineerName, String engineerLicence,
                   String ownerNationalCode, String ownerName, String municipality, String plate, String applicationId,
                   List<String> acts, String requestedAt, String givenAt, String givenVia, String withdrawnAt) {
    }

    private final DSLContext dsl;

    ConsentListing(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Consent> byId(String consentId) {
        return dsl.selectFrom(REPRESENTATION_CONSENT).where(REPRESENTATION_CONSENT.CONSENT_ID.eq(consentId))
                .fetchOptional(ConsentListing::consent);
    }

    List<Consent> ofOwner(String nationalCode) {
        return dsl.selectFrom(REPRESENTATION_CONSENT).where(REPRESENTATION_CONSENT.OWNER_NATIONAL_CODE.eq(nationalCode))
                .orderBy(REPRESENTATION_CONSENT.REQUESTED_AT.desc()).fetch(ConsentListing::consent);
    }

    List<Consent> ofEngineer(String subject) {
        return dsl.selectFrom(REPRESENTATION_CONSENT).where(REPRESENTATION_CONSENT.ENGINEER_SUBJECT.eq(subject))
                .orderBy(REPRESENTATION_CONSENT.REQUESTED_AT.desc()).fetch(ConsentListing::consent);
    }

    private static Consent consent(Record r) {
        return new Consent(r.get(REPRESENTATION_CONSENT.CONSENT_ID), r.get(REPRESENTATION_CONSENT.STATUS),
                r.get(REPRESENTATION_CONSENT.ENGINEER_SUBJECT), r.get(REPRESENTATION_CONSENT.ENGINEER_NAME),
                r.get(REPRESENTATION_CONSENT.ENGINEER_LICENCE), r.get(REPRESENTATION_CONSENT.OWNER_NATIONAL_CODE),
                r.get(REPRESENTATION_CONSENT.OWNER_NAME), r.get(REPRESENTATION_CONSENT.MUNICIPALITY_SLUG),
                r.get(REPRESENTATION_CONSENT.PLATE), r.get(REPRESENTATION_CONSENT.APPLICATION_ID),
                Arrays.asList(r.get(REPRESENTATION_CONSENT.ACTS)), text(r.get(REPRESENTATION_CONSENT.REQUESTED_AT)),
                text(r.get(REPRESENTATION_CONSENT.GIVEN_AT)), r.get(REPRESENTATION_CONSENT.GIVEN_VIA),
                text(r.get(REPRESENTATION_CONSENT.WITHDRAWN_AT)));
    }

    private static String text(OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }
}
