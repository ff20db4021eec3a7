package ir.parvaneh.command.support;

import ir.parvaneh.command.gis.demo.DemoCity;
import ir.parvaneh.command.gis.demo.DemoFabric;
import ir.parvaneh.command.gis.demo.DemoFabricSamples;
import ir.parvaneh.command.gis.demo.DemoProvinceLayersLoader;
import ir.parvaneh.command.gis.demo.ProvincePlan;
import ir.parvaneh.command.gis.store.LayerVersionsInForce;
import ir.parvaneh.command.gis.write.importing.LayerImporter;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RegisterMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.municipality.ProgrammePhase;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Registers a town for one test and gives it the demo generator's layers through the demo loader (the real
 * import), somewhere of its own: the test database keeps earlier runs' boundaries, and a point must fall in
 * one. Places are near UTM 39N's central meridian (51°E), as Qazvin province is, so that the generator's
 * areas and the platform's agree to 0.3 %.
 */
@Component
public class DemoTown {

    /** A town with its layers in force from today, its administrator and the generator's sample parcels. */
    public record Town(MunicipalityId id, String slug, DemoCity city, Actor admin, DemoFabricSamples samples) {
    }

    private final DemoProvinceLayersLoader loader;
    private final ActingCommands commands;

    DemoTown(LayerImporter importer, ActingCommands commands, MunicipalitySlugs slugs, LayerVersionsInForce versionsInForce,
             Clock clock) {
        this.loader = new DemoProvinceLayersLoader(importer, commands, slugs, versionsInForce, clock, 0);
        this.commands = commands;
    }

    public Town withLayers(String slugPrefix, int parcels) {
        String slug = TestSlugs.unique(slugPrefix);
        double lat = 28 + 0.05 * ThreadLocalRandom.current().nextInt(200);
        double lon = 49.5 + 0.02 * ThreadLocalRandom.current().nextInt(150);
        MunicipalityId id = MunicipalityId.random();
        commands.send(new RegisterMunicipality(id, slug, "شهر نمونه", "Sample Town", lat, lon, ProgrammePhase.PILOT),
                Actor.system("test"));
        DemoCity city = new DemoCity(slug, "شهر نمونه", lat, lon, parcels);
        if (!loader.load(city, List.of(city))) {
            throw new IllegalStateException("The demo loader did not load " + slug);
        }
        Actor admin = new Actor("admin." + slug, "زهرا موسوی", Role.MUNICIPAL_ADMIN, slug, null);
        return new Town(id, slug, city, admin, DemoFabric.generate(city, ProvincePlan.PROVINCE_SEED).samples());
    }

    /** The demo loader, as the platform builds it at start-up. */
    public DemoProvinceLayersLoader loader() {
        return loader;
    }
}
