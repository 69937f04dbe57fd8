package dev.headroom.engine.transform.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lossless: quoted strings that repeat across a log (an access log's user agents and referers, a service's
 * recurring SQL statement) are defined once at the top and written {@code "$1"}, {@code "$2"} where they occur:
 * <pre>
 * [headroom: quoted strings that repeat are written "$1", "$2"... as defined here]
 * $1 = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
 * 10.42.9.65 - - [27/Nov/2026:10:01:01 +0000] "GET /api/orders/50906 HTTP/1.1" 200 3630 "-" "$1"
 * </pre>
 * A string qualifies at {@link #MIN_CHARS} characters or more, with no quote or backslash inside, seen
 * {@link #MIN_COUNT} times or more, between a quote that starts a word and one that ends it; at most
 * {@link #MAX_ALIASES} strings, those that save the most characters first.
 *
 * <p>Why it is unambiguous: {@link #fold} gives back its input when any line already holds {@code "$} and a
 * digit or equals the legend's first line, so on decoding every {@code "$n"} is an alias ({@link #unfold}).
 */
public final class RepeatedQuotes {

    static final String LEGEND = "[headroom: quoted strings that repeat are written \"$1\", \"$2\"... as defined here]";
    static final int MIN_CHARS = 32;
    static final int MIN_COUNT = 3;
    static final int MAX_ALIASES = 30;

    private RepeatedQuotes() {
    }

    /** The lines with repeated quoted strings aliased under a legend; the same list when nothing pays. */
    public static List<String> fold(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String l : lines) {
            if (l.equals(LEGEND) || hasAlias(l)) {
                return lines;
            }
            forEachQuoted(l, q -> counts.merge(q, 1, Integer::sum));
        }
        List<Map.Entry<String, Integer>> chosen = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= MIN_COUNT && saving(e) > 0) {
                chosen.add(e);
            }
        }
        if (chosen.isEmpty()) {
            return lines;
        }
        chosen.sort((a, b) -> saving(b) != saving(a) ? Long.compare(saving(b), saving(a)) : a.getKey().compareTo(b.getKey()));
        Map<String, String> alias = new HashMap<>();
        List<String> out = new ArrayList<>(lines.size() + MAX_ALIASES + 1);
        out.add(LEGEND);
        for (int k = 0; k < Math.min(MAX_ALIASES, chosen.size()); k++) {
            String name = "$" + (k + 1);
            alias.put(chosen.get(k).getKey(), name);
            out.add(name + " = \"" + chosen.get(k).getKey() + "\"");
        }
        for (String l : lines) {
            out.add(replace(l, alias));
        }
        return out;
    }

    /** The inverse of {@link #fold}. */
    public static List<String> unfold(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(LEGEND)) {
            return lines;
        }
        Map<String, String> values = new HashMap<>();
        int i = 1;
        while (i < lines.size() && lines.get(i).startsWith("$") && lines.get(i).contains(" = \"")) {
            String l = lines.get(i);
            int eq = l.indexOf(" = \"");
            values.put(l.substring(1, eq), l.substring(eq + 4, l.length() - 1));
            i++;
        }
        List<String> out = new ArrayList<>(lines.size() - i);
        for (String l : lines.subList(i, lines.size())) {
            StringBuilder sb = new StringBuilder(l.length() + 64);
            int at = 0;
            int q = l.indexOf("\"$");
            while (q >= 0) {
                int end = l.indexOf('"', q + 2);
                String value = end > 0 ? values.get(l.substring(q + 2, end)) : null;
                if (value == null) {
                    q = l.indexOf("\"$", q + 1);
                    continue;
                }
                sb.append(l, at, q + 1).append(value).append('"');
                at = end + 1;
                q = l.indexOf("\"$", at);
            }
            out.add(sb.append(l, at, l.length()).toString());
        }
        return out;
    }

    private static long saving(Map.Entry<String, Integer> e) {
        int len = e.getKey().length();
        return (long) e.getValue() * (len - 3) - (len + 8);
    }

    private static boolean hasAlias(String l) {
        int q = l.indexOf("\"$");
        while (q >= 0) {
            if (q + 2 < l.length() && Character.isDigit(l.charAt(q + 2))) {
                return true;
            }
            q = l.indexOf("\"$", q + 1);
        }
        return false;
    }

    /** Each qualifying quoted string of {@code l}: quotes that start and end a word, nothing escaped inside. */
    private static void forEachQuoted(String l, java.util.function.Consumer<String> action) {
        int open = l.indexOf('"');
        while (open >= 0) {
            int close = l.indexOf('"', open + 1);
            if (close < 0) {
                return;
            }
            if (opensWord(l, open) && closesWord(l, close)) {
                String q = l.substring(open + 1, close);
                if (q.length() >= MIN_CHARS && q.indexOf('\\') < 0) {
                    action.accept(q);
                }
                open = l.indexOf('"', close + 1);
            } else {
                open = close;
            }
        }
    }

    private static String replace(String l, Map<String, String> alias) {
        StringBuilder sb = null;
        int copied = 0;
        int open = l.indexOf('"');
        while (open >= 0) {
            int close = l.indexOf('"', open + 1);
            if (close < 0) {
                break;
            }
            if (opensWord(l, open) && closesWord(l, close)) {
                String name = alias.get(l.substring(open + 1, close));
                if (name != null) {
                    if (sb == null) {
                        sb = new StringBuilder(l.length());
                    }
                    sb.append(l, copied, open + 1).append(name).append('"');
                    copied = close + 1;
                }
                open = l.indexOf('"', close + 1);
            } else {
                open = close;
            }
        }
        return sb == null ? l : sb.append(l, copied, l.length()).toString();
    }

    private static boolean opensWord(String l, int at) {
        return at == 0 || " =:([,{".indexOf(l.charAt(at - 1)) >= 0;
    }

    private static boolean closesWord(String l, int at) {
        return at + 1 >= l.length() || " ,)]};:".indexOf(l.charAt(at + 1)) >= 0;
    }
}
