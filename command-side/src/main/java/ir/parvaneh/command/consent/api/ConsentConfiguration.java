package ir.parvaneh.command.consent.api;

import ir.parvaneh.kernel.consent.Representation;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What acting for an owner adds to Axon's configuration. */
@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

    /**
     * A command sent on an engineer's authority by the platform (the payment gateway's confirmation) names the consent
     * and the engineer in its metadata; this copies them into the events it causes, where auditors read them.
     */
    @Bean
    CorrelationDataProvider representationCorrelation() {
        return new SimpleCorrelationDataProvider(Representation.METADATA_KEYS);
    }
}
