package ir.parvaneh.query.notification;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/** Wires the notifications slice: its processor's starting point, the gateways, the dispatcher's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    /**
     * The notifications processor starts at the head of the event store, not at its first event: deployed onto a
     * platform with a history, it must not text everyone about last year's decisions. Once it has a token it goes on
     * from there as any processor does.
     */
    @Bean
    ConfigurerModule notificationsStartAtTheHead() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                NotificationPolicy.PROCESSING_GROUP,
                (config, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }

    @Bean
    SmsGateway smsGateway(NotificationSettings settings, Clock clock) {
        if (!"simulated".equals(settings.smsGateway())) {
            throw new IllegalStateException("Unknown SMS gateway " + settings.smsGateway()
                    + "; only 'simulated' is built so far (docs/notifications.md)");
        }
        return new SimulatedSmsGateway(clock, settings.simulatedSmsFailures());
    }

    @Bean
    EmailGateway emailGateway(ObjectProvider<JavaMailSender> mailSender, NotificationSettings settings) {
        return new SmtpEmailGateway(mailSender.getIfAvailable(), settings.emailFrom());
    }

    /** Every signed-in request about oneself refreshes the contact details the token carries. */
    @Bean
    WebMvcConfigurer contactsFromTokens(Contacts contacts) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ContactClaims(contacts)).addPathPatterns("/api/me/**");
            }
        };
    }
}
