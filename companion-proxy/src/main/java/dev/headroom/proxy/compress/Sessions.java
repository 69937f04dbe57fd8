package dev.headroom.proxy.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Conversations the proxy has seen, keyed by the session a client names ({@link #keyOf}). A session remembers that
 * it once carried markers, so that every later turn gets {@code headroom_retrieve} too and the tools prefix stays
 * byte-identical for the prompt cache.
 */
public final class Sessions {

    /** One conversation's sticky state. */
    public static final class Session {
        public final String key;
        private volatile boolean retrieveTool;
        private volatile long lastUsed = System.nanoTime();
        public final AtomicLong turns = new AtomicLong();
        public final AtomicLong cacheReadTokens = new AtomicLong();

        Session(String key) {
            this.key = key;
        }

        public boolean retrieveTool() {
            return retrieveTool;
        }

        public void markRetrieveTool() {
            retrieveTool = true;
        }
    }

    static final int MAX_SESSIONS = 10_000;

    // Looked up on every compressible request: a concurrent map, because 50 request threads queueing on one
    // monitor (an access-ordered LinkedHashMap needs it even to read) showed up in the time to first byte.
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicBoolean evicting = new AtomicBoolean();

    public Session get(String key) {
        Session s = sessions.get(key);
        if (s == null) {
            s = sessions.computeIfAbsent(key, Session::new);
            if (sessions.size() > MAX_SESSIONS) {
                evictLeastRecentlyUsed();
            }
        }
        s.lastUsed = System.nanoTime();
        return s;
    }

    public int size() {
        return sessions.size();
    }

    /** Drops the least recently used tenth once the cap is passed, so eviction runs once per 1,000 new sessions. */
    private void evictLeastRecentlyUsed() {
        if (!evicting.compareAndSet(false, true)) {
            return; // another thread is at it
        }
        try {
            List<Session> all = new ArrayList<>(sessions.values());
            all.sort((a, b) -> Long.compare(a.lastUsed, b.lastUsed));
            int drop = all.size() - (MAX_SESSIONS - MAX_SESSIONS / 10);
            for (int i = 0; i < drop; i++) {
                sessions.remove(all.get(i).key, all.get(i));
            }
        } finally {
            evicting.set(false);
        }
    }

    /**
     * The session a request names, or null: {@code x-headroom-session-id}, else the clients' own session headers
     * (Claude Code's {@code x-claude-code-session-id}, Codex's {@code session_id}). A request that names none belongs
     * to no session: a key made from its body (model + system prompt) joined unrelated clients, and what one of them
     * made sticky (the retrieve tool, beta headers) reached the others.
     */
    public static String keyOf(Map<String, String> headers) {
        for (String h : new String[] {"x-headroom-session-id", "x-claude-code-session-id", "session_id", "session-id"}) {
            String v = headers.get(h);
            if (v != null && !v.isBlank()) {
                return h.equals("x-headroom-session-id") ? v.trim() : h + ":" + v.trim();
            }
        }
        return null;
    }
}
