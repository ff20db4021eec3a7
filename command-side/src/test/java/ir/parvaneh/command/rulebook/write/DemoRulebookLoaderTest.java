package ir.parvaneh.command.rulebook.write;

import ir.parvaneh.command.rulebook.demo.DemoRulebooks;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.municipality.demo.DemoProvinceLoader;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.command.rulebook.store.RulebookStore;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.rulebook.RulebookCatalogueId;
import ir.parvaneh.kernel.time.IranTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo province's rulebooks are published through the publishing command, once. */
@CommandSideIntegrationTest
class DemoRulebookLoaderTest {

    @Autowired
    ActingCommands commands;
    @Autowired
    MunicipalitySlugs slugs;
    @Autowired
    RulebookStore store;
    @Autowired
    StoredEvents events;
    @Autowired
    Clock clock;

    @Test
    void givenTheProvinceRegisteredWhenTheLoaderRunsThenEachCityHasItsRulebookInForceAndASecondRunPublishesNothing() {
        new DemoProvinceLoader(commands, slugs).load();
        DemoRulebookLoader loader = new DemoRulebookLoader(commands, slugs, store);
        loader.run(null);
        long afterFirst = events.total();

        for (String slug : DemoRulebooks.slugs()) {
            String municipality = MunicipalityId.forProvinceSlug(slug).toString();
            assertThat(store.inForce(municipality, IranTime.today(clock))).as(slug).hasValueSatisfying(published -> {
                assertThat(published.version()).isEqualTo("1405.1");
                assertThat(published.sha256()).isEqualTo(DemoRulebooks.forCity(slug).sha256());
            });
            assertThat(events.of(RulebookCatalogueId.of(MunicipalityId.forProvinceSlug(slug)).toString()))
                    .extracting(StoredEvents.Stored::simpleType).containsExactly("RulebookVersionPublished");
        }
        assertThat(loader.load("qazvin")).isFalse();
        assertThat(events.total()).isEqualTo(afterFirst);
    }
}
