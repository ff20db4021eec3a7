package ir.parvaneh.command.rulebook.write;

import ir.parvaneh.command.rulebook.demo.DemoRulebooks;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.command.rulebook.store.RulebookStore;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.rulebook.RulebookCatalogueId;
import ir.parvaneh.kernel.rulebook.RulebookCommands.PublishRulebookVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Publishes the demo province's rulebook for every registered municipality that has none yet, through the
 * same command a municipality's administrator sends (so each is checked in full and recorded as an event).
 * Runs after the municipalities and their layers are loaded.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "parvaneh.demo.load-province", havingValue = "true")
public class DemoRulebookLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRulebookLoader.class);
    private static final Actor LOADER = Actor.system("demo-rulebook-loader");

    private final ActingCommands commands;
    private final MunicipalitySlugs slugs;
    private final RulebookStore store;

    DemoRulebookLoader(ActingCommands commands, MunicipalitySlugs slugs, RulebookStore store) {
        this.commands = commands;
        this.slugs = slugs;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        int published = 0;
        for (String slug : DemoRulebooks.slugs()) {
            if (load(slug)) {
                published++;
            }
        }
        log.info("Published the demo province's rulebooks: {} now", published);
    }

    /** Publishes the city's demo rulebook unless the city is unknown or already has a rulebook; returns whether it did. */
    public boolean load(String slug) {
        MunicipalityId municipality = slugs.municipalityIdOf(slug).map(MunicipalityId::parse).orElse(null);
        if (municipality == null || !store.all(municipality.toString()).isEmpty()) {
            return false;
        }
        commands.send(new PublishRulebookVersion(RulebookCatalogueId.of(municipality), municipality, slug,
                DemoRulebooks.forCity(slug)), LOADER);
        return true;
    }
}
