package ir.parvaneh.kernel.municipality;

import org.axonframework.serialization.Revision;

/**
 * What happened to a municipality. Events hold plain data only; the acting user is in each event's
 * metadata. Published contracts: change one only with a new revision and an upcaster.
 */
public sealed interface MunicipalityEvent {

    /** The aggregate id, {@code municipality-<uuid>}. */
    String municipalityId();

    /** A municipality joined the province's platform, active, in the given programme phase. */
    @Revision("1")
    record MunicipalityRegistered(
            String municipalityId,
            String slug,
            String nameFa,
            String nameEn,
            double latitude,
            double longitude,
            String programmePhase) implements MunicipalityEvent {
    }

    @Revision("1")
    record MunicipalityRenamed(
            String municipalityId,
            String previousNameFa,
            String previousNameEn,
            String nameFa,
            String nameEn) implements MunicipalityEvent {
    }

    @Revision("1")
    record MunicipalitySuspended(String municipalityId, String reason) implements MunicipalityEvent {
    }

    @Revision("1")
    record MunicipalityReinstated(String municipalityId, String reason) implements MunicipalityEvent {
    }

    @Revision("1")
    record MunicipalityProgrammePhaseChanged(
            String municipalityId,
            String previousPhase,
            String programmePhase) implements MunicipalityEvent {
    }

    @Revision("1")
    record MunicipalityContactDetailsUpdated(
            String municipalityId,
            String phone,
            String email,
            String website,
            String address) implements MunicipalityEvent {
    }
}
