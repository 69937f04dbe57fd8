package dev.headroom.engine.transform.table;

import java.util.List;

/**
 * Lays out cells as Go's text/tabwriter does for kubectl ({@code minwidth 6, padding 3}) and docker
 * ({@code minwidth 10, padding 3}): every column but the last is as wide as its widest cell plus the
 * padding (at least the minimum width), cells are left-aligned, and the last cell of a line is not padded.
 */
final class Tabwriter {

    private Tabwriter() {
    }

    static String kubectl(List<String[]> rows) {
        return layout(rows, 6, 3);
    }

    static String docker(List<String[]> rows) {
        return layout(rows, 10, 3);
    }

    static String layout(List<String[]> rows, int minWidth, int padding) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                width[c] = Math.max(width[c], Math.max(minWidth, row[c].length() + padding));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(width[c] - row[c].length()));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
