package dev.headroom.engine.transform.text;

import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The last step of the balanced fallback: lines so long that no line selection can bring the output near its
 * budget (minified JavaScript or CSS, a one-line JSON the client cut, an HTML page on one line) keep their head and
 * tail, and the middle becomes one marker that counts the characters left out. Only used when the text is still
 * over twice its budget, and only on lines over {@link #MIN_LINE_CHARS}; a surrogate pair is never split.
 */
public final class LongLines {

    static final int MIN_LINE_CHARS = 2000;

    private LongLines() {
    }

    /** {@code text} with its longest lines shortened, or null when that is not needed or does not help. */
    public static TransformResult trim(String text, TransformContext context) {
        int budget = context.maxOutputChars();
        if (context.lossless() || text.length() <= 2L * budget) {
            return null;
        }
        Lines lines = Lines.of(text);
        long longChars = 0;
        for (String l : lines.lines()) {
            if (l.length() > MIN_LINE_CHARS) {
                longChars += l.length();
            }
        }
        long rest = text.length() - longChars;
        if (longChars == 0 || rest >= budget) {
            return null;
        }
        double keepShare = Math.max(0.02, (budget - rest) / (double) longChars);
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines.lines()) {
            out.add(l.length() > MIN_LINE_CHARS ? shorten(l, keepShare, context) : l);
        }
        String result = Lines.join(out, lines.trailingNewline());
        return result.length() < text.length() ? TransformResult.lossy(result, "text.long-lines") : null;
    }

    private static String shorten(String line, double keepShare, TransformContext context) {
        int keep = (int) Math.max(MIN_LINE_CHARS / 4, line.length() * keepShare);
        int head = safeCut(line, keep * 2 / 3);
        int tail = safeCut(line, line.length() - keep / 3);
        if (tail <= head) {
            return line;
        }
        String marker = context.marker(tail - head, line.length(), "characters of this line", null);
        return line.substring(0, head) + " " + marker + " " + line.substring(tail);
    }

    /** {@code at}, moved back by one when it would fall between the two halves of a surrogate pair. */
    private static int safeCut(String s, int at) {
        return at > 0 && at < s.length() && Character.isLowSurrogate(s.charAt(at)) ? at - 1 : at;
    }
}
