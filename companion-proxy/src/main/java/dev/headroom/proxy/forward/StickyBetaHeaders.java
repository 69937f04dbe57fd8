package dev.headroom.proxy.forward;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a session's {@code anthropic-beta} header from shrinking. Anthropic's prompt cache is keyed on the beta
 * features a request turns on, so a client that drops a beta token for one turn (Claude Code does, e.g. around
 * compaction or sub-agent calls) pays a full cache write for it and another when the token comes back. Like the
 * reference proxy, every token a session has sent is re-added, after the client's own tokens and in the order first
 * seen, so the header a session sends settles to one value. Turned off with
 * {@code HEADROOM_BETA_HEADER_STICKY=disabled}.
 */
public final class StickyBetaHeaders {

    /** The header this class maintains. */
    public static final String HEADER = "anthropic-beta";

    static final int MAX_SESSIONS = 10_000;

    /** The tokens one session has sent, in the order first seen (replaced, never changed: read without a lock). */
    private static final class Known {
        final AtomicReference<List<String>> tokens = new AtomicReference<>(List.of());
        volatile long lastUsed;
    }

    // Consulted before every Anthropic call of a tracked session: a concurrent map, because request threads
    // queueing on one monitor around an access-ordered LinkedHashMap showed up in the time to first byte.
    private final Map<String, Known> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean evicting = new AtomicBoolean();

    /** Stickiness as configured: on unless the setting says {@code disabled}, {@code off}, {@code false} or {@code 0}. */
    public static boolean enabled(Map<String, String> env) {
        String v = env.getOrDefault("HEADROOM_BETA_HEADER_STICKY", "").trim().toLowerCase(Locale.ROOT);
        return !(v.equals("disabled") || v.equals("off") || v.equals("false") || v.equals("0"));
    }

    /**
     * The value to forward for one request of a session.
     *
     * @param session the session key (never null)
     * @param values  the request's {@code anthropic-beta} header lines, possibly none
     * @return the client's tokens followed by those the session sent earlier and this request dropped, comma-joined;
     *         null when neither this request nor the session ever carried a beta token
     */
    public String merge(String session, List<String> values) {
        List<String> current = tokens(values);
        Known known = seen.get(session);
        if (known == null) {
            known = seen.computeIfAbsent(session, k -> new Known());
            if (seen.size() > MAX_SESSIONS) {
                evictLeastRecentlyUsed();
            }
        }
        known.lastUsed = System.nanoTime();
        List<String> out = new ArrayList<>(current);
        for (String t : known.tokens.get()) {
            if (!current.contains(t)) {
                out.add(t);
            }
        }
        // Concurrent turns of one session (sub-agents) only contend when a token is new to the session.
        known.tokens.updateAndGet(list -> {
            if (list.containsAll(current)) {
                return list;
            }
            List<String> grown = new ArrayList<>(list);
            for (String t : current) {
                if (!grown.contains(t)) {
                    grown.add(t);
                }
            }
            return List.copyOf(grown);
        });
        return out.isEmpty() ? null : String.join(",", out);
    }

    /** Drops the least recently used tenth once the cap is passed (one pass per 1,000 new sessions). */
    private void evictLeastRecentlyUsed() {
        if (!evicting.compareAndSet(false, true)) {
            return;
        }
        try {
            List<Map.Entry<String, Known>> all = new ArrayList<>(seen.entrySet());
            all.sort((a, b) -> Long.compare(a.getValue().lastUsed, b.getValue().lastUsed));
            int drop = all.size() - (MAX_SESSIONS - MAX_SESSIONS / 10);
            for (int i = 0; i < drop; i++) {
                seen.remove(all.get(i).getKey(), all.get(i).getValue());
            }
        } finally {
            evicting.set(false);
        }
    }

    /** Sessions remembered (tests). */
    int size() {
        return seen.size();
    }

    /** The tokens in header lines such as {@code "a,b"} and {@code " c "}, trimmed, without empties or repeats. */
    static List<String> tokens(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : values) {
            for (String t : line.split(",")) {
                String s = t.trim();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** True when the merged value differs from what the client sent (a token was re-added). */
    public static boolean restored(List<String> values, String merged) {
        return merged != null && !tokens(values).equals(tokens(List.of(merged)));
    }
}
