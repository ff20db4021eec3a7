package ir.parvaneh.command.infrastructure.cache;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers to a question asked on every request ("which layer versions, which rulebook, are in force for this
 * municipality on this day?") kept for a short while. This instance forgets them as soon as a change it
 * writes commits; a change written by another instance is seen within {@code lifetime}, as if the request
 * had started that much earlier. Only for answers that change by appended rows, never for money or
 * decisions themselves.
 */
public final class RecentAnswers<K, V> {

    private record Answer<V>(V value, long bornNanos) {
    }

    private final long lifetimeNanos;
    private final Map<K, Answer<V>> answers = new ConcurrentHashMap<>();

    public RecentAnswers(Duration lifetime) {
        this.lifetimeNanos = lifetime.toNanos();
    }

    public V get(K key, Function<K, V> ask) {
        long now = System.nanoTime();
        Answer<V> known = answers.get(key);
        if (known != null && now - known.bornNanos() < lifetimeNanos) {
            return known.value();
        }
        V value = ask.apply(key);
        answers.put(key, new Answer<>(value, now));
        return value;
    }

    /** Forgets every answer once the current transaction commits (at once when there is none). */
    public void forgetAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    answers.clear();
                }
            });
        } else {
            answers.clear();
        }
    }
}
