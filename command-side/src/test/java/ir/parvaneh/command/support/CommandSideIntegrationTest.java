package ir.parvaneh.command.support;

import ir.parvaneh.command.CommandSideApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test of the command side against the real PostgreSQL/PostGIS test database, with
 * MockMvc and Spring Security's test tokens. All such tests share one application context: a test class
 * adds no configuration of its own (an {@code @Import} or property on one class would start a second one).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CommandSideApplication.class, properties = CommandSideApplication.CONFIG_NAME)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({StoredEvents.class, DemoTown.class, AssessedParcels.class})
public @interface CommandSideIntegrationTest {
}
