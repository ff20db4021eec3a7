package ir.parvaneh.command.municipality.write;

import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.ChangeMunicipalityProgrammePhase;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RegisterMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.ReinstateMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RenameMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.SuspendMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.UpdateMunicipalityContactDetails;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityContactDetailsUpdated;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityProgrammePhaseChanged;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRegistered;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityReinstated;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalityRenamed;
import ir.parvaneh.kernel.municipality.MunicipalityEvent.MunicipalitySuspended;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.municipality.ProgrammePhase;
import ir.parvaneh.kernel.text.PersianText;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static ir.parvaneh.command.municipality.write.MunicipalityRules.*;
import static ir.parvaneh.kernel.identity.ActorRules.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A municipality of the province on the platform. The province registers it, renames, suspends and
 * reinstates it and moves it through the programme; its own administrator keeps its contact details.
 * Handlers check the rules, then apply; event-sourcing handlers only assign state.
 */
@Aggregate
public class Municipality {

    @AggregateIdentifier
    private String id;
    private String slug;
    private String nameFa;
    private String nameEn;
    private ProgrammePhase phase;
    private boolean suspended;

    protected Municipality() {
        // for Axon
    }

    @CommandHandler
    public Municipality(RegisterMunicipality command, Actor actor, MunicipalitySlugs slugs) {
        new AdministersProvince(actor).verify();
        new SlugIsWellFormed(command.slug()).verify();
        String fa = PersianText.normalize(command.nameFa());
        String en = PersianText.normalize(command.nameEn());
        new NamesAreWellFormed(fa, en).verify();
        new CentroidLiesInIran(command.latitude(), command.longitude()).verify();
        if (command.programmePhase() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "A programme phase is required");
        }
        slugs.claim(command.slug(), command.municipalityId().toString());
        apply(new MunicipalityRegistered(command.municipalityId().toString(), command.slug(), fa, en,
                command.latitude(), command.longitude(), command.programmePhase().name()));
    }

    @CommandHandler
    void handle(RenameMunicipality command, Actor actor) {
        new AdministersProvince(actor).verify();
        String fa = PersianText.normalize(command.nameFa());
        String en = PersianText.normalize(command.nameEn());
        new NamesAreWellFormed(fa, en).verify();
        new NamesDiffer(nameFa, nameEn, fa, en).verify();
        apply(new MunicipalityRenamed(id, nameFa, nameEn, fa, en));
    }

    @CommandHandler
    void handle(SuspendMunicipality command, Actor actor) {
        new AdministersProvince(actor).verify();
        if (suspended) {
            throw new DomainException(ErrorCode.MUNICIPALITY_ALREADY_SUSPENDED, slug + " is already suspended");
        }
        String reason = PersianText.normalize(command.reason());
        new ReasonIsGiven(reason).verify();
        apply(new MunicipalitySuspended(id, reason));
    }

    @CommandHandler
    void handle(ReinstateMunicipality command, Actor actor) {
        new AdministersProvince(actor).verify();
        if (!suspended) {
            throw new DomainException(ErrorCode.MUNICIPALITY_NOT_SUSPENDED, slug + " is not suspended");
        }
        String reason = PersianText.normalize(command.reason());
        new ReasonIsGiven(reason).verify();
        apply(new MunicipalityReinstated(id, reason));
    }

    @CommandHandler
    void handle(ChangeMunicipalityProgrammePhase command, Actor actor) {
        new AdministersProvince(actor).verify();
        new IsActive(suspended).verify();
        if (command.programmePhase() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "A programme phase is required");
        }
        if (command.programmePhase() == phase) {
            throw new DomainException(ErrorCode.MUNICIPALITY_PHASE_UNCHANGED, slug + " is already in phase " + phase);
        }
        apply(new MunicipalityProgrammePhaseChanged(id, phase.name(), command.programmePhase().name()));
    }

    @CommandHandler
    void handle(UpdateMunicipalityContactDetails command, Actor actor) {
        new MayAdministerMunicipality(actor).verify();
        new ServesMunicipality(actor, slug).verify();
        String phone = blankToNull(PersianText.latinDigits(command.phone()));
        String email = blankToNull(command.email());
        String website = blankToNull(command.website());
        String address = blankToNull(PersianText.normalize(command.address()));
        new ContactDetailsAreWellFormed(phone, email, website, address).verify();
        apply(new MunicipalityContactDetailsUpdated(id, phone, email, website, address));
    }

    @EventSourcingHandler
    void on(MunicipalityRegistered event) {
        id = event.municipalityId();
        slug = event.slug();
        nameFa = event.nameFa();
        nameEn = event.nameEn();
        phase = ProgrammePhase.valueOf(event.programmePhase());
        suspended = false;
    }

    @EventSourcingHandler
    void on(MunicipalityRenamed event) {
        nameFa = event.nameFa();
        nameEn = event.nameEn();
    }

    @EventSourcingHandler
    void on(MunicipalitySuspended event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(MunicipalityReinstated event) {
        suspended = false;
    }

    @EventSourcingHandler
    void on(MunicipalityProgrammePhaseChanged event) {
        phase = ProgrammePhase.valueOf(event.programmePhase());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
