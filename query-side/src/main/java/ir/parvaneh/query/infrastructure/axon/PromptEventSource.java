package ir.parvaneh.query.infrastructure.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the pooled processors' source, with one thing added: their streams say when new events have
 * arrived. A pooled processor's coordinator that has caught up waits for its stream's "available" callback, and
 * when the stream offers none (the embedded JDBC event store's streams do not) it looks again only every 500 ms,
 * Axon's fixed fallback: most of what a citizen waited to see their own action projected. Here one tailing stream
 * of the same store (a consumer of its shared, polled cache: no query of its own) watches the head and, whenever
 * events arrive, calls back every open processor stream, so each coordinator looks at once; the streams themselves
 * are only ever read by their own coordinators.
 */
public class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(PromptEventSource.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;

    public PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
    }

    /** Starts watching the head of the store (idempotent). */
    public synchronized void start() {
        if (watcher != null) {
            return;
        }
        watcher = new Thread(this::watch, "prompt-event-source");
        watcher.setDaemon(true);
        watcher.start();
    }

    public synchronized void stop() {
        Thread running = watcher;
        watcher = null;
        if (running != null) {
            running.interrupt();
        }
    }

    private void watch() {
        while (watcher == Thread.currentThread()) {
            try (BlockingStream<TrackedEventMessage<?>> head = store.openStream(store.createHeadToken())) {
                while (watcher == Thread.currentThread()) {
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store briefly away: the processors fall back on Axon's own polling meanwhile.
                log.warn("Watching the event store's head failed; retrying in a second: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** A processor's stream of the store, which accepts the coordinator's callback. */
    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile Runnable callback;

        PromptStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            stream.close();
        }
    }
}
