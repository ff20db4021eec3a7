package ir.parvaneh.command.consent.code;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The embedded run's stand-in for an SMS gateway: it keeps the last messages in memory, so that tests and the demo
 * can read a code "received" on a phone ({@code GET /api/simulated-sms/inbox}, the caller's own number only). It logs
 * that a message went, to a masked number, never its text. Off wherever a real gateway is plugged in
 * ({@code parvaneh.consent.simulated-sms}, {@code PARVANEH_SIMULATED_SMS}).
 */
@Component
@ConditionalOnProperty(name = "parvaneh.consent.simulated-sms", havingValue = "true")
public class SimulatedSmsGateway implements OneTimeCodeSender {

    private static final Logger log = LoggerFactory.getLogger(SimulatedSmsGateway.class);
    private static final int KEPT = 1_000;

    /** A message as the phone received it. */
    public record Sms(String phone, String text, Instant at) {
    }

    private final Deque<Sms> sent = new ArrayDeque<>();
    private final Clock clock;

    SimulatedSmsGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(String phone, String text) {
        sent.addLast(new Sms(phone, text, Instant.now(clock)));
        while (sent.size() > KEPT) {
            sent.removeFirst();
        }
        log.info("Simulated SMS sent to {} ({} characters)", OwnerPhones.masked(phone), text.length());
    }

    /** The messages a phone received, oldest first. */
    public synchronized List<Sms> inbox(String phone) {
        return sent.stream().filter(sms -> sms.phone().equals(phone)).toList();
    }
}
