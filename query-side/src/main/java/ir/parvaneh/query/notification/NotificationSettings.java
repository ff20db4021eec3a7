package ir.parvaneh.query.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code parvaneh.notifications.*}: how the dispatcher sends and retries (docs/notifications.md).
 *
 * @param dispatch      whether this instance runs the dispatcher (any number of instances may)
 * @param batch         most messages one dispatch round sends
 * @param maxAttempts   attempts before a message is FAILED
 * @param backoff       the wait after the first failed attempt, doubled after each further one ...
 * @param maxBackoff    ... up to this
 * @param contactWait   how long a message waits for its recipient's phone or address before it is UNDELIVERABLE
 * @param contactRecheck how often a waiting message looks again for one
 * @param emailFrom     the sender of e-mails
 * @param smsGateway    {@code simulated} (the embedded run's, the only one built so far)
 * @param simulatedSmsFailures how many messages the simulated gateway refuses first
 */
@ConfigurationProperties("parvaneh.notifications")
public record NotificationSettings(
        @DefaultValue("true") boolean dispatch,
        @DefaultValue("50") int batch,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("30s") Duration backoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("24h") Duration contactWait,
        @DefaultValue("5m") Duration contactRecheck,
        @DefaultValue("no-reply@parvaneh.qazvin.ir") String emailFrom,
        @DefaultValue("simulated") String smsGateway,
        @DefaultValue("0") int simulatedSmsFailures) {

    /** The wait after the given number of failed attempts: backoff × 2^(attempts−1), at most maxBackoff. */
    Duration backoffAfter(int failedAttempts) {
        Duration wait = backoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
