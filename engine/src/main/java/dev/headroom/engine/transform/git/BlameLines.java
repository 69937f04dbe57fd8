package dev.headroom.engine.transform.git;

import java.util.ArrayList;
import java.util.List;

/**
 * A lossless, shorter form of {@code git blame} output, whose every line repeats its commit, author and date:
 * <pre>
 * 35e81185 (Sam Ortega      2026-11-26 10:30:00 +0000  9)     // log calls slower than 1500 ms
 * 35e81185 (Sam Ortega      2026-11-26 10:30:00 +0000 10)     static final long SLOW_CALL_MILLIS = 1500;
 * </pre>
 * becomes
 * <pre>
 * 35e81185 (Sam Ortega      2026-11-26 10:30:00 +0000  9)     // log calls slower than 1500 ms
 * 10)     static final long SLOW_CALL_MILLIS = 1500;
 * </pre>
 * About 25 cl100k tokens go from every line that continues its predecessor's commit.
 *
 * <p>Grammar: a <em>continuation</em> is a line {@code digits ")"} followed by the end or a space. It stands for
 * the last full blame line's text up to its line-number field, the number right-aligned in that field's width,
 * and the rest of the continuation. A full blame line is {@code [^]hex [path ](... digits) code}.
 *
 * <p>Why it is unambiguous: no blame line starts with a digit run and a parenthesis (it starts with a hash and a
 * space), and {@link #fold} gives back its input when any line already reads as a continuation; a line is only
 * written as a continuation when decoding it gives back exactly that line.
 */
public final class BlameLines {

    private BlameLines() {
    }

    /** True when most lines of the head (three or more) are blame lines. */
    public static boolean looksLikeBlame(List<String> head) {
        int lines = 0;
        int blame = 0;
        for (String l : head) {
            if (!l.isBlank()) {
                lines++;
                blame += numberField(l) != null ? 1 : 0;
            }
        }
        return blame >= 3 && blame * 10 >= lines * 8;
    }

    /** The lines with every continuation shortened; the same list when there is none. */
    static List<String> fold(List<String> lines) {
        for (String l : lines) {
            if (isContinuation(l)) {
                return lines;
            }
        }
        List<String> out = new ArrayList<>(lines.size());
        String prefix = null;
        int width = 0;
        boolean changed = false;
        for (String l : lines) {
            int[] field = numberField(l);
            if (field == null) {
                out.add(l);
                prefix = null;
                continue;
            }
            String linePrefix = l.substring(0, field[0]);
            String shortForm = l.substring(field[0], field[1]).strip() + l.substring(field[1]);
            if (linePrefix.equals(prefix) && field[1] - field[0] == width && expand(shortForm, prefix, width).equals(l)) {
                out.add(shortForm);
                changed = true;
                continue;
            }
            out.add(l);
            prefix = linePrefix;
            width = field[1] - field[0];
        }
        return changed ? out : lines;
    }

    /** The decoder: every continuation back to its full blame line. */
    public static List<String> unfold(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        String prefix = null;
        int width = 0;
        for (String l : lines) {
            if (prefix != null && isContinuation(l)) {
                out.add(expand(l, prefix, width));
                continue;
            }
            int[] field = numberField(l);
            prefix = field == null ? null : l.substring(0, field[0]);
            width = field == null ? 0 : field[1] - field[0];
            out.add(l);
        }
        return out;
    }

    private static String expand(String continuation, String prefix, int width) {
        int close = continuation.indexOf(')');
        String number = continuation.substring(0, close);
        return prefix + " ".repeat(Math.max(0, width - number.length())) + continuation.substring(0, close)
                + continuation.substring(close);
    }

    /** {@code 12)} or {@code 12) code}. */
    static boolean isContinuation(String l) {
        int i = 0;
        while (i < l.length() && Character.isDigit(l.charAt(i))) {
            i++;
        }
        return i > 0 && i < l.length() && l.charAt(i) == ')' && (i + 1 == l.length() || l.charAt(i + 1) == ' ');
    }

    /**
     * Where the line-number field of a blame line lies, {@code [start, end)} with {@code end} at its closing
     * parenthesis (the spaces of its right alignment included), or null for any other line.
     */
    static int[] numberField(String l) {
        int i = l.startsWith("^") ? 1 : 0;
        int hex = i;
        while (i < l.length() && isHex(l.charAt(i))) {
            i++;
        }
        if (i - hex < 7 || i - hex > 40 || i >= l.length() || l.charAt(i) != ' ') {
            return null;
        }
        int open = l.indexOf(" (", i);
        if (open < 0 || open > i + 200) {
            return null;
        }
        int close = l.indexOf(") ", open);
        if (close < 0 && l.endsWith(")")) {
            close = l.length() - 1;
        }
        if (close < 0) {
            return null;
        }
        int d = close;
        while (d > open && Character.isDigit(l.charAt(d - 1))) {
            d--;
        }
        if (d == close || l.charAt(d - 1) != ' ') {
            return null;
        }
        int start = d;
        while (start > open && l.charAt(start - 1) == ' ') {
            start--;
        }
        return new int[] {start, close};
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
