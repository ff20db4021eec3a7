package ir.parvaneh.query.infrastructure.axon;

import org.axonframework.common.AxonThreadFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The executor of a pooled processor's coordinator (one thread, named as Axon names it), which looks again for room
 * in its work packages sooner than Axon does by itself.
 * <p>
 * The coordinator reads the store and queues each event for every work package, up to 1,024 queued events each (a
 * constant of Axon's). When a queue is full it schedules itself {@value #AXON_FULL_QUEUE_DELAY_MS} ms later, and
 * nothing wakes it before then. A work package takes its whole queue into one batch at once, so during a rebuild a
 * worker that finishes its batch within those 100 ms waits, idle, for the coordinator: with projections that spend
 * 50–100 µs on an event, a third of the machine stood idle and the rebuild could not pass about 15,000 events/s
 * (docs/benchmarks.md). Delays up to {@value #AXON_FULL_QUEUE_DELAY_MS} ms are therefore cut to {@code recheck};
 * looking at a full queue costs the coordinator a few microseconds. Every other delay the coordinator uses (none,
 * 500 ms, the claim intervals of seconds, its error back-off from 500 ms) is left as it is.
 */
final class CoordinatorExecutor extends ScheduledThreadPoolExecutor {

    /** The delay after which Axon 4.13's coordinator looks again when a work package's queue is full. */
    static final long AXON_FULL_QUEUE_DELAY_MS = 100;

    private final long recheckNanos;

    CoordinatorExecutor(String processorName, Duration recheck) {
        super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
        this.recheckNanos = recheck.toNanos();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        long nanos = unit.toNanos(delay);
        if (nanos > recheckNanos && nanos <= TimeUnit.MILLISECONDS.toNanos(AXON_FULL_QUEUE_DELAY_MS)) {
            return super.schedule(command, recheckNanos, TimeUnit.NANOSECONDS);
        }
        return super.schedule(command, delay, unit);
    }
}
