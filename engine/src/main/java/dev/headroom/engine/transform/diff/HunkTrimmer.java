package dev.headroom.engine.transform.diff;

import dev.headroom.engine.tokens.TokenEstimator;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.log.LogLines;

import java.util.ArrayList;
import java.util.List;

/**
 * Trims the unchanged lines of one hunk to a given number on each side of every change. The header, every
 * {@code +}/{@code -} line and every {@code \ No newline} line are kept verbatim; each run of left-out
 * context lines becomes one marker with its exact count and the file lines it covered. Runs shorter than
 * {@link #MIN_GAP} lines, or not clearly dearer in tokens than their marker ({@link #MARKER_MARGIN}), stay.
 * In a failing command's output, context lines that read as errors, warnings or stack frames stay too.
 */
final class HunkTrimmer {

    static final int MIN_GAP = 3;
    /** A gap must cost clearly more than its marker: both are estimates, and a marker that saves nothing still costs. */
    static final double MARKER_MARGIN = 1.25;

    private HunkTrimmer() {
    }

    /** The hunk's lines after trimming (header first), keeping {@code contextLines} unchanged lines around changes. */
    static List<String> trim(DiffParser.Block hunk, int contextLines, TransformContext context) {
        List<String> lines = hunk.lines();
        int n = lines.size();
        boolean[] keep = new boolean[n];
        keep[0] = true;
        for (int i = 1; i < n; i++) {
            String l = lines.get(i);
            if (DiffParser.isChange(l, hunk.columns()) || l.startsWith("\\")) {
                keep[i] = true;
                for (int k = Math.max(1, i - contextLines); k <= Math.min(n - 1, i + contextLines); k++) {
                    keep[k] = true;
                }
            } else if (context.errorOutput() && (LogLines.level(l) != LogLines.Level.OTHER || LogLines.isFrame(l))) {
                keep[i] = true;
            }
        }
        int[] newLine = newLineNumbers(hunk);
        List<String> out = new ArrayList<>(n);
        int i = 0;
        while (i < n) {
            if (keep[i]) {
                out.add(lines.get(i++));
                continue;
            }
            int j = i;
            while (j < n && !keep[j]) {
                j++;
            }
            String detail = newLine == null ? null : "file lines " + newLine[i] + "-" + newLine[j - 1];
            String marker = context.marker(j - i, 0, "context lines", detail);
            if (j - i < MIN_GAP || tokens(lines, i, j) <= TokenEstimator.estimate(marker) * MARKER_MARGIN) {
                out.addAll(lines.subList(i, j));
            } else {
                out.add(marker);
            }
            i = j;
        }
        return out;
    }

    /**
     * A hunk that only adds lines (a new file, most often) cut to its first {@code head} lines, the rest behind
     * one marker; the hunk as it is when it is not longer than that.
     */
    static List<String> head(DiffParser.Block hunk, int head, TransformContext context) {
        List<String> lines = hunk.lines();
        int body = lines.size() - 1;
        if (body <= head + MIN_GAP) {
            return lines;
        }
        int[] newLine = newLineNumbers(hunk);
        List<String> out = new ArrayList<>(lines.subList(0, head + 1));
        String detail = newLine == null ? "the rest of the hunk" : "file lines " + newLine[head + 1] + "-" + newLine[lines.size() - 1];
        out.add(context.marker(body - head, body, "added lines", detail));
        return out;
    }

    /** True when every body line of the hunk adds a line. */
    static boolean onlyAdds(DiffParser.Block hunk) {
        List<String> lines = hunk.lines();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("+") && !l.startsWith("\\")) {
                return false;
            }
        }
        return lines.size() > 1 && hunk.columns() == 1;
    }

    /** For each line of a two-way hunk, its line number in the new file (a deleted line: the next one); null otherwise. */
    private static int[] newLineNumbers(DiffParser.Block hunk) {
        List<String> lines = hunk.lines();
        int start = newStart(lines.get(0));
        if (hunk.columns() != 1 || start < 0) {
            return null;
        }
        int[] out = new int[lines.size()];
        int next = start;
        for (int i = 1; i < lines.size(); i++) {
            out[i] = next;
            String l = lines.get(i);
            if (!l.startsWith("-") && !l.startsWith("\\")) {
                next++;
            }
        }
        return out;
    }

    /** {@code {c, d}} from {@code @@ -a,b +c,d @@} (d is 1 when absent), or null. */
    static int[] newRange(String header) {
        int start = newStart(header);
        if (start < 0) {
            return null;
        }
        int comma = header.indexOf(',', header.indexOf(" +"));
        int end = header.indexOf(" @@", header.indexOf(" +"));
        if (comma < 0 || end < 0 || comma > end) {
            return new int[] {start, 1};
        }
        int count = 0;
        for (int i = comma + 1; i < end && count < 100_000_000; i++) {
            char c = header.charAt(i);
            if (c < '0' || c > '9') {
                return new int[] {start, 1};
            }
            count = count * 10 + (c - '0');
        }
        return new int[] {start, count};
    }

    /** c from {@code @@ -a,b +c,d @@}, or -1. */
    private static int newStart(String header) {
        int plus = header.indexOf(" +");
        if (plus < 0) {
            return -1;
        }
        int i = plus + 2;
        int v = 0;
        int digits = 0;
        while (i < header.length() && Character.isDigit(header.charAt(i)) && digits < 9) {
            v = v * 10 + (header.charAt(i++) - '0');
            digits++;
        }
        return digits == 0 ? -1 : v;
    }

    /**
     * What lines cost: a BPE tokenizer spends about one token on a run of indentation, where the shared estimate
     * counts one per four spaces and makes indented code look twice as dear as it is.
     */
    private static long tokens(List<String> lines, int from, int to) {
        long sum = 0;
        for (int k = from; k < to; k++) {
            String l = lines.get(k);
            String body = l.strip();
            sum += TokenEstimator.estimate(body) + (body.length() < l.length() ? 2 : 1);
        }
        return sum;
    }

    /** How many changed lines the hunk holds (for ranking hunks). */
    static int changes(DiffParser.Block hunk) {
        int c = 0;
        for (int i = 1; i < hunk.lines().size(); i++) {
            if (DiffParser.isChange(hunk.lines().get(i), hunk.columns())) {
                c++;
            }
        }
        return c;
    }
}
