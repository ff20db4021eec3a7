package ir.parvaneh.query.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded run's SMS gateway: it sends nothing, records every message it accepted, and can be told to fail, a
 * number of times or until reset, to show (and test) that a gateway outage delays messages and blocks nothing else.
 * Its record is kept in memory, bounded: it is a development tool, not an archive (the outbox is the archive).
 */
public class SimulatedSmsGateway implements SmsGateway {

    /** A message the gateway accepted. */
    public record Sent(String messageId, String mobile, String text, Instant at) {
    }

    private static final int KEPT = 10_000;

    private final Clock clock;
    private final List<Sent> sent = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();

    public SimulatedSmsGateway(Clock clock, int failFirst) {
        this.clock = clock;
        this.failuresLeft.set(failFirst);
    }

    @Override
    public void send(String messageId, String mobile, String text) {
        if (failing.get() || failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            refused.incrementAndGet();
            throw new DeliveryFailure("Simulated SMS gateway refused the message (told to fail)");
        }
        synchronized (sent) {
            if (sent.size() >= KEPT) {
                sent.remove(0);
            }
            sent.add(new Sent(messageId, mobile, text, clock.instant()));
        }
    }

    /** The next {@code times} messages are refused. */
    public void failNext(int times) {
        failuresLeft.set(times);
    }

    /** Every message is refused until {@link #reset()}. */
    public void failUntilReset() {
        failing.set(true);
    }

    /** Accepts messages again. */
    public void reset() {
        failing.set(false);
        failuresLeft.set(0);
    }

    public int refusedCount() {
        return refused.get();
    }

    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    public List<Sent> sentTo(String mobile) {
        return sent().stream().filter(s -> s.mobile().equals(mobile)).toList();
    }
}
