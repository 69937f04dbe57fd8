package dev.headroom.engine.transform.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lossless: long directory prefixes that repeat across a log's paths (a Rust toolchain's
 * {@code /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library} in every backtrace frame, a Python
 * {@code /usr/local/lib/python3.11/site-packages} in every traceback line, a Go module cache, Gradle's caches) are
 * defined once at the top and written {@code $P1}, {@code $P2} where they start a path:
 * <pre>
 * [headroom: long path prefixes that repeat are written $P1, $P2... as defined here]
 * $P1 = /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library
 *              at $P1/core/src/panicking.rs:80:14
 * </pre>
 * A prefix ends at a slash, is {@link #MIN_PREFIX_CHARS} characters or more, and starts {@link #MIN_COUNT} or more
 * paths; at most {@link #MAX_ALIASES}, those that save the most first, none a prefix of another. Error and warning
 * lines keep their paths as written. In error outputs stack frames stay in every mode, so this is where their tokens
 * can go: a 40-hex toolchain hash costs about 25.
 *
 * <p>Why it is unambiguous: {@link #fold} gives back its input when any line already holds {@code $P} and a digit
 * or equals the legend's first line, and there are at most 9 aliases, so on decoding every {@code $Pn} is an alias.
 */
public final class RepeatedPaths {

    static final String LEGEND = "[headroom: long path prefixes that repeat are written $P1, $P2... as defined here]";
    static final int MIN_PREFIX_CHARS = 24;
    static final int MIN_COUNT = 3;
    static final int MAX_ALIASES = 9;

    private RepeatedPaths() {
    }

    /** The lines with repeated path prefixes aliased under a legend; the same list when nothing pays. */
    public static List<String> fold(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String l : lines) {
            if (l.equals(LEGEND) || hasAlias(l)) {
                return lines;
            }
            if (isMessage(l)) {
                continue;
            }
            forEachPath(l, (start, end) -> {
                for (int i = start + MIN_PREFIX_CHARS; i < end; i++) {
                    if (l.charAt(i) == '/') {
                        counts.merge(l.substring(start, i), 1, Integer::sum);
                    }
                }
            });
        }
        List<String> chosen = choose(counts);
        if (chosen.isEmpty()) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.size() + chosen.size() + 1);
        out.add(LEGEND);
        for (int k = 0; k < chosen.size(); k++) {
            out.add("$P" + (k + 1) + " = " + chosen.get(k));
        }
        for (String l : lines) {
            out.add(isMessage(l) ? l : replace(l, chosen));
        }
        return out;
    }

    /** Error and warning messages keep their paths as written: a reader quotes and searches them. */
    private static boolean isMessage(String l) {
        return LogLines.level(l) != LogLines.Level.OTHER;
    }

    /** The inverse of {@link #fold}. */
    public static List<String> unfold(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(LEGEND)) {
            return lines;
        }
        List<String> prefixes = new ArrayList<>();
        int i = 1;
        while (i < lines.size() && lines.get(i).startsWith("$P" + (prefixes.size() + 1) + " = ")) {
            prefixes.add(lines.get(i).substring(6));
            i++;
        }
        List<String> out = new ArrayList<>(lines.size() - i);
        for (String l : lines.subList(i, lines.size())) {
            StringBuilder sb = new StringBuilder(l.length() + 64);
            int at = 0;
            int p = l.indexOf("$P");
            while (p >= 0) {
                int n = p + 2 < l.length() ? l.charAt(p + 2) - '1' : -1;
                if (n >= 0 && n < prefixes.size()) {
                    sb.append(l, at, p).append(prefixes.get(n));
                    at = p + 3;
                }
                p = l.indexOf("$P", p + 1);
            }
            out.add(sb.append(l, at, l.length()).toString());
        }
        return out;
    }

    /** The prefixes that save the most, none a prefix of another, in order of saving. */
    private static List<String> choose(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> candidates = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= MIN_COUNT && saving(e) > 0) {
                candidates.add(e);
            }
        }
        candidates.sort((a, b) -> saving(b) != saving(a) ? Long.compare(saving(b), saving(a)) : a.getKey().compareTo(b.getKey()));
        List<String> chosen = new ArrayList<>();
        for (Map.Entry<String, Integer> e : candidates) {
            String p = e.getKey();
            boolean related = false;
            for (String c : chosen) {
                related |= c.startsWith(p + "/") || p.startsWith(c + "/");
            }
            if (!related) {
                chosen.add(p);
            }
            if (chosen.size() == MAX_ALIASES) {
                break;
            }
        }
        return chosen;
    }

    private static long saving(Map.Entry<String, Integer> e) {
        int len = e.getKey().length();
        return (long) e.getValue() * (len - 3) - (len + 8);
    }

    private static String replace(String l, List<String> chosen) {
        StringBuilder[] sb = {null};
        int[] copied = {0};
        forEachPath(l, (start, end) -> {
            for (int k = 0; k < chosen.size(); k++) {
                String p = chosen.get(k);
                if (l.startsWith(p, start) && start + p.length() < end && l.charAt(start + p.length()) == '/') {
                    if (sb[0] == null) {
                        sb[0] = new StringBuilder(l.length());
                    }
                    sb[0].append(l, copied[0], start).append("$P").append(k + 1);
                    copied[0] = start + p.length();
                    return;
                }
            }
        });
        return sb[0] == null ? l : sb[0].append(l, copied[0], l.length()).toString();
    }

    private static boolean hasAlias(String l) {
        int p = l.indexOf("$P");
        while (p >= 0) {
            if (p + 2 < l.length() && Character.isDigit(l.charAt(p + 2))) {
                return true;
            }
            p = l.indexOf("$P", p + 1);
        }
        return false;
    }

    /** The {@code [start, end)} of each absolute path in {@code l} (a slash after a delimiter, then path characters). */
    private static void forEachPath(String l, PathAction action) {
        int i = l.indexOf('/');
        while (i >= 0) {
            boolean starts = i == 0 || " \t\"'(=[:,".indexOf(l.charAt(i - 1)) >= 0;
            int end = i;
            while (end < l.length() && isPathChar(l.charAt(end))) {
                end++;
            }
            if (starts && end - i > MIN_PREFIX_CHARS) {
                action.path(i, end);
            }
            i = l.indexOf('/', Math.max(end, i + 1));
        }
    }

    private static boolean isPathChar(char c) {
        return c == '/' || c == '.' || c == '_' || c == '-' || c == '+' || c == '@' || c == '~'
                || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private interface PathAction {
        void path(int start, int end);
    }
}
