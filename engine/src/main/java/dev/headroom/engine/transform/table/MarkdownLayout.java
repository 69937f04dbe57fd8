package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Markdown (GFM) table: a header row, a delimiter row ({@code |---|:--:|}) and rows of cells
 * between pipes, not aligned. An escaped pipe ({@code \|}) stays inside its cell, as written; a row with
 * fewer cells than the header has empty ones at its end (GFM pads it the same way).
 */
final class MarkdownLayout {

    private MarkdownLayout() {
    }

    /** A table whose header is line {@code i}, or null. */
    static TableSpan at(List<String> lines, int i, int end) {
        if (i + 2 >= end || lines.get(i).indexOf('|') < 0 || !isDelimiterRow(lines.get(i + 1))) {
            return null;
        }
        List<String> names = cells(lines.get(i));
        if (names.size() < 2 || names.size() != cells(lines.get(i + 1)).size()) {
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        int r = i + 2;
        for (; r < end; r++) {
            String l = lines.get(r);
            if (l.indexOf('|') < 0 || l.isBlank()) {
                break;
            }
            List<String> cells = cells(l);
            if (cells.size() > names.size()) {
                break;
            }
            String[] row = new String[names.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = c < cells.size() ? cells.get(c) : "";
            }
            rows.add(row);
        }
        return rows.isEmpty() ? null : new TableSpan(i, r, new CellTable(names.toArray(new String[0]), rows), "markdown");
    }

    static boolean isDelimiterRow(String l) {
        int dashes = 0;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == '-') {
                dashes++;
            } else if (c != '|' && c != ':' && c != ' ') {
                return false;
            }
        }
        return dashes >= 3 && l.indexOf('|') >= 0;
    }

    /** The cells between unescaped pipes, without the optional outer pipes. */
    static List<String> cells(String line) {
        String l = line.strip();
        int start = l.startsWith("|") ? 1 : 0;
        int end = l.length();
        if (end > start && l.charAt(end - 1) == '|' && (end < 2 || l.charAt(end - 2) != '\\')) {
            end--;
        }
        List<String> out = new ArrayList<>();
        int cell = start;
        for (int p = start; p < end; p++) {
            if (l.charAt(p) == '|' && l.charAt(p - 1) != '\\') {
                out.add(l.substring(cell, p).strip());
                cell = p + 1;
            }
        }
        out.add(l.substring(Math.min(cell, end), end).strip());
        return out;
    }
}
