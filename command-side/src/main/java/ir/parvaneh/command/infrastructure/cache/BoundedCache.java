package ir.parvaneh.command.infrastructure.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code capacity} entries, the least recently used dropped first: for values that never change once known
 * (a recorded event, a verified signature), where only memory bounds how many to keep. Callers say why their values
 * cannot go stale. One lock: a get or put is a hash lookup and a list relink, far below what the cached work costs,
 * and Caffeine is not on this side's classpath.
 */
public final class BoundedCache<K, V> {

    private final int capacity;
    private final Map<K, V> entries;

    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A cache holds at least one entry");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > BoundedCache.this.capacity;
            }
        };
    }

    /** The value kept for {@code key}, or null. */
    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }

    public synchronized int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }
}
