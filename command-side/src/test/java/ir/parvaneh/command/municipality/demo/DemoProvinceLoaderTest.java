package ir.parvaneh.command.municipality.demo;

import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.command.support.CommandSideIntegrationTest;
import ir.parvaneh.command.support.StoredEvents;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RegisterMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@CommandSideIntegrationTest
class DemoProvinceLoaderTest {

    @Autowired
    ActingCommands commands;
    @Autowired
    MunicipalitySlugs slugs;
    @Autowired
    StoredEvents events;

    @Test
    void theReferenceListHoldsTheTwentyFiveCitiesOfQazvinProvince() {
        List<RegisterMunicipality> cities = DemoProvinceLoader.readCities();
        assertThat(cities).hasSize(25);
        assertThat(cities).extracting(RegisterMunicipality::slug).doesNotHaveDuplicates().contains("qazvin", "takestan");
        assertThat(cities).filteredOn(c -> c.slug().equals("buin-zahra")).singleElement()
                .satisfies(c -> assertThat(c.nameFa()).isEqualTo("بوئین زهرا"));
    }

    @Test
    void givenALoadedProvinceWhenLoadedAgainThenNothingIsRegisteredTwice() {
        DemoProvinceLoader loader = new DemoProvinceLoader(commands, slugs);
        loader.load();
        long afterFirst = events.total();

        assertThat(loader.load()).isZero();
        assertThat(events.total()).isEqualTo(afterFirst);
        for (RegisterMunicipality city : DemoProvinceLoader.readCities()) {
            assertThat(slugs.slugOf(MunicipalityId.forProvinceSlug(city.slug()).toString())).contains(city.slug());
            List<StoredEvents.Stored> registered = events.of(city.municipalityId().toString()).stream()
                    .filter(e -> e.simpleType().equals("MunicipalityRegistered")).toList();
            assertThat(registered).hasSize(1).first().satisfies(e -> {
                assertThat(e.metaData().get(Actor.ROLE).asText()).isEqualTo(Role.SYSTEM.name());
                assertThat(e.metaData().get(Actor.SUBJECT).asText()).isEqualTo("system:demo-province-loader");
            });
        }
    }
}
