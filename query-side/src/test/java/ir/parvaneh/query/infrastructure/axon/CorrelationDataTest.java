package ir.parvaneh.query.infrastructure.axon;

import ir.parvaneh.query.support.QuerySideIntegrationTest;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The query side's processors correlate nothing, so handling an event never deserialises its metadata for it. */
@QuerySideIntegrationTest
class CorrelationDataTest {

    @Autowired
    Configuration axon;

    @Test
    void givenAnEventBeingHandledThenNoCorrelationDataProviderReadsItsMetadata() {
        GenericEventMessage<String> event = new GenericEventMessage<>("payload") {
            @Override
            public MetaData getMetaData() {
                throw new AssertionError("an event's metadata was read to correlate");
            }
        };
        assertThat(axon.correlationDataProviders()).isNotEmpty();
        for (CorrelationDataProvider provider : axon.correlationDataProviders()) {
            assertThat(provider.correlationDataFor(event)).isEmpty();
        }
    }
}
