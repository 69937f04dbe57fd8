package dev.headroom.engine.transform.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Lossless shortening of log timestamps that repeat their date, hour and minute from line to line:
 * <pre>
 * 2026-11-26T13:09:05.713Z INFO  RequestLog - POST /api/orders        2026-11-26T13:09:05.713Z INFO  RequestLog - POST /api/orders
 * 2026-11-26T13:09:06.066Z DEBUG StockCache - cache miss         -&gt;   :06.066Z DEBUG StockCache - cache miss
 * 2026-11-26T13:10:01.002Z INFO  RequestLog - GET /api/cart           2026-11-26T13:10:01.002Z INFO  RequestLog - GET /api/cart
 * </pre>
 * A line that starts with a timestamp ({@code 2026-11-26T13:09:05}, {@code 2026-11-26 13:09:05},
 * {@code 2026/11/26 13:09:05}, syslog's {@code Nov 26 13:09:05}, each optionally after {@code [}) whose part up to
 * the minute equals that of the last line written in full is written without that part, so it starts with the
 * colon before the seconds. The access logs of nginx and Apache carry theirs after the client address
 * ({@code 10.0.0.7 - - [27/Nov/2026:10:01:02 +0000] "GET ..."}): there the part after the bracket goes
 * ({@code [:02 +0000]}). A full ISO timestamp costs a dozen tokens; the seconds cost three or four, which on an
 * application log is a fifth of its tokens.
 *
 * <p>Why it is unambiguous: {@link #fold} gives back its input when any line already starts with a colon and a
 * digit or holds {@code [:} and a digit, so on decoding every such line is a shortened one and takes the minute
 * prefix of the nearest full line above it of the same form ({@link #unfold}).
 */
public final class TimestampRuns {

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private TimestampRuns() {
    }

    /** The lines with repeated minute prefixes left out; the same list when nothing is shortened or it is ambiguous. */
    public static List<String> fold(List<String> lines) {
        for (String l : lines) {
            if (isShortened(l) || accessShortenedAt(l) >= 0) {
                return lines;
            }
        }
        List<String> out = new ArrayList<>(lines.size());
        String current = null;
        String currentAccess = null;
        boolean changed = false;
        for (String l : lines) {
            int end = minutePrefixEnd(l);
            int[] access = end < 0 ? accessPrefix(l) : null;
            if (end >= 0) {
                if (current != null && l.startsWith(current) && current.length() == end) {
                    out.add(l.substring(end));
                    changed = true;
                    continue;
                }
                current = l.substring(0, end);
            } else if (access != null) {
                String prefix = l.substring(access[0], access[1]);
                if (prefix.equals(currentAccess)) {
                    out.add(l.substring(0, access[0]) + l.substring(access[1]));
                    changed = true;
                    continue;
                }
                currentAccess = prefix;
            }
            out.add(l);
        }
        return changed ? out : lines;
    }

    /** The inverse of {@link #fold}. */
    public static List<String> unfold(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        String current = null;
        String currentAccess = null;
        for (String l : lines) {
            if (isShortened(l) && current != null) {
                out.add(current + l);
                continue;
            }
            int at = accessShortenedAt(l);
            if (at >= 0 && currentAccess != null) {
                out.add(l.substring(0, at + 1) + currentAccess + l.substring(at + 1));
                continue;
            }
            int end = minutePrefixEnd(l);
            int[] access = end < 0 ? accessPrefix(l) : null;
            if (end >= 0) {
                current = l.substring(0, end);
            } else if (access != null) {
                currentAccess = l.substring(access[0], access[1]);
            }
            out.add(l);
        }
        return out;
    }

    private static boolean isShortened(String l) {
        return l.length() > 1 && l.charAt(0) == ':' && Character.isDigit(l.charAt(1));
    }

    /** Where a shortened access-log timestamp's bracket is ({@code [:} and a digit), or -1. */
    private static int accessShortenedAt(String l) {
        int at = l.indexOf("[:");
        return at >= 0 && at + 2 < l.length() && Character.isDigit(l.charAt(at + 2)) ? at : -1;
    }

    /**
     * The {@code [start, end)} of the minute part of an access log's timestamp ({@code 27/Nov/2026:10:01} in
     * {@code [27/Nov/2026:10:01:02 +0000]}) within the line's first 80 characters, or null.
     */
    static int[] accessPrefix(String l) {
        int at = -1;
        for (int i = 7, end = Math.min(l.length() - 1, 81); i < end; i++) { // an address is 7+ characters
            if (l.charAt(i) == ' ' && l.charAt(i + 1) == '[') {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return null;
        }
        int d = at + 2;
        boolean ok = digits(l, d, 2) && l.length() > d + 20 && l.charAt(d + 2) == '/' && isMonth(l, d + 3)
                && l.charAt(d + 6) == '/' && digits(l, d + 7, 4) && l.charAt(d + 11) == ':' && digits(l, d + 12, 2)
                && l.charAt(d + 14) == ':' && digits(l, d + 15, 2) && l.charAt(d + 17) == ':' && digits(l, d + 18, 2);
        return ok ? new int[] {d, d + 17} : null;
    }

    /**
     * Where the minute part of a leading timestamp ends (the index of the colon before the seconds), or -1 when
     * the line does not start with a timestamp that has seconds.
     */
    static int minutePrefixEnd(String l) {
        int i = l.startsWith("[") ? 1 : 0;
        int hour;
        if (digits(l, i, 4) && sep(l, i + 4) && digits(l, i + 5, 2) && sep(l, i + 7) && digits(l, i + 8, 2)
                && i + 10 < l.length() && (l.charAt(i + 10) == 'T' || l.charAt(i + 10) == ' ')) {
            hour = i + 11;
        } else if (isMonth(l, i) && i + 6 < l.length() && l.charAt(i + 3) == ' '
                && (l.charAt(i + 4) == ' ' || Character.isDigit(l.charAt(i + 4))) && Character.isDigit(l.charAt(i + 5))
                && l.charAt(i + 6) == ' ') {
            hour = i + 7;
        } else {
            return -1;
        }
        boolean ok = digits(l, hour, 2) && l.length() > hour + 5 && l.charAt(hour + 2) == ':' && digits(l, hour + 3, 2)
                && l.charAt(hour + 5) == ':' && digits(l, hour + 6, 2);
        return ok ? hour + 5 : -1;
    }

    private static boolean isMonth(String l, int at) {
        for (String m : MONTHS) {
            if (l.startsWith(m, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sep(String l, int at) {
        return at < l.length() && (l.charAt(at) == '-' || l.charAt(at) == '/');
    }

    private static boolean digits(String s, int from, int count) {
        if (from < 0 || from + count > s.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
