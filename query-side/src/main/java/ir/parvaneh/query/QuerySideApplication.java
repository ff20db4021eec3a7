package ir.parvaneh.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The query side: projections of the event stream into read models, the query API and the web pages.
 * Its configuration file is {@code query-side.yml}, so that both applications can share one classpath
 * in the system tests without reading each other's settings.
 */
@SpringBootApplication
public class QuerySideApplication {

    public static final String CONFIG_NAME = "spring.config.name=query-side";

    public static void main(String[] args) {
        new SpringApplicationBuilder(QuerySideApplication.class).properties(CONFIG_NAME).run(args);
    }
}
