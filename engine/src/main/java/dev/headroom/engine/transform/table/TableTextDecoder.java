package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text {@link TableText} writes back into its {@link CellTable}: the proof that the encoding
 * keeps every cell. Strict: anything off the grammar throws {@link IllegalArgumentException}.
 */
final class TableTextDecoder {

    private final String s;
    private int pos;

    private TableTextDecoder(String s) {
        this.s = s;
    }

    /** The table encoded at the start of {@code text}; {@link #end()} tells where it stopped. */
    static Decoded decode(String text) {
        TableTextDecoder d = new TableTextDecoder(text);
        CellTable table = d.table();
        return new Decoded(table, d.pos);
    }

    /** A decoded table and the offset just after its last row (before the line break that follows). */
    record Decoded(CellTable table, int end) {
    }

    private CellTable table() {
        int close = s.indexOf(']', pos);
        if (!s.startsWith("[", pos) || close < 0) {
            throw error("no title");
        }
        String title = s.substring(pos + 1, close);
        int space = title.indexOf(' ');
        int rows = Integer.parseInt(title.substring(0, space));
        pos = close + 1;
        expect('\n');
        List<String> names = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        while (true) {
            names.add(field(false, "=,\n"));
            String def = null;
            if (pos < s.length() && s.charAt(pos) == '=') {
                pos++;
                def = field(false, ",\n");
            }
            defaults.add(def);
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            break;
        }
        String[] columns = names.toArray(new String[0]);
        List<String[]> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            expect('\n');
            out.add(row(defaults));
        }
        return new CellTable(columns, out);
    }

    private String[] row(List<String> defaults) {
        int n = defaults.size();
        String[] cells = new String[n];
        int c = 0;
        boolean ended = false;
        while (c < n && !ended) {
            boolean last = c == n - 1;
            boolean quoted = pos < s.length() && s.charAt(pos) == '"';
            String v = field(last, ",\n");
            cells[c] = v.isEmpty() && !quoted && defaults.get(c) != null ? defaults.get(c) : v;
            c++;
            if (pos < s.length() && s.charAt(pos) == ',' && !last) {
                pos++;
            } else {
                ended = true;
            }
        }
        for (; c < n; c++) {
            cells[c] = defaults.get(c) != null ? defaults.get(c) : "";
        }
        return cells;
    }

    /** A quoted field, or a bare one ending before any of {@code stops} (before the line's end when {@code toEol}). */
    private String field(boolean toEol, String stops) {
        if (pos < s.length() && s.charAt(pos) == '"') {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated quote");
                }
                char ch = s.charAt(pos++);
                if (ch == '"') {
                    if (pos < s.length() && s.charAt(pos) == '"') {
                        sb.append('"');
                        pos++;
                        continue;
                    }
                    return sb.toString();
                }
                sb.append(ch);
            }
        }
        int start = pos;
        while (pos < s.length() && s.charAt(pos) != '\n' && (toEol || stops.indexOf(s.charAt(pos)) < 0)) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private void expect(char ch) {
        if (pos >= s.length() || s.charAt(pos) != ch) {
            throw error("expected '" + (ch == '\n' ? "\\n" : ch) + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + pos);
    }
}
