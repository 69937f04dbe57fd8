package dev.headroom.engine.memo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A bounded LRU memo for embedded use. */
public final class InMemoryDecisionMemo implements DecisionMemo {

    private final Map<String, Decision> map;

    public InMemoryDecisionMemo(int maxEntries) {
        this.map = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Decision> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public InMemoryDecisionMemo() {
        this(20_000);
    }

    @Override
    public synchronized Optional<Decision> get(String key) {
        return Optional.ofNullable(map.get(key));
    }

    @Override
    public synchronized Decision remember(String key, Decision decision) {
        Decision old = map.putIfAbsent(key, decision);
        return old != null ? old : decision;
    }

    /** Forgets {@code key}. */
    public synchronized void clear(String key) {
        map.remove(key);
    }
}
