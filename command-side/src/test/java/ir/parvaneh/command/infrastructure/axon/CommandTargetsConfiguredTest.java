package ir.parvaneh.command.infrastructure.axon;

import ir.parvaneh.command.support.CommandSideIntegrationTest;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregates' command handlers take their target resolver from Axon's configuration by type, with Axon's own
 * annotation resolver as the fallback: in the running command side that lookup gives the one that caches.
 */
@CommandSideIntegrationTest
class CommandTargetsConfiguredTest {

    @Autowired
    Configuration axon;

    @Test
    void aggregatesResolveTheirTargetsThroughTheCachingResolver() {
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(AnnotatedCommandTargets.class);
    }
}
