package dev.headroom.engine.transform.wrap;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a client cut a long output in the middle and left a notice in its place: Codex writes
 * {@code …7412 tokens truncated…} (U+2026 on both sides), often in the middle of a line or of a JSON string.
 * {@code lines}, {@code chars}, {@code characters} and {@code bytes} are accepted in place of {@code tokens}.
 */
final class MiddleCuts {

    private static final char ELLIPSIS = '\u2026';
    private static final String[] UNITS = {"tokens", "lines", "chars", "characters", "bytes"};

    private MiddleCuts() {
    }

    /** The {@code [start, end)} spans of every cut notice in {@code text}, in order. */
    static List<int[]> find(String text) {
        List<int[]> out = new ArrayList<>();
        int i = text.indexOf(ELLIPSIS);
        while (i >= 0) {
            int end = noticeEnd(text, i);
            if (end > 0) {
                out.add(new int[] {i, end});
                i = text.indexOf(ELLIPSIS, end);
            } else {
                i = text.indexOf(ELLIPSIS, i + 1);
            }
        }
        return out;
    }

    /** The end of a notice that starts at {@code at}, or -1 when none starts there. */
    private static int noticeEnd(String text, int at) {
        int i = at + 1;
        int digits = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i == digits || i >= text.length() || text.charAt(i) != ' ') {
            return -1;
        }
        i++;
        for (String unit : UNITS) {
            String rest = unit + " truncated" + ELLIPSIS;
            if (text.startsWith(rest, i)) {
                return i + rest.length();
            }
        }
        return -1;
    }
}
