package ir.parvaneh.query.municipality;

import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityContactDetailsUpdated;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityProgrammePhaseChanged;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRegistered;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityReinstated;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRenamed;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalitySuspended;
import ir.parvaneh.kernel.municipality.MunicipalityStatus;
import ir.parvaneh.kernel.text.PersianText;
import ir.parvaneh.query.infrastructure.postgis.PostGis;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.UpdateSetMoreStep;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

import static ir.parvaneh.query.jooq.query.Tables.MUNICIPALITY;

/**
 * Projects municipality events into {@code query.municipality}. Idempotent: each row remembers the
 * sequence number of the last event applied, and an event at or below it (a redelivery) changes nothing.
 * Its token lives in the same schema and commits in the same transaction as the rows.
 */
@Component
@ProcessingGroup(MunicipalityProjector.PROCESSING_GROUP)
class MunicipalityProjector {

    static final String PROCESSING_GROUP = "municipalities";

    private final DSLContext dsl;

    MunicipalityProjector(DSLContext dsl) {
        this.dsl = dsl;
    }

    @EventHandler
    void on(MunicipalityRegistered event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        dsl.insertInto(MUNICIPALITY)
                .set(MUNICIPALITY.ID, event.municipalityId())
                .set(MUNICIPALITY.SLUG, event.slug())
                .set(MUNICIPALITY.NAME_FA, event.nameFa())
                .set(MUNICIPALITY.NAME_EN, event.nameEn())
                .set(MUNICIPALITY.NAME_SEARCH, searchKey(event.slug(), event.nameFa(), event.nameEn()))
                .set(MUNICIPALITY.CENTROID, PostGis.point(event.latitude(), event.longitude()))
                .set(MUNICIPALITY.PROGRAMME_PHASE, event.programmePhase())
                .set(MUNICIPALITY.STATUS, MunicipalityStatus.ACTIVE.name())
                .set(MUNICIPALITY.REGISTERED_AT, at.atOffset(ZoneOffset.UTC))
                .set(MUNICIPALITY.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                .set(MUNICIPALITY.LAST_SEQUENCE, sequence)
                .onConflict(MUNICIPALITY.ID).doNothing()
                .execute();
    }

    @EventHandler
    void on(MunicipalityRenamed event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        String slug = dsl.select(MUNICIPALITY.SLUG).from(MUNICIPALITY)
                .where(MUNICIPALITY.ID.eq(event.municipalityId())).fetchOne(MUNICIPALITY.SLUG);
        update(event.municipalityId(), sequence, at, dsl.update(MUNICIPALITY)
                .set(MUNICIPALITY.NAME_FA, event.nameFa())
                .set(MUNICIPALITY.NAME_EN, event.nameEn())
                .set(MUNICIPALITY.NAME_SEARCH, searchKey(slug, event.nameFa(), event.nameEn())));
    }

    @EventHandler
    void on(MunicipalitySuspended event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        update(event.municipalityId(), sequence, at, dsl.update(MUNICIPALITY)
                .set(MUNICIPALITY.STATUS, MunicipalityStatus.SUSPENDED.name())
                .set(MUNICIPALITY.SUSPENSION_REASON, event.reason()));
    }

    @EventHandler
    void on(MunicipalityReinstated event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        update(event.municipalityId(), sequence, at, dsl.update(MUNICIPALITY)
                .set(MUNICIPALITY.STATUS, MunicipalityStatus.ACTIVE.name())
                .setNull(MUNICIPALITY.SUSPENSION_REASON));
    }

    @EventHandler
    void on(MunicipalityProgrammePhaseChanged event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        update(event.municipalityId(), sequence, at, dsl.update(MUNICIPALITY)
                .set(MUNICIPALITY.PROGRAMME_PHASE, event.programmePhase()));
    }

    @EventHandler
    void on(MunicipalityContactDetailsUpdated event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        update(event.municipalityId(), sequence, at, dsl.update(MUNICIPALITY)
                .set(MUNICIPALITY.CONTACT_PHONE, event.phone())
                .set(MUNICIPALITY.CONTACT_EMAIL, event.email())
                .set(MUNICIPALITY.CONTACT_WEBSITE, event.website())
                .set(MUNICIPALITY.CONTACT_ADDRESS, event.address()));
    }

    /** A replay starts from an empty table. */
    @ResetHandler
    void reset() {
        dsl.truncate(MUNICIPALITY).execute();
    }

    private static void update(String id, long sequence, Instant at, UpdateSetMoreStep<? extends Record> changes) {
        changes.set(MUNICIPALITY.LAST_SEQUENCE, sequence)
                .set(MUNICIPALITY.UPDATED_AT, at.atOffset(ZoneOffset.UTC))
                .where(MUNICIPALITY.ID.eq(id).and(MUNICIPALITY.LAST_SEQUENCE.lt(sequence)))
                .execute();
    }

    private static String searchKey(String slug, String nameFa, String nameEn) {
        return PersianText.searchKey(slug + " " + nameFa + " " + nameEn);
    }
}
