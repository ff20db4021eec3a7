package ir.parvaneh.query.support;

import ir.parvaneh.query.QuerySideApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An integration test of the query side against the real PostgreSQL/PostGIS test database. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = QuerySideApplication.class, properties = QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = EventStoreSchemaInitializer.class)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface QuerySideIntegrationTest {
}
