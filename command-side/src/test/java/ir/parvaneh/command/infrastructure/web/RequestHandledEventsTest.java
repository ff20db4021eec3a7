package ir.parvaneh.command.infrastructure.web;

import ir.parvaneh.command.support.CommandSideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's DispatcherServlet publishes no {@code ServletRequestHandledEvent} after each request: nothing
 * listens to it, and its multicast was about 1.5 % of a permit submission's CPU (issue 5).
 */
@CommandSideIntegrationTest
class RequestHandledEventsTest {

    @Autowired
    DispatcherServlet dispatcherServlet;

    @Test
    void givenTheCommandSideWhenARequestIsHandledThenNoRequestHandledEventIsPublished() {
        assertThat(ReflectionTestUtils.getField(dispatcherServlet, "publishEvents")).isEqualTo(false);
    }
}
