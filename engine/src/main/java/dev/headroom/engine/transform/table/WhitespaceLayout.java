package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a space-separated table whose values may overflow their columns, as {@code ps aux} prints a
 * process with an 8-digit VSZ: each line splits at runs of spaces into one cell per header word, the last
 * cell taking the rest of the line ({@code COMMAND} and its arguments). It is only right when no cell but
 * the last holds a space, so every cell must also sit under its own header word: it must reach past the
 * previous word's end and start before the next word's start. When every row has fewer words than the
 * header, the header's last words make one label ({@code Mounted on}).
 */
final class WhitespaceLayout {

    private WhitespaceLayout() {
    }

    /** Lines {@code from} (the header) to {@code to} (exclusive) as a table, or null when they are not one. */
    static CellTable parse(List<String> lines, int from, int to) {
        if (to - from < 3) {
            return null;
        }
        List<HeaderWords.Word> header = HeaderWords.of(lines.get(from));
        if (!HeaderWords.plausible(header)) {
            return null;
        }
        int fewest = Integer.MAX_VALUE;
        List<List<HeaderWords.Word>> split = new ArrayList<>(to - from - 1);
        for (int i = from + 1; i < to; i++) {
            List<HeaderWords.Word> words = HeaderWords.of(lines.get(i));
            fewest = Math.min(fewest, words.size());
            split.add(words);
        }
        int k = Math.min(header.size(), fewest);
        if (k < 2 || !singleSpaced(header, k)) {
            return null;
        }
        String[] names = new String[k];
        for (int c = 0; c < k; c++) {
            HeaderWords.Word w = header.get(c);
            names[c] = c < k - 1 ? w.text() : lines.get(from).substring(w.start());
        }
        List<String[]> rows = new ArrayList<>(split.size());
        for (int r = 0; r < split.size(); r++) {
            List<HeaderWords.Word> words = split.get(r);
            String[] row = new String[k];
            for (int c = 0; c < k; c++) {
                HeaderWords.Word w = words.get(c);
                if (c < k - 1 && !underItsLabel(w, header, c)) {
                    return null;
                }
                row[c] = c < k - 1 ? w.text() : lines.get(from + 1 + r).substring(w.start());
            }
            rows.add(row);
        }
        return new CellTable(names, rows);
    }

    /** The header words merged into the last label must be one space apart. */
    private static boolean singleSpaced(List<HeaderWords.Word> header, int k) {
        for (int i = k; i < header.size(); i++) {
            if (header.get(i).start() - header.get(i - 1).end() != 1) {
                return false;
            }
        }
        return true;
    }

    /** The cell reaches past the previous label's end and starts before the next label starts. */
    private static boolean underItsLabel(HeaderWords.Word cell, List<HeaderWords.Word> header, int c) {
        int after = c > 0 ? header.get(c - 1).end() : -1;
        int before = c + 1 < header.size() ? header.get(c + 1).start() : Integer.MAX_VALUE;
        return cell.end() > after && cell.start() < before;
    }
}
