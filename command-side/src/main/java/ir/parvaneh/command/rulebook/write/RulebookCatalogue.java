package ir.parvaneh.command.rulebook.write;

import ir.parvaneh.command.rulebook.engine.CompiledRulebook;
import ir.parvaneh.command.rulebook.engine.RulebookCompiler;
import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.rulebook.RulebookCommands.PublishRulebookVersion;
import ir.parvaneh.kernel.rulebook.RulebookEvent.RulebookVersionPublished;
import ir.parvaneh.kernel.time.IranTime;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static ir.parvaneh.kernel.identity.ActorRules.MayAdministerMunicipality;
import static ir.parvaneh.kernel.identity.ActorRules.ServesMunicipality;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The published rulebook versions of one municipality. Publishing checks the whole rulebook first (the
 * compiler refuses unparsable DMN, missing outputs, overlapping rows, gaps and unit mismatches) and then
 * that the version is new and, unless it is the first, comes into force today or later, so the rulebook
 * in force on a past day never changes under an assessment. The first publication creates it.
 */
@Aggregate
public class RulebookCatalogue {

    @AggregateIdentifier
    private String id;
    private final List<Published> published = new ArrayList<>();

    private record Published(String version, LocalDate effectiveFrom, int order) {
    }

    protected RulebookCatalogue() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishRulebookVersion command, Actor actor, Clock clock) {
        new MayAdministerMunicipality(actor).verify();
        new ServesMunicipality(actor, command.municipalitySlug()).verify();
        if (!command.catalogueId().municipalityId().equals(command.municipalityId())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    command.catalogueId() + " is not the catalogue of " + command.municipalityId());
        }
        CompiledRulebook rulebook = RulebookCompiler.compile(command.content());
        if (!rulebook.municipality().equals(command.municipalitySlug())) {
            throw new DomainException(ErrorCode.RULEBOOK_WRONG_MUNICIPALITY, "The manifest is for "
                    + rulebook.municipality() + ", not " + command.municipalitySlug())
                    .with("manifestMunicipality", rulebook.municipality());
        }
        if (published.stream().anyMatch(p -> p.version().equals(rulebook.version()))) {
            throw new DomainException(ErrorCode.RULEBOOK_VERSION_ALREADY_PUBLISHED, "Version " + rulebook.version()
                    + " of " + command.municipalitySlug() + "'s rulebook is already published")
                    .with("version", rulebook.version());
        }
        LocalDate today = IranTime.today(clock);
        // Once a version is published, assessments may rest on it: a later version dated in the past would
        // change the answer to "which rules were in force on day D" under them. The first version may keep
        // the date its resolution took effect, since before it nothing could be assessed.
        if (!published.isEmpty() && rulebook.effectiveFrom().isBefore(today)) {
            throw new DomainException(ErrorCode.RULEBOOK_EFFECTIVE_IN_PAST, "Version " + rulebook.version()
                    + " would be in force from " + rulebook.effectiveFrom() + ", before today (" + today + ")")
                    .with("effectiveFrom", rulebook.effectiveFrom().toString());
        }
        apply(new RulebookVersionPublished(command.catalogueId().toString(), command.municipalityId().toString(),
                command.municipalitySlug(), rulebook.version(), rulebook.effectiveFrom().toString(), rulebook.sha256(),
                new TreeMap<>(command.content().files()), inForceOn(rulebook.effectiveFrom()).orElse(null)));
    }

    private Optional<String> inForceOn(LocalDate day) {
        return published.stream()
                .filter(p -> !p.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(Published::effectiveFrom).thenComparingInt(Published::order))
                .map(Published::version);
    }

    @EventSourcingHandler
    void on(RulebookVersionPublished event) {
        id = event.catalogueId();
        published.add(new Published(event.version(), LocalDate.parse(event.effectiveFrom()), published.size()));
    }
}
