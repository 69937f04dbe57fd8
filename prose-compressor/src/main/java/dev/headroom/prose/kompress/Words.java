package dev.headroom.prose.kompress;

import java.util.ArrayList;
import java.util.List;

/**
 * The whitespace-separated words of a text with their positions, so that a selection of words can be
 * put back together with the original line structure (the reference joins kept words with single
 * spaces and so flattens lists, tables and code; this keeps every line break that separates kept words).
 */
public final class Words {

    private final String text;
    private final int[] starts;
    private final int[] ends;

    private Words(String text, int[] starts, int[] ends) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    public static Words of(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                spans.add(new int[] {start, i});
            }
        }
        int[] s = new int[spans.size()];
        int[] e = new int[spans.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = spans.get(k)[0];
            e[k] = spans.get(k)[1];
        }
        return new Words(text, s, e);
    }

    public int size() {
        return starts.length;
    }

    public String get(int index) {
        return text.substring(starts[index], ends[index]);
    }

    public List<String> slice(int from, int to) {
        List<String> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(get(i));
        }
        return out;
    }

    /**
     * The kept words, separated as in the original: the original gap between neighbours that were both
     * kept; otherwise the line breaks (at most two) in the dropped stretch plus the kept word's own
     * indentation, or a single space when the stretch had no line break.
     */
    public String join(boolean[] keep) {
        StringBuilder out = new StringBuilder(text.length());
        if (starts.length > 0) {
            out.append(text, 0, starts[0]); // leading whitespace as it was
        }
        int previous = -1;
        for (int i = 0; i < starts.length; i++) {
            if (!keep[i]) {
                continue;
            }
            if (previous < 0) {
                String sep = i == 0 ? "" : separator(starts[0], starts[i]);
                out.append(sep.equals(" ") ? "" : sep);
            } else if (previous == i - 1) {
                out.append(text, ends[previous], starts[i]);
            } else {
                out.append(separator(ends[previous], starts[i]));
            }
            out.append(text, starts[i], ends[i]);
            previous = i;
        }
        if (starts.length > 0) {
            out.append(text, ends[starts.length - 1], text.length()); // trailing whitespace as it was
        }
        return out.toString();
    }

    private String separator(int from, int to) {
        int newlines = 0;
        int lastNewline = -1;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                newlines++;
                lastNewline = i;
            }
        }
        if (newlines == 0) {
            return " ";
        }
        // The indentation of the kept word's line, even when the line's first words were dropped.
        int k = lastNewline + 1;
        while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        String indent = text.substring(lastNewline + 1, k);
        return "\n".repeat(Math.min(2, newlines)) + indent;
    }
}
