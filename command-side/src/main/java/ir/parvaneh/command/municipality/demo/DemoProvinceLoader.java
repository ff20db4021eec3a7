package ir.parvaneh.command.municipality.demo;

import ir.parvaneh.command.infrastructure.axon.ActingCommands;
import ir.parvaneh.command.municipality.write.MunicipalitySlugs;
import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.municipality.MunicipalityCommands.RegisterMunicipality;
import ir.parvaneh.kernel.municipality.MunicipalityId;
import ir.parvaneh.kernel.municipality.ProgrammePhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the province's municipalities (the 25 cities of Qazvin province) when the embedded run
 * starts, through the same commands a province administrator sends, acting as the platform itself.
 * Idempotent: a municipality whose slug is registered is skipped, and ids are derived from slugs, so a
 * restart, or two instances starting together, register nothing twice.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "parvaneh.demo.load-province", havingValue = "true")
public class DemoProvinceLoader implements ApplicationRunner {

    static final String CITIES = "demo/qazvin-province-cities.csv";
    private static final Logger log = LoggerFactory.getLogger(DemoProvinceLoader.class);
    private static final Actor LOADER = Actor.system("demo-province-loader");

    private final ActingCommands commands;
    private final MunicipalitySlugs slugs;

    public DemoProvinceLoader(ActingCommands commands, MunicipalitySlugs slugs) {
        this.commands = commands;
        this.slugs = slugs;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Loaded the demo province: {} municipalities registered now", load());
    }

    /** Registers every listed municipality not yet registered; returns how many it registered. */
    public int load() {
        int registered = 0;
        for (RegisterMunicipality command : readCities()) {
            if (slugs.isTaken(command.slug())) {
                continue;
            }
            try {
                commands.send(command, LOADER);
                registered++;
            } catch (RuntimeException raced) {
                if (!slugs.isTaken(command.slug())) {
                    throw raced;
                }
                log.debug("{} was registered concurrently", command.slug());
            }
        }
        return registered;
    }

    static List<RegisterMunicipality> readCities() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(CITIES).getInputStream(), StandardCharsets.UTF_8))) {
            List<String> header = List.of(reader.readLine().split(",", -1));
            List<RegisterMunicipality> commands = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cell = line.split(",", -1);
                String slug = cell[header.indexOf("slug")];
                commands.add(new RegisterMunicipality(MunicipalityId.forProvinceSlug(slug), slug,
                        cell[header.indexOf("name_fa")], cell[header.indexOf("name_en")],
                        Double.parseDouble(cell[header.indexOf("lat")]), Double.parseDouble(cell[header.indexOf("lon")]),
                        ProgrammePhase.valueOf(cell[header.indexOf("programme_phase")])));
            }
            return commands;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CITIES, e);
        }
    }
}
