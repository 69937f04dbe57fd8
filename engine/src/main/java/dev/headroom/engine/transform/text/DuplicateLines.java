package dev.headroom.engine.transform.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Lossless folding of runs of identical consecutive lines: a run of 12 copies of {@code line} becomes
 * {@code line [x12]}.
 *
 * <p>Why it is unambiguous: folding is only done when no input line already ends with a suffix of the
 * form {@code " [x" digits "]"} ({@link #canFold}); so on decoding, every line that ends with such a
 * suffix (count of 2 or more) is a folded run, and every other line is itself. {@link #unfold} is that
 * decoder. A run is only folded when the folded form is shorter; blank lines are never folded.
 */
public final class DuplicateLines {

    private DuplicateLines() {
    }

    /** True when no line already ends with a fold suffix, so a fold can be decoded exactly. */
    public static boolean canFold(List<String> lines) {
        for (String l : lines) {
            if (suffixStart(l) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The lines with identical consecutive runs folded; the same list when folding is impossible or useless. */
    public static List<String> fold(List<String> lines) {
        if (!canFold(lines)) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.size());
        boolean changed = false;
        int i = 0;
        while (i < lines.size()) {
            String l = lines.get(i);
            int j = i + 1;
            while (j < lines.size() && lines.get(j).equals(l)) {
                j++;
            }
            int run = j - i;
            String folded = l + " [x" + run + "]";
            long unfoldedLength = (long) run * l.length() + (run - 1);
            if (run >= 2 && !l.isBlank() && folded.length() < unfoldedLength) {
                out.add(folded);
                changed = true;
            } else {
                for (int k = i; k < j; k++) {
                    out.add(l);
                }
            }
            i = j;
        }
        return changed ? out : lines;
    }

    /** The text with identical consecutive runs folded; the same instance when nothing was folded. */
    public static String foldText(String text) {
        Lines lines = Lines.of(text);
        List<String> folded = fold(lines.lines());
        return folded == lines.lines() ? text : Lines.join(folded, lines.trailingNewline());
    }

    /** The decoder: expands every {@code line [xN]} (N >= 2) back into N copies of {@code line}. */
    public static List<String> unfold(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            int s = suffixStart(l);
            if (s < 0) {
                out.add(l);
                continue;
            }
            int count = Integer.parseInt(l.substring(s + 3, l.length() - 1));
            String line = l.substring(0, s);
            for (int k = 0; k < count; k++) {
                out.add(line);
            }
        }
        return out;
    }

    /** The text decoded with {@link #unfold(List)}. */
    public static String unfoldText(String text) {
        Lines lines = Lines.of(text);
        return Lines.join(unfold(lines.lines()), lines.trailingNewline());
    }

    /** Where a {@code " [xN]"} suffix with N >= 2 starts, or -1. */
    static int suffixStart(String l) {
        int n = l.length();
        if (n < 5 || l.charAt(n - 1) != ']') {
            return -1;
        }
        int d = n - 2;
        while (d >= 0 && l.charAt(d) >= '0' && l.charAt(d) <= '9') {
            d--;
        }
        int digits = n - 2 - d;
        if (digits == 0 || digits > 9 || d < 2 || l.charAt(d) != 'x' || l.charAt(d - 1) != '[' || l.charAt(d - 2) != ' ') {
            return -1;
        }
        String num = l.substring(d + 1, n - 1);
        if (num.charAt(0) == '0' || Integer.parseInt(num) < 2) {
            return -1;
        }
        return d - 2;
    }
}
