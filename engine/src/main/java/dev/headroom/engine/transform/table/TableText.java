package dev.headroom.engine.transform.table;

/**
 * Writes a {@link CellTable} without its layout: no alignment padding, no rule lines, and each column's
 * most common value (its default) stated once in the header instead of on every row. Measured with
 * cl100k_base and o200k_base, the padding is cheap (a run of spaces is one token) and a comma costs what a
 * gap did, so most of the saving comes from the defaults: 35-45 % on {@code kubectl get pods} and
 * {@code ps aux}, against 10-18 % for the padding alone.
 *
 * <pre>
 * [120 rows; an empty cell holds its column's =value]
 * NAME,READY=1/1,STATUS=Running,RESTARTS=0,AGE
 * payments-api-6b8f7d9c4-qz7xw,,,,3d2h
 * orders-api-7q5cvfnd5-nll6p,0/1,CrashLoopBackOff,17 (3m12s ago),5m
 * </pre>
 *
 * Grammar (a line break is LF; {@link TableTextDecoder} reads it back to the same cells):
 * <ul>
 *   <li>Title: {@code [N rows]}, or {@code [K of N rows]} when only K rows follow (lossy; the next line
 *       after them is the retrieval marker). {@link #LEGEND} is added before the {@code ]} when a column
 *       has a default. Exactly K (or N) rows follow the header.</li>
 *   <li>Header: one field per column, comma-separated: the column name, then {@code =} and the default
 *       when it has one.</li>
 *   <li>Row: comma-separated fields, one per column in order. A row may stop early: the cells after its
 *       last field are empty. An empty field is the column's default, or the empty string when it has none.
 *       The last column's field runs to the end of the line, commas and all.</li>
 *   <li>Field: written bare, or quoted as in RFC 4180 ({@code "..."}, a quote doubled inside) when it holds
 *       a comma (the last column's field excepted), a quote at its start, a line break, leading or trailing
 *       whitespace, an {@code =} (header names only), or is an empty cell of a column with a default
 *       ({@code ""}). A row whose fields would all be empty starts with its first cell written out.</li>
 * </ul>
 */
final class TableText {

    static final String LEGEND = "; an empty cell holds its column's =value";

    private TableText() {
    }

    /** The whole table. */
    static String encode(CellTable table, String[] defaults) {
        return encode(table, defaults, table.rowCount());
    }

    /** {@code kept}, the rows kept of a table of {@code total} rows; the title says so when fewer. */
    static String encode(CellTable kept, String[] defaults, int total) {
        StringBuilder sb = new StringBuilder(64 + kept.rowCount() * 48);
        sb.append('[');
        if (kept.rowCount() < total) {
            sb.append(kept.rowCount()).append(" of ");
        }
        sb.append(total).append(total == 1 ? " row" : " rows");
        boolean anyDefault = false;
        for (String d : defaults) {
            anyDefault |= d != null;
        }
        if (anyDefault) {
            sb.append(LEGEND);
        }
        sb.append("]\n");
        String[] columns = kept.columns();
        for (int c = 0; c < columns.length; c++) {
            if (c > 0) {
                sb.append(',');
            }
            field(sb, columns[c], true, false);
            if (defaults[c] != null) {
                sb.append('=');
                field(sb, defaults[c], false, false);
            }
        }
        for (String[] row : kept.rows()) {
            sb.append('\n');
            row(sb, row, defaults);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String[] row, String[] defaults) {
        int last = row.length - 1;
        while (last >= 0 && (row[last].isEmpty() && defaults[last] == null || row[last].equals(defaults[last]))) {
            last--;
        }
        if (last < 0) {
            // every cell is empty or its column's default: write the first one out so the row is not blank
            String first = defaults[0] != null ? defaults[0] : "";
            field(sb, first, false, false);
            if (first.isEmpty()) {
                sb.append("\"\"");
            }
            return;
        }
        for (int c = 0; c <= last; c++) {
            if (c > 0) {
                sb.append(',');
            }
            String v = row[c];
            if (v.equals(defaults[c])) {
                continue;
            }
            if (v.isEmpty()) {
                if (defaults[c] != null) {
                    sb.append("\"\"");
                }
                continue;
            }
            field(sb, v, false, c == row.length - 1);
        }
    }

    /** Appends {@code v} bare or quoted (an empty {@code v} is appended as nothing). */
    private static void field(StringBuilder sb, String v, boolean name, boolean lastColumn) {
        if (needsQuotes(v, name, lastColumn)) {
            sb.append('"');
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                sb.append(ch);
                if (ch == '"') {
                    sb.append('"');
                }
            }
            sb.append('"');
        } else {
            sb.append(v);
        }
    }

    static boolean needsQuotes(String v, boolean name, boolean lastColumn) {
        if (v.isEmpty()) {
            return name;
        }
        if (v.charAt(0) == '"' || Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\n' || ch == '\r' || (ch == ',' || ch == '"') && !lastColumn || ch == '=' && name) {
                return true;
            }
        }
        return false;
    }
}
