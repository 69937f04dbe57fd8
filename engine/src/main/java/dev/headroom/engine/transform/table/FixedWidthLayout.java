package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table laid out with spaces under a header line ({@code kubectl get}, {@code docker ps},
 * {@code ps aux}, {@code df -h}, {@code netstat}): the columns are the character positions that are not a
 * space in some line, cut where every line has a space. This finds left-aligned columns (Go's tabwriter),
 * right-aligned numbers and cells with single spaces inside ({@code Up 3 hours}, {@code 2 (4h ago)}) alike.
 *
 * <p>Each run of such positions belongs to the header word(s) above it. A run with no header word before
 * the first label holds row labels (an unnamed first column); any other is free text of the column to its left (the last column, {@code COMMAND} or {@code MESSAGE}, often has
 * spaces at the same place in every line). A column whose cells are all empty and whose label follows the
 * previous one after a single space is the second word of a two-word label ({@code NOMINATED NODE},
 * {@code Mounted on}). A run holding two header words that a wide gap separates means a value overflowed
 * its column ({@code ps} with an 8-digit VSZ); this layout then declines and {@link WhitespaceLayout} tries.
 */
final class FixedWidthLayout {

    private FixedWidthLayout() {
    }

    /** Lines {@code from} (the header) to {@code to} (exclusive) as a table, or null when they are not one. */
    static CellTable parse(List<String> lines, int from, int to) {
        if (to - from < 3) {
            return null;
        }
        List<HeaderWords.Word> words = HeaderWords.of(lines.get(from));
        if (!HeaderWords.plausible(words)) {
            return null;
        }
        int width = 0;
        for (int i = from; i < to; i++) {
            String l = lines.get(i);
            if (l.indexOf('\t') >= 0 || l.isBlank()) {
                return null;
            }
            width = Math.max(width, l.length());
        }
        boolean[] used = new boolean[width];
        for (int i = from; i < to; i++) {
            String l = lines.get(i);
            for (int p = 0; p < l.length(); p++) {
                if (l.charAt(p) != ' ') {
                    used[p] = true;
                }
            }
        }
        List<int[]> columns = columns(used, words);
        if (columns == null || columns.size() < 2) {
            return null;
        }
        return cells(lines, from, to, columns);
    }

    /**
     * The columns as {@code [start, firstWord, lastWord]}: each starts where its first run starts. Null when
     * a run holds two header words a wide gap apart (an overflowed value).
     */
    private static List<int[]> columns(boolean[] used, List<HeaderWords.Word> words) {
        List<int[]> out = new ArrayList<>();
        int w = 0;
        int p = 0;
        while (p < used.length) {
            if (!used[p]) {
                p++;
                continue;
            }
            int start = p;
            while (p < used.length && used[p]) {
                p++;
            }
            int first = w;
            while (w < words.size() && words.get(w).start() < p) {
                if (w > first && words.get(w).start() - words.get(w - 1).end() >= 2) {
                    return null;
                }
                w++;
            }
            if (w > first) {
                out.add(new int[] {out.isEmpty() ? 0 : start, first, w - 1});
            } else if (out.isEmpty() && w == 0) {
                out.add(new int[] {0, -1, -1}); // row labels under no header word (free -h's Mem:, Swap:)
            }
            // any other run without a header word joins the column to its left
        }
        return out;
    }

    private static CellTable cells(List<String> lines, int from, int to, List<int[]> columns) {
        String header = lines.get(from);
        List<HeaderWords.Word> words = HeaderWords.of(header);
        int k = columns.size();
        List<String[]> rows = new ArrayList<>(to - from - 1);
        boolean[] filled = new boolean[k];
        for (int i = from + 1; i < to; i++) {
            String l = lines.get(i);
            String[] row = new String[k];
            for (int c = 0; c < k; c++) {
                int start = Math.min(columns.get(c)[0], l.length());
                int end = c + 1 < k ? Math.min(columns.get(c + 1)[0], l.length()) : l.length();
                row[c] = l.substring(start, Math.max(start, end)).strip();
                filled[c] |= !row[c].isEmpty();
            }
            rows.add(row);
        }
        // a column empty in every row, one space after the previous label, is that label's second word
        List<String> names = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int[] col = columns.get(c);
            if (col[1] < 0) {
                names.add("");
                keep.add(c);
                continue;
            }
            HeaderWords.Word firstWord = words.get(col[1]);
            String label = header.substring(firstWord.start(), words.get(col[2]).end());
            boolean joined = c > 0 && columns.get(c - 1)[2] >= 0 && !filled[c]
                    && firstWord.start() - words.get(columns.get(c - 1)[2]).end() == 1;
            if (joined) {
                names.set(names.size() - 1, header.substring(words.get(columns.get(keep.get(keep.size() - 1))[1]).start(),
                        words.get(col[2]).end()));
                continue;
            }
            names.add(label);
            keep.add(c);
        }
        if (names.size() < 2) {
            return null;
        }
        List<String[]> out = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            String[] r = new String[keep.size()];
            for (int c = 0; c < r.length; c++) {
                r[c] = row[keep.get(c)];
            }
            out.add(r);
        }
        return new CellTable(names.toArray(new String[0]), out);
    }
}
