package dev.headroom.engine.transform.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Text as a list of lines plus whether it ended with a newline, so that splitting and joining again gives
 * back the same text. A CR before the LF is kept on the line (the normalizer decides whether to drop it).
 */
public record Lines(List<String> lines, boolean trailingNewline) {

    /** Splits on LF only; no regex, linear. */
    public static Lines of(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        boolean trailing = n > 0 && start == n;
        if (start < n) {
            out.add(text.substring(start));
        }
        return new Lines(out, trailing);
    }

    /** The text these lines came from (or the text with these lines). */
    public String join() {
        return join(lines, trailingNewline);
    }

    public static String join(List<String> lines, boolean trailingNewline) {
        int size = lines.size();
        for (String l : lines) {
            size += l.length();
        }
        StringBuilder sb = new StringBuilder(size + 1);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(lines.get(i));
        }
        if (trailingNewline && !lines.isEmpty()) {
            sb.append('\n');
        }
        return sb.toString();
    }

    public int size() {
        return lines.size();
    }

    public String get(int i) {
        return lines.get(i);
    }
}
