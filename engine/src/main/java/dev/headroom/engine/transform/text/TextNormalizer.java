package dev.headroom.engine.transform.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The lossless pre-pass every text-like compressor shares: strips ANSI escape sequences (terminal colours
 * carry no meaning for a model), strips trailing whitespace (which also turns CRLF into LF), and collapses
 * runs of three or more blank lines into one blank line. Leading whitespace is never touched, so code
 * indentation survives. Linear, no regular expressions.
 */
public final class TextNormalizer {

    private static final char ESC = '\u001b';

    private TextNormalizer() {
    }

    /** The normalized text; the same instance when nothing changed. */
    public static String normalize(String text) {
        Lines lines = Lines.of(text);
        List<String> out = collapseBlankRuns(normalizeLines(lines.lines()));
        String joined = Lines.join(out, lines.trailingNewline());
        return joined.equals(text) ? text : joined;
    }

    /** Every line with ANSI sequences and trailing whitespace removed (line count unchanged). */
    public static List<String> normalizeLines(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            out.add(normalizeLine(l));
        }
        return out;
    }

    /** One line with ANSI sequences and trailing whitespace (including a CR) removed. */
    public static String normalizeLine(String line) {
        return stripTrailing(stripAnsi(line));
    }

    /** Drops runs of three or more blank lines down to one blank line. */
    public static List<String> collapseBlankRuns(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).isEmpty()) {
                out.add(lines.get(i++));
                continue;
            }
            int j = i;
            while (j < lines.size() && lines.get(j).isEmpty()) {
                j++;
            }
            int run = j - i;
            for (int k = 0; k < (run >= 3 ? 1 : run); k++) {
                out.add("");
            }
            i = j;
        }
        return out;
    }

    /** Removes CSI ({@code ESC [ ... final}), OSC ({@code ESC ] ... BEL|ESC \}) and two-byte escapes. */
    public static String stripAnsi(String s) {
        int first = s.indexOf(ESC);
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, first);
        int i = first;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != ESC) {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                i++;
                continue;
            }
            char kind = s.charAt(i + 1);
            if (kind == '[') {
                int j = i + 2;
                // parameter and intermediate bytes 0x20-0x3F, then one final byte 0x40-0x7E
                while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3F) {
                    j++;
                }
                i = j < n ? j + 1 : n;
            } else if (kind == ']') {
                int j = i + 2;
                while (j < n && s.charAt(j) != '\u0007' && !(s.charAt(j) == ESC && j + 1 < n && s.charAt(j + 1) == '\\')) {
                    j++;
                }
                i = j >= n ? n : (s.charAt(j) == '\u0007' ? j + 1 : j + 2);
            } else {
                i += 2;
            }
        }
        return sb.toString();
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b') {
                end--;
            } else {
                break;
            }
        }
        return end == s.length() ? s : s.substring(0, end);
    }
}
