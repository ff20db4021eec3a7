package ir.parvaneh.command.assessment.write;

import ir.parvaneh.command.gis.lookup.ParcelFactsCalculator;
import ir.parvaneh.command.gis.lookup.ParcelLookup;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.command.rulebook.store.RulebookStore;
import ir.parvaneh.command.rulebook.store.RulebookStore.PublishedRulebook;
import ir.parvaneh.kernel.assessment.AssessmentCommands.IssueZoningAssessment;
import ir.parvaneh.kernel.assessment.AssessmentEvent.ZoningAssessmentIssued;
import ir.parvaneh.kernel.assessment.ZoningAssessmentId;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.gis.ParcelFacts;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Gathers what an assessment needs (the parcel's facts from the layers in force on the day, and the
 * rulebook in force that day) and asks the aggregate to issue it.
 */
@Component
public class AssessmentIssuer {

    /** A parcel named by plate (with its municipality) or by a point; the day defaults to today. */
    public record Request(String municipality, String plate, Double latitude, Double longitude, String intendedUse,
                          LocalDate asOf) {
    }

    private final ParcelLookup parcels;
    private final ParcelFactsCalculator facts;
    private final RulebookStore rulebooks;
    private final MunicipalitySlugs slugs;
    private final ActingCommands commands;

    AssessmentIssuer(ParcelLookup parcels, ParcelFactsCalculator facts, RulebookStore rulebooks, MunicipalitySlugs slugs,
                     ActingCommands commands) {
        this.parcels = parcels;
        this.facts = facts;
        this.rulebooks = rulebooks;
        this.slugs = slugs;
        this.commands = commands;
    }

    public ZoningAssessmentIssued issue(Request request, LocalDate day, Actor actor) {
        if (request.intendedUse() == null || request.intendedUse().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "An assessment needs an intended use").with("field", "intendedUse");
        }
        ParcelFacts parcelFacts;
        String slug;
        if (request.plate() != null) {
            if (request.municipality() == null) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "A plate needs its municipality").with("field", "municipality");
            }
            slug = request.municipality();
            parcelFacts = facts.ofPlate(slug, request.plate(), day);
        } else if (request.latitude() != null && request.longitude() != null) {
            var parcel = parcels.atPoint(request.latitude(), request.longitude(), day);
            slug = parcel.municipality();
            parcelFacts = facts.ofPlate(slug, parcel.plate(), day);
        } else {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Name the parcel by municipality and plate, or by latitude and longitude")
                    .with("field", "plate");
        }
        MunicipalityId municipality = slugs.require(slug);
        PublishedRulebook rulebook = rulebooks.inForce(municipality.toString(), day)
                .orElseThrow(() -> new DomainException(ErrorCode.RULEBOOK_NOT_IN_FORCE, slug + " has no rulebook in force on " + day));
        ZoningAssessmentId id = ZoningAssessmentId.random();
        return commands.send(new IssueZoningAssessment(id, municipality, slug, parcelFacts, request.intendedUse().trim(),
                rulebook.version(), rulebook.sha256()), actor);
    }
}
