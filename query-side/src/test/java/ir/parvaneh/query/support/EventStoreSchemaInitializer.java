package ir.parvaneh.query.support;

import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The query side reads an event store it does not own: the command side's Flyway creates it. Tests of
 * the query side alone apply the command side's own migrations (from its source folder, not a copy), so
 * they run against exactly the schema the command side deploys.
 */
public class EventStoreSchemaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final Path COMMAND_SIDE_MIGRATIONS = Path.of("../command-side/src/main/resources/db/migration/command");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!Files.isDirectory(COMMAND_SIDE_MIGRATIONS)) {
            throw new IllegalStateException("Run the query side's tests from its module folder: "
                    + COMMAND_SIDE_MIGRATIONS.toAbsolutePath() + " is missing");
        }
        var env = context.getEnvironment();
        Flyway.configure()
                .dataSource(env.getRequiredProperty("spring.datasource.url"),
                        env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"))
                .schemas("command", "axon", "layers")
                .defaultSchema("command")
                .locations("filesystem:" + COMMAND_SIDE_MIGRATIONS)
                .load()
                .migrate();
    }
}
