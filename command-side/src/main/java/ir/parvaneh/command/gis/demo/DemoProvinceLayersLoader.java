package ir.parvaneh.command.gis.demo;

import ir.parvaneh.command.gis.store.LayerVersionsInForce;
import ir.parvaneh.command.gis.write.importing.ImportedLayerVersion;
import ir.parvaneh.command.gis.write.importing.LayerImporter;
import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.kernel.gis.LayerCatalogueId;
import ir.parvaneh.kernel.gis.LayerCommands.ActivateLayerVersion;
import ir.parvaneh.kernel.gis.LayerKind;
import ir.parvaneh.kernel.gis.LayerVersionId;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.time.IranTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Loads the generated demo fabric of every city of the province through the same import a GIS unit
 * uses (the {@link LayerImporter}, then activation commands), acting as the platform itself: boundary
 * first, then the other layers, all in force from the day of loading. A city whose parcels are already
 * in force is skipped, so a restart loads nothing twice. Runs after the municipalities are registered.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "parvaneh.demo.load-province", havingValue = "true")
public class DemoProvinceLayersLoader implements ApplicationRunner {

    /** The boundary first: every other layer is checked against the boundary in force. */
    static final List<LayerKind> ORDER = List.of(LayerKind.BOUNDARY, LayerKind.PASSAGES, LayerKind.ZONES,
            LayerKind.PRICE_BLOCKS, LayerKind.OVERLAYS, LayerKind.PARCELS);
    private static final Logger log = LoggerFactory.getLogger(DemoProvinceLayersLoader.class);
    private static final Actor LOADER = Actor.system("demo-province-loader");

    private final LayerImporter importer;
    private final ActingCommands commands;
    private final MunicipalitySlugs slugs;
    private final LayerVersionsInForce versionsInForce;
    private final Clock clock;
    private final int totalParcels;

    public DemoProvinceLayersLoader(LayerImporter importer, ActingCommands commands, MunicipalitySlugs slugs,
                             LayerVersionsInForce versionsInForce, Clock clock,
                             @Value("${parvaneh.demo.total-parcels:20000}") int totalParcels) {
        this.importer = importer;
        this.commands = commands;
        this.slugs = slugs;
        this.versionsInForce = versionsInForce;
        this.clock = clock;
        this.totalParcels = totalParcels;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (totalParcels <= 0) {
            return;
        }
        long started = System.nanoTime();
        int loaded = 0;
        List<DemoCity> province = ProvincePlan.read(totalParcels);
        for (DemoCity city : province) {
            if (load(city, province)) {
                loaded++;
            }
        }
        log.info("Loaded the demo province's layers: {} cities now, {} parcels planned, {} s", loaded, totalParcels,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** Loads one city's fabric unless its parcels are in force; returns whether it loaded. */
    public boolean load(DemoCity city, List<DemoCity> province) {
        MunicipalityId municipality = slugs.municipalityIdOf(city.slug()).map(MunicipalityId::parse).orElse(null);
        LocalDate today = IranTime.today(clock);
        if (municipality == null || versionsInForce.on(municipality.toString(), LayerKind.PARCELS, today).isPresent()) {
            return false;
        }
        DemoFabric fabric = DemoFabric.generate(city, ProvincePlan.PROVINCE_SEED, province);
        for (LayerKind layer : ORDER) {
            long started = System.nanoTime();
            ImportedLayerVersion imported = importLayer(city.slug(), layer, fabric);
            commands.send(new ActivateLayerVersion(LayerCatalogueId.of(municipality), layer,
                    LayerVersionId.parse(imported.versionId()), today), LOADER);
            log.info("Demo {} {}: {} features imported and in force in {} ms", city.slug(), layer.path(),
                    imported.featureCount(), (System.nanoTime() - started) / 1_000_000);
        }
        return true;
    }

    /** Writes the layer to a temporary file (the generator streams; so does the import) and imports it. */
    private ImportedLayerVersion importLayer(String slug, LayerKind layer, DemoFabric fabric) {
        Path file = null;
        try {
            file = Files.createTempFile("parvaneh-demo-" + slug + "-" + layer.path(), ".geojson");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                fabric.write(layer.path(), out);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return importer.importLayer(slug, layer, in, null, LOADER);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage the demo layer " + slug + "/" + layer.path(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
