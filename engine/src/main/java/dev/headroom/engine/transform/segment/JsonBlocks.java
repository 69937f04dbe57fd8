package dev.headroom.engine.transform.segment;

import dev.headroom.engine.transform.json.CutJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the JSON values in a mixed output: a value starts at the beginning of a line with {@code {} or
 * {@code [} followed by what a JSON container can hold, and ends at its matching bracket (strings and escapes
 * respected). Lines of other kinds around it ({@code npm notice ...}, HTTP headers from {@code curl -i}, a
 * warning, a shell prompt) are what the block is cut out of. A value open at the end of the text is a block
 * that runs to the end (the client cut it there). Linear: a failed bracket match is never rescanned, and the
 * scans together read at most {@link #SCAN_FACTOR} times the text.
 */
final class JsonBlocks {

    /** Smaller JSON values are left in the text around them. */
    static final int MIN_BLOCK_CHARS = 200;
    private static final int SCAN_FACTOR = 4;

    private JsonBlocks() {
    }

    /** The {@code [start, end)} spans of JSON blocks in order; {@code end == text.length()} for one left open. */
    static List<int[]> find(String text) {
        List<int[]> out = new ArrayList<>();
        long budget = (long) SCAN_FACTOR * text.length();
        int lineStart = 0;
        while (lineStart < text.length() && budget > 0) {
            int at = firstNonBlank(text, lineStart);
            if (at < text.length() && (text.charAt(at) == '{' || text.charAt(at) == '[')
                    && CutJson.startsLikeJson(text.substring(at, Math.min(text.length(), at + 64)))) {
                int end = matchingEnd(text, at);
                budget -= (end < 0 ? text.length() : end) - at;
                if (end < 0) {
                    if (text.length() - at >= MIN_BLOCK_CHARS) {
                        out.add(new int[] {lineStart, text.length()});
                    }
                    return out;
                }
                int lineEnd = restOfLineBlank(text, end);
                if (end - at >= MIN_BLOCK_CHARS && lineEnd >= 0) {
                    out.add(new int[] {lineStart, lineEnd});
                    lineStart = lineEnd;
                    continue;
                }
            }
            int nl = text.indexOf('\n', lineStart);
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return out;
    }

    private static int firstNonBlank(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Where the line that {@code end} is on ends (after its newline) when nothing but blanks follows {@code end}
     * on it, else -1: a value that ends mid-line is not a block.
     */
    private static int restOfLineBlank(String text, int end) {
        for (int i = end; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return -1;
            }
        }
        return text.length();
    }

    /** The index after the bracket that closes the one at {@code start}, or -1 when the text ends first. */
    static int matchingEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }
}
