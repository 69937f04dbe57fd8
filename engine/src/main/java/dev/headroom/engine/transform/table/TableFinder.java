package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the tables in a command's output, leaving every other line to be kept as it is. Tables with a
 * rule line (SQL grids, dpkg, pip, Markdown) are recognised wherever they start; a table laid out with
 * spaces only must start within the first {@value #MAX_PREAMBLE} lines of a block (a run of non-blank
 * lines, e.g. after {@code netstat}'s title line); it runs to the block's end, give or take
 * {@value #MAX_FOOTER} footer lines, or as far as its layout holds. One pass over the lines, a few (a
 * logarithmic number at worst) over each candidate block.
 */
final class TableFinder {

    static final int MAX_PREAMBLE = 2;
    static final int MAX_FOOTER = 2;

    private TableFinder() {
    }

    /**
     * psql's expanded display ({@code \x}: a {@code -[ RECORD 1 ]---+---} header, then {@code column | value} lines)
     * is records, not a table: read as a two-column table its header lines came out mangled and it cost more tokens.
     */
    private static boolean isExpandedDisplay(List<String> lines, int start, int end) {
        for (int i = start; i < Math.min(end, start + 3); i++) {
            if (lines.get(i).startsWith("-[ RECORD ")) {
                return true;
            }
        }
        return false;
    }

    static List<TableSpan> find(List<String> lines) {
        List<TableSpan> out = new ArrayList<>();
        int n = lines.size();
        int i = 0;
        while (i < n) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            int blockEnd = i;
            while (blockEnd < n && !lines.get(blockEnd).isBlank()) {
                blockEnd++;
            }
            findInBlock(lines, i, blockEnd, out);
            i = blockEnd;
        }
        return out;
    }

    private static void findInBlock(List<String> lines, int start, int end, List<TableSpan> out) {
        if (isExpandedDisplay(lines, start, end)) {
            return;
        }
        int segmentStart = start;
        int j = start;
        while (j < end) {
            TableSpan span = RuleLayout.at(lines, j, end);
            if (span == null) {
                span = MarkdownLayout.at(lines, j, end);
            }
            if (span == null && j - segmentStart <= MAX_PREAMBLE) {
                span = spaced(lines, j, end);
            }
            if (span != null) {
                out.add(span);
                j = span.to();
                segmentStart = j;
            } else {
                j++;
            }
        }
    }

    /**
     * A space-laid table from line {@code from} to the block's end, allowing a short footer; failing that,
     * the longest run of lines from {@code from} that reads as one (fewer rows never make a table read
     * worse, so a binary search finds it), the rest of the block being kept as it is.
     */
    private static TableSpan spaced(List<String> lines, int from, int end) {
        for (int to = end; to >= Math.max(from + 3, end - MAX_FOOTER); to--) {
            TableSpan span = parse(lines, from, to);
            if (span != null) {
                return span;
            }
        }
        int lo = from + 3;
        int hi = end - MAX_FOOTER - 1;
        if (lo > hi) {
            return null;
        }
        TableSpan best = parse(lines, from, lo);
        if (best == null) {
            return null;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            TableSpan span = parse(lines, from, mid);
            if (span != null) {
                best = span;
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    private static TableSpan parse(List<String> lines, int from, int to) {
        CellTable t = FixedWidthLayout.parse(lines, from, to);
        if (t != null) {
            return new TableSpan(from, to, t, "columns");
        }
        t = WhitespaceLayout.parse(lines, from, to);
        return t == null ? null : new TableSpan(from, to, t, "words");
    }
}
