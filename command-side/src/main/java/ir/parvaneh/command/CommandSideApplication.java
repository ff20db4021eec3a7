package ir.parvaneh.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The command side: aggregates, the rule engine, the GIS layer store and the command API. Its
 * configuration file is {@code command-side.yml} (not {@code application.yml}), so that the two
 * applications can share one classpath in the system tests without reading each other's settings.
 */
@SpringBootApplication
public class CommandSideApplication {

    public static final String CONFIG_NAME = "spring.config.name=command-side";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CommandSideApplication.class).properties(CONFIG_NAME).run(args);
    }
}
