package dev.headroom.engine.ccr;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded in-process store: entries expire after a TTL, and the least recently stored go first
 * when the character budget is exceeded. Used when the engine is embedded (the JVM agent, tests).
 */
public final class InMemoryRetrievalStore implements RetrievalStore {

    private final Duration ttl;
    private final long maxChars;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, false);
    private long chars;
    private long hits;
    private long misses;

    public InMemoryRetrievalStore(Duration ttl, long maxChars, Clock clock) {
        this.ttl = ttl;
        this.maxChars = maxChars;
        this.clock = clock;
    }

    /** 30-minute TTL, 64 M characters. */
    public InMemoryRetrievalStore() {
        this(Duration.ofMinutes(30), 64L * 1024 * 1024, Clock.systemUTC());
    }

    @Override
    public synchronized void put(String hash, String original) {
        Entry old = entries.remove(hash);
        if (old != null) {
            chars -= old.text.length();
        }
        entries.put(hash, new Entry(original, clock.millis() + ttl.toMillis()));
        chars += original.length();
        evict();
    }

    @Override
    public synchronized Optional<String> get(String hash) {
        Entry e = entries.get(hash);
        if (e == null || e.expiresAt < clock.millis()) {
            misses++;
            return Optional.empty();
        }
        hits++;
        return Optional.of(e.text);
    }

    @Override
    public synchronized StoreStats stats() {
        return new StoreStats(entries.size(), chars, hits, misses);
    }

    private void evict() {
        long now = clock.millis();
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> e = it.next();
            if (chars <= maxChars && e.getValue().expiresAt >= now) {
                break;
            }
            chars -= e.getValue().text.length();
            it.remove();
        }
    }

    private record Entry(String text, long expiresAt) {
    }
}
