package ir.parvaneh.query.support;

import ir.parvaneh.query.QuerySideApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test of the query side against the real PostgreSQL/PostGIS test database. Every test
 * shares one application context: MockMvc for most requests, and a real server on a random port for the
 * clients that need one (GDAL).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = QuerySideApplication.class, properties = QuerySideApplication.CONFIG_NAME,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EventStoreSchemaInitializer.class)
@Import({TestEvents.class, MapFixtures.class, DeadLetterProbe.class, MailServer.class})
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface QuerySideIntegrationTest {
}
