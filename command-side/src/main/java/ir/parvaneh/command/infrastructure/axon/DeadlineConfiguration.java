package ir.parvaneh.command.infrastructure.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deadline manager that aggregates' handlers receive (the permit application's payment, correction, review and
 * issue deadlines). Axon's Spring Boot support registers none, and without one a handler that declares it fails.
 * This one keeps deadlines in memory: they do not survive a restart and are not shared between instances, which
 * is enough for the embedded run and tests. A persistent manager (Axon's db-scheduler integration on PostgreSQL)
 * replaces this bean in a later slice.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    DeadlineManager deadlineManager(org.axonframework.config.Configuration axon, TransactionManager transactionManager) {
        return SimpleDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .transactionManager(transactionManager)
                .build();
    }
}
