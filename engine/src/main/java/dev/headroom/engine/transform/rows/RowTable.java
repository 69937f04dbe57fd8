package dev.headroom.engine.transform.rows;

import java.util.Arrays;
import java.util.List;

/**
 * The rows of one table as the selector sees them, whatever they were parsed from (a JSON array of
 * objects, a {@code kubectl} listing, a CSV file): column names and, per cell, its text, its kind and its
 * numeric value. A null text means the row has no such cell (a missing key, a JSON {@code null}, an empty
 * cell), which is how a rare column is told apart from a common one.
 *
 * <p>A table that is not columnar ({@link #items}) is a plain list of values in one unnamed column: only
 * its numeric outliers count as unusual, as for a JSON array of numbers.
 */
public final class RowTable {

    /** What a cell holds: only {@link #TEXT} cells are templated, {@link #NESTED} ones make a column non-categorical. */
    public enum Kind { TEXT, NUMBER, SCALAR, NESTED }

    private final String[] columns;
    private final int rows;
    private final boolean columnar;
    private final String[][] text;
    private final Kind[][] kinds;
    private final double[][] numbers;

    private RowTable(String[] columns, int rows, boolean columnar) {
        this.columns = columns;
        this.rows = rows;
        this.columnar = columnar;
        this.text = new String[columns.length][rows];
        this.kinds = new Kind[columns.length][rows];
        this.numbers = new double[columns.length][rows];
        for (double[] column : numbers) {
            Arrays.fill(column, Double.NaN);
        }
    }

    /** An empty table of {@code rows} rows to fill with {@link #set}. */
    public static RowTable columnar(String[] columns, int rows) {
        return new RowTable(columns.clone(), rows, true);
    }

    /** A plain list of values (JSON array items): one unnamed column, numeric outliers only. */
    public static RowTable items(int rows) {
        return new RowTable(new String[] {""}, rows, false);
    }

    /**
     * The cells of a text table: an empty cell is absent, a cell that reads as a number (with an optional
     * unit such as {@code %}, {@code Mi} or {@code G}, see {@link CellNumbers}) is numeric, any other is text.
     */
    public static RowTable ofText(String[] columns, List<String[]> cells) {
        RowTable t = columnar(columns, cells.size());
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            for (int c = 0; c < columns.length && c < row.length; c++) {
                String v = row[c];
                if (v == null || v.isEmpty()) {
                    continue;
                }
                double d = CellNumbers.parse(v);
                t.set(r, c, v, Double.isNaN(d) ? Kind.TEXT : Kind.NUMBER, d);
            }
        }
        return t;
    }

    /** Fills one cell; {@code number} is NaN unless the cell is numeric. */
    public void set(int row, int column, String value, Kind kind, double number) {
        text[column][row] = value;
        kinds[column][row] = kind;
        numbers[column][row] = number;
    }

    public String[] columns() {
        return columns.clone();
    }

    public String column(int c) {
        return columns[c];
    }

    public int columnCount() {
        return columns.length;
    }

    public int rowCount() {
        return rows;
    }

    public boolean columnar() {
        return columnar;
    }

    /** The cell's text, or null when the row has no such cell. */
    public String text(int row, int column) {
        return text[column][row];
    }

    /** The cell's kind, or null when the row has no such cell. */
    public Kind kind(int row, int column) {
        return kinds[column][row];
    }

    /** The cell's numeric value, or NaN. */
    public double number(int row, int column) {
        return numbers[column][row];
    }
}
