package ir.parvaneh.command.consent.lookup;

import ir.parvaneh.kernel.consent.ConsentAct;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentGiven;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentRequested;
import ir.parvaneh.kernel.consent.RepresentationConsentEvent.RepresentationConsentWithdrawn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static ir.parvaneh.command.jooq.command.Tables.REPRESENTATION_CONSENT;

/**
 * Keeps {@code command.representation_consent} in step with the consents' events, in the transaction that appends
 * each event (a subscribing processor): a consent is active in the table exactly when its {@code Given} is in the
 * event store and its {@code Withdrawn} is not, so a permit command after a withdrawal's commit is refused and one
 * before it is not. Codes are not here: the table says who may act for whom on what.
 */
@Component
@ProcessingGroup(ConsentRegister.GROUP)
class ConsentRegister implements RepresentationConsents {

    static final String GROUP = "consent-register";

    private final DSLContext dsl;

    ConsentRegister(DSLContext dsl) {
        this.dsl = dsl;
    }

    @EventHandler
    void on(RepresentationConsentRequested event) {
        dsl.insertInto(REPRESENTATION_CONSENT)
                .set(REPRESENTATION_CONSENT.CONSENT_ID, event.consentId())
                .set(REPRESENTATION_CONSENT.STATUS, "REQUESTED")
                .set(REPRESENTATION_CONSENT.ENGINEER_SUBJECT, event.engineerSubject())
                .set(REPRESENTATION_CONSENT.ENGINEER_NAME, event.engineerName())
                .set(REPRESENTATION_CONSENT.ENGINEER_LICENCE, event.engineerLicence())
                .set(REPRESENTATION_CONSENT.OWNER_NATIONAL_CODE, event.ownerNationalCode())
                .set(REPRESENTATION_CONSENT.MUNICIPALITY_SLUG, event.municipalitySlug())
                .set(REPRESENTATION_CONSENT.PLATE, event.plate())
                .set(REPRESENTATION_CONSENT.APPLICATION_ID, event.applicationId())
                .set(REPRESENTATION_CONSENT.ACTS, event.acts().toArray(String[]::new))
                .set(REPRESENTATION_CONSENT.REQUESTED_AT, Instant.parse(event.requestedAt()).atOffset(ZoneOffset.UTC))
                .execute();
    }

    @EventHandler
    void on(RepresentationConsentGiven event) {
        dsl.update(REPRESENTATION_CONSENT)
                .set(REPRESENTATION_CONSENT.STATUS, "GIVEN")
                .set(REPRESENTATION_CONSENT.OWNER_SUBJECT, event.ownerSubject())
                .set(REPRESENTATION_CONSENT.OWNER_NAME, event.ownerName())
                .set(REPRESENTATION_CONSENT.GIVEN_AT, Instant.parse(event.givenAt()).atOffset(ZoneOffset.UTC))
                .set(REPRESENTATION_CONSENT.GIVEN_VIA, event.via())
                .where(REPRESENTATION_CONSENT.CONSENT_ID.eq(event.consentId()))
                .execute();
    }

    @EventHandler
    void on(RepresentationConsentWithdrawn event) {
        dsl.update(REPRESENTATION_CONSENT)
                .set(REPRESENTATION_CONSENT.STATUS, "WITHDRAWN")
                .set(REPRESENTATION_CONSENT.WITHDRAWN_AT, Instant.parse(event.withdrawnAt()).atOffset(ZoneOffset.UTC))
                .where(REPRESENTATION_CONSENT.CONSENT_ID.eq(event.consentId()))
                .execute();
    }

    @Override
    public Optional<ActiveConsent> covering(String engineerSubject, String ownerNationalCode, String municipalitySlug,
                                            String plate, String applicationId, ConsentAct act) {
        if (engineerSubject == null || ownerNationalCode == null || municipalitySlug == null || plate == null) {
            return Optional.empty();
        }
        var scope = applicationId == null ? REPRESENTATION_CONSENT.APPLICATION_ID.isNull()
                : REPRESENTATION_CONSENT.APPLICATION_ID.isNull().or(REPRESENTATION_CONSENT.APPLICATION_ID.eq(applicationId));
        return dsl.select(REPRESENTATION_CONSENT.CONSENT_ID, REPRESENTATION_CONSENT.OWNER_SUBJECT,
                        REPRESENTATION_CONSENT.OWNER_NAME, REPRESENTATION_CONSENT.OWNER_NATIONAL_CODE,
                        REPRESENTATION_CONSENT.ENGINEER_LICENCE)
                .from(REPRESENTATION_CONSENT)
                .where(REPRESENTATION_CONSENT.ENGINEER_SUBJECT.eq(engineerSubject))
                .and(REPRESENTATION_CONSENT.OWNER_NATIONAL_CODE.eq(ownerNationalCode))
                .and(REPRESENTATION_CONSENT.MUNICIPALITY_SLUG.eq(municipalitySlug))
                .and(REPRESENTATION_CONSENT.PLATE.eq(plate))
                .and(REPRESENTATION_CONSENT.STATUS.eq("GIVEN"))
                .and(scope)
                .and(DSL.val(act.name()).eq(DSL.any(REPRESENTATION_CONSENT.ACTS)))
                .orderBy(REPRESENTATION_CONSENT.GIVEN_AT.desc())
                .limit(1)
                .fetchOptional(r -> new ActiveConsent(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
