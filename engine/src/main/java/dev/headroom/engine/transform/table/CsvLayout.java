package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: comma-separated, fields in double quotes may hold commas, doubled quotes and line
 * breaks) and TSV (tab-separated, no quoting, as {@code mysql -B} and spreadsheet exports write it) with a
 * header line. A hand-written splitter rather than a CSV library: the engine is embedded in users'
 * applications and takes no dependency for forty lines of state machine.
 *
 * <p>The header must read as column names (each starts with a letter, {@code _} or {@code #}, none is
 * empty or longer than {@value #MAX_NAME}), which keeps log lines such as
 * {@code 2024-05-01 10:00:00,123 INFO ...} out. The table ends at the first record whose field count differs
 * from the header's; the lines after it are kept as they are.
 */
final class CsvLayout {

    static final int MAX_NAME = 64;
    static final int MIN_ROWS = 3;

    private CsvLayout() {
    }

    /** The table starting at the first non-blank line, or null when the lines are not CSV or TSV. */
    static TableSpan find(List<String> lines) {
        int start = 0;
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        if (start >= lines.size()) {
            return null;
        }
        String first = lines.get(start);
        char delimiter = first.indexOf('\t') >= 0 ? '\t' : first.indexOf(',') >= 0 ? ',' : 0;
        if (delimiter == 0) {
            return null;
        }
        int[] next = {start};
        String[] header = record(lines, next, delimiter);
        if (header == null || header.length < 2 || !names(header)) {
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        int end = next[0];
        while (next[0] < lines.size() && !lines.get(next[0]).isEmpty()) {
            String[] row = record(lines, next, delimiter);
            if (row == null || row.length != header.length) {
                break;
            }
            rows.add(row);
            end = next[0];
        }
        if (rows.size() < MIN_ROWS || header.length == 2 && rows.size() < 2 * MIN_ROWS) {
            return null;
        }
        return new TableSpan(start, end, new CellTable(header, rows), delimiter == ',' ? "csv" : "tsv");
    }

    private static boolean names(String[] header) {
        for (String h : header) {
            if (h.isEmpty() || h.length() > MAX_NAME) {
                return false;
            }
            char c = h.charAt(0);
            if (!Character.isLetter(c) && c != '_' && c != '#') {
                return false;
            }
        }
        return true;
    }

    /**
     * The fields of the record starting at line {@code at[0]}, which is moved past it; null when a quoted
     * field is never closed. Quotes only count at a field's start and only in CSV.
     */
    static String[] record(List<String> lines, int[] at, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String line = lines.get(at[0]++);
        int i = 0;
        while (true) {
            if (delimiter == ',' && i < line.length() && line.charAt(i) == '"' && field.length() == 0) {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        if (at[0] >= lines.size()) {
                            return null;
                        }
                        field.append('\n');
                        line = lines.get(at[0]++);
                        i = 0;
                        continue;
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                            continue;
                        }
                        break;
                    }
                    field.append(ch);
                }
            }
            while (i < line.length() && line.charAt(i) != delimiter) {
                field.append(line.charAt(i++));
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields.toArray(new String[0]);
            }
            i++; // the delimiter
        }
    }
}
