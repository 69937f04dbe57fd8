package dev.headroom.proxy.forward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    private static final int MAX_SESSIONS = 10_000;

    private final Map<String, Set<String>> seen = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

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
        Set<String> known;
        synchronized (seen) {
            known = seen.computeIfAbsent(session, k -> new LinkedHashSet<>());
        }
        List<String> out = new ArrayList<>(current);
        synchronized (known) {
            for (String t : known) {
                if (!current.contains(t)) {
                    out.add(t);
                }
            }
            known.addAll(current);
        }
        return out.isEmpty() ? null : String.join(",", out);
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
