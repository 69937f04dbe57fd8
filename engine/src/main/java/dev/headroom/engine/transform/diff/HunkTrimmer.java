package dev.headroom.engine.transform.diff;

import dev.headroom.engine.transform.TransformContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Trims the unchanged lines of one hunk to {@link #CONTEXT} on each side of every change. The header,
 * every {@code +}/{@code -} line and every {@code \ No newline} line are kept verbatim; each run of left-out
 * context lines becomes one marker with its exact count. Runs shorter than {@link #MIN_GAP} lines, or
 * shorter in characters than their marker, stay: a marker would cost more than they do.
 */
final class HunkTrimmer {

    static final int CONTEXT = 2;
    static final int MIN_GAP = 3;

    private HunkTrimmer() {
    }

    /** The hunk's lines after trimming (header first). */
    static List<String> trim(DiffParser.Block hunk, TransformContext context) {
        List<String> lines = hunk.lines();
        int n = lines.size();
        boolean[] keep = new boolean[n];
        keep[0] = true;
        for (int i = 1; i < n; i++) {
            String l = lines.get(i);
            if (DiffParser.isChange(l, hunk.columns()) || l.startsWith("\\")) {
                keep[i] = true;
                for (int k = Math.max(1, i - CONTEXT); k <= Math.min(n - 1, i + CONTEXT); k++) {
                    keep[k] = true;
                }
            }
        }
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
            String marker = context.marker(j - i, "context lines");
            if (j - i < MIN_GAP || chars(lines, i, j) <= marker.length()) {
                out.addAll(lines.subList(i, j));
            } else {
                out.add(marker);
            }
            i = j;
        }
        return out;
    }

    private static long chars(List<String> lines, int from, int to) {
        long sum = 0;
        for (int k = from; k < to; k++) {
            sum += lines.get(k).length() + 1;
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
