package app.truenorth.platform.cluster;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What this node has read from the database and may answer again without reading it, until a change
 * to it is announced through {@link ChangeSignals} (by this node or, on PostgreSQL, by any node).
 * Three rules keep it from answering with data that was already replaced:
 * <ul>
 *   <li>a value read while a change was being announced is not kept: every announcement moves a
 *       generation counter, and a value is only stored if the counter did not move while it was read
 *       (otherwise a read that began before a commit could store the old rows after the commit's
 *       announcement had emptied the cache);</li>
 *   <li>nothing is kept while the announcements cannot be trusted ({@link ChangeSignals#trusted()}:
 *       on PostgreSQL while this node is not listening, e.g. during a reconnect), and nothing is read
 *       from here inside a transaction that announced a change, which must see its own writes;</li>
 *   <li>an entry is dropped after {@code maxAge} whatever happens, so a change made outside the
 *       application (by hand in SQL) is seen within that time.</li>
 * </ul>
 * Values must be immutable: they are shared by every request that asks.
 */
public final class NodeCache<V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final String topic;
    private final ChangeSignals signals;
    private final int maxEntries;
    private final long maxAgeNanos;
    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    NodeCache(String topic, ChangeSignals signals, int maxEntries, Duration maxAge) {
        this.topic = topic;
        this.signals = signals;
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public String topic() {
        return topic;
    }

    /** The value for {@code key}, read through {@code load} unless this node already knows it. */
    public V get(String key, Supplier<V> load) {
        V known = peek(key);
        if (known != null) {
            return known;
        }
        long seen = generation();
        V value = load.get();
        put(key, value, seen);
        return value;
    }

    /** The value this node knows for {@code key}, or null (also whenever the cache may not be used). */
    public V peek(String key) {
        if (!signals.usable()) {
            return null;
        }
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.loadedAt() > maxAgeNanos) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /** The generation to pass to {@link #put} for a value about to be read from the database. */
    public long generation() {
        return generation.get();
    }

    /** Keeps a value read from the database, unless a change was announced since {@code seenGeneration}. */
    public void put(String key, V value, long seenGeneration) {
        if (value == null || !signals.usable() || generation.get() != seenGeneration) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear(); // simple and rare: a node with this many active keys just reads them again
        }
        var entry = new Entry<>(value, System.nanoTime());
        entries.put(key, entry);
        if (generation.get() != seenGeneration) {
            entries.remove(key, entry); // a change was announced while storing: do not keep what may be old
        }
    }

    /** Forgets one key, or everything when {@code key} is null. */
    void invalidate(String key) {
        generation.incrementAndGet();
        if (key == null) {
            entries.clear();
        } else {
            entries.remove(key);
        }
    }

    int size() {
        return entries.size();
    }
}
