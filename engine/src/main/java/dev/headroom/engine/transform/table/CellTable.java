package dev.headroom.engine.transform.table;

import java.util.Arrays;
import java.util.List;

/**
 * A table's facts once its layout is gone: the column names and, per row, one cell per column (empty
 * when the row has nothing there). Whatever the source (a {@code kubectl} listing, a {@code psql} grid, a
 * CSV file, a list of records), the lossless encodings write exactly this and their decoders read it back.
 */
public record CellTable(String[] columns, List<String[]> rows) {

    public CellTable {
        columns = columns.clone();
        rows = List.copyOf(rows);
        for (String[] row : rows) {
            if (row.length != columns.length) {
                throw new IllegalArgumentException("row of " + row.length + " cells for " + columns.length + " columns");
            }
        }
    }

    public int columnCount() {
        return columns.length;
    }

    public int rowCount() {
        return rows.size();
    }

    /** This table with only the rows whose {@code keep} flag is set. */
    public CellTable keep(boolean[] keep) {
        List<String[]> kept = new java.util.ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (keep[r]) {
                kept.add(rows.get(r));
            }
        }
        return new CellTable(columns, kept);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CellTable other) || !Arrays.equals(columns, other.columns) || rows.size() != other.rows.size()) {
            return false;
        }
        for (int r = 0; r < rows.size(); r++) {
            if (!Arrays.equals(rows.get(r), other.rows.get(r))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(columns);
        for (String[] row : rows) {
            h = 31 * h + Arrays.hashCode(row);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Arrays.toString(columns));
        for (String[] row : rows) {
            sb.append('\n').append(Arrays.toString(row));
        }
        return sb.toString();
    }
}
