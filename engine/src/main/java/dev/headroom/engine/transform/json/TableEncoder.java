package dev.headroom.engine.transform.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a JSON tree as compact JSON in which every array of objects that {@link TableShape} accepts
 * becomes a table:
 *
 * <pre>
 * [3]{id,name,email}:
 * 1,alice,a@x.io
 * 2,"Smith, Bob",
 * 3,carol,null
 * </pre>
 *
 * <p>The header gives the row count and the columns; each following line is one row, cells separated by
 * commas; the table ends with a line break. A cell is a bare string, a quoted JSON string, a number,
 * {@code true}/{@code false}/{@code null}, or compact JSON (possibly holding tables) for nested values;
 * an empty cell means the row has no such key. {@link JsonTableDecoder} reads it back exactly.
 *
 * <p>With a {@link Plan} (lossy mode) it leaves out the rows or items the plan drops, writing one
 * retrieval marker line in their place, and writes opaque blobs as markers. Without one it can record
 * where each large array's rows were written, which the planner uses to score them.
 */
final class TableEncoder {

    /** Arrays at least this long are recorded for lossy selection. */
    static final int MIN_TABLE_ROWS_TO_SELECT = 8;
    static final int MIN_ITEMS_TO_SELECT = 20;
    static final int MIN_KEYS_TO_SELECT = 20;
    /** The header label of a map table's first column, which holds each row's key in the map. */
    static final String MAP_KEY_LABEL = "@key";
    /** Strings at least this long (outside recorded arrays) are budgeted like rows in lossy mode. */
    static final int LONG_STRING = 1000;

    /** Lossy decisions, consulted while writing. */
    interface Plan {
        /** Which elements of {@code array} (or values of an object, by its values list) to keep, or null for all. */
        boolean[] keep(List<Object> array);

        /** The marker for {@code omitted} dropped {@code unit} (rows, items, keys) of {@code array}. */
        String omittedMarker(List<Object> array, int omitted, String unit);

        /** What to write instead of the string {@code s} (a blob marker, a compressed text), or null to keep it. */
        String replace(String s);
    }

    /** Written before a unit whose tables state column defaults, so a reader knows what an empty cell holds. */
    static final String DEFAULTS_LEGEND = "[in the tables below, an empty cell holds its column's =value]";

    private final StringBuilder out;
    private final Plan plan;
    private boolean defaultsUsed;
    private final List<RecordedSpans> recorded;
    private int recordingDepth;
    private int tables;
    private long looseLongStringChars;

    private TableEncoder(int capacity, Plan plan, boolean record) {
        this.out = new StringBuilder(capacity);
        this.plan = plan;
        this.recorded = record ? new ArrayList<>() : null;
    }

    /** Lossless encoding; records large arrays when {@code record} is true. */
    static TableEncoder lossless(Object root, int capacity, boolean record) {
        TableEncoder e = new TableEncoder(capacity, null, record);
        e.value(root);
        return e;
    }

    /** Encoding that applies {@code plan}. */
    static TableEncoder withPlan(Object root, int capacity, Plan plan) {
        TableEncoder e = new TableEncoder(capacity, plan, false);
        e.value(root);
        return e;
    }

    String text() {
        return out.toString();
    }

    int length() {
        return out.length();
    }

    CharSequence chars() {
        return out;
    }

    List<RecordedSpans> recorded() {
        return recorded == null ? List.of() : recorded;
    }

    /** The characters of long strings written outside recorded arrays (lossless recording pass). */
    long looseLongStringChars() {
        return looseLongStringChars;
    }

    /** The number of tables written. */
    int tables() {
        return tables;
    }

    /** True when a table stated column defaults ({@link #DEFAULTS_LEGEND} must go before the text). */
    boolean defaultsUsed() {
        return defaultsUsed;
    }

    @SuppressWarnings("unchecked")
    private void value(Object v) {
        if (v instanceof String s) {
            string(s, false);
        } else if (v instanceof JsonObject o) {
            object(o);
        } else if (v instanceof List<?> list) {
            List<Object> a = (List<Object>) list;
            String[] columns = TableShape.columns(a);
            if (columns != null) {
                table(a, columns);
            } else {
                array(a);
            }
        } else {
            out.append(v);
        }
    }

    private void string(String s, boolean cell) {
        String replacement = plan == null ? null : plan.replace(s);
        if (replacement != null) {
            s = replacement;
        } else if (recorded != null && recordingDepth == 0 && s.length() >= LONG_STRING) {
            looseLongStringChars += s.length();
        }
        if (cell && JsonText.bareCell(s)) {
            out.append(s);
        } else {
            JsonText.quote(out, s);
        }
    }

    private void table(List<Object> rows, String[] columns) {
        table(rows, null, columns);
    }

    /**
     * A table of {@code rows}; with {@code mapKeys} it is a map table ({@code {N}{@key,cols}:}), each
     * row starting with its key in the map, and its omissions are counted in keys.
     */
    private void table(List<Object> rows, List<String> mapKeys, String[] columns) {
        tables++;
        boolean[] keep = plan == null ? null : plan.keep(rows);
        int kept = keep == null ? rows.size() : count(keep);
        boolean map = mapKeys != null;
        Object[] defaults = TableDefaults.of(rows, columns);
        defaultsUsed |= defaults != null;
        out.append(map ? '{' : '[').append(kept).append(map ? "}{" + MAP_KEY_LABEL + "," : "]{");
        for (int c = 0; c < columns.length; c++) {
            if (c > 0) {
                out.append(',');
            }
            if (JsonText.bareKey(columns[c])) {
                out.append(columns[c]);
            } else {
                JsonText.quote(out, columns[c]);
            }
            if (defaults != null && defaults[c] != null) {
                out.append('=');
                TableDefaults.write(out, defaults[c]);
            }
        }
        out.append("}:");
        RecordedSpans rec = startRecording(rows, columns, MIN_TABLE_ROWS_TO_SELECT);
        for (int r = 0; r < rows.size(); r++) {
            if (keep != null && !keep[r]) {
                continue;
            }
            out.append('\n');
            int start = out.length();
            if (map) {
                string(mapKeys.get(r), true);
                out.append(',');
            }
            row((JsonObject) rows.get(r), columns, defaults);
            if (rec != null) {
                rec.start[r] = start;
                rec.end[r] = out.length();
            }
        }
        stopRecording(rec);
        if (kept < rows.size()) {
            out.append('\n').append(plan.omittedMarker(rows, rows.size() - kept, map ? "keys" : "rows"));
        }
        out.append('\n');
    }

    private void row(JsonObject row, String[] columns, Object[] defaults) {
        int p = 0;
        for (int c = 0; c < columns.length; c++) {
            if (c > 0) {
                out.append(',');
            }
            if (p < row.size()) {
                String key = row.key(p);
                if (key == columns[c] || key.equals(columns[c])) {
                    Object v = row.value(p++);
                    if (defaults != null && defaults[c] != null && defaults[c].equals(v)) {
                        continue; // the column's default: an empty cell
                    }
                    if (v instanceof String s) {
                        string(s, true);
                    } else {
                        value(v);
                    }
                }
            }
        }
    }

    /** An object; in lossy mode a large one may lose entries, which its values list identifies. */
    private void object(JsonObject o) {
        String[] columns = o.size() >= TableShape.MIN_ROWS ? TableShape.columns(o.values) : null;
        if (columns != null) {
            table(o.values, o.keys, columns);
            return;
        }
        boolean[] keep = plan == null ? null : plan.keep(o.values);
        RecordedSpans rec = o.size() >= MIN_KEYS_TO_SELECT && TableShape.isMapLike(o)
                ? startRecording(o.values, null, MIN_KEYS_TO_SELECT) : null;
        out.append('{');
        boolean firstWritten = true;
        int kept = 0;
        for (int i = 0; i < o.size(); i++) {
            if (keep != null && !keep[i]) {
                continue;
            }
            if (!firstWritten) {
                out.append(',');
            }
            firstWritten = false;
            kept++;
            int start = out.length();
            JsonText.quote(out, o.key(i));
            out.append(':');
            value(o.value(i));
            if (rec != null) {
                rec.start[i] = start;
                rec.end[i] = out.length();
            }
        }
        stopRecording(rec);
        if (kept < o.size()) {
            if (!firstWritten) {
                out.append(',');
            }
            out.append(plan.omittedMarker(o.values, o.size() - kept, "keys"));
        }
        out.append('}');
    }

    private void array(List<Object> a) {
        boolean[] keep = plan == null ? null : plan.keep(a);
        RecordedSpans rec = startRecording(a, null, MIN_ITEMS_TO_SELECT);
        out.append('[');
        boolean firstWritten = true;
        int kept = 0;
        for (int i = 0; i < a.size(); i++) {
            if (keep != null && !keep[i]) {
                continue;
            }
            if (!firstWritten) {
                out.append(',');
            }
            firstWritten = false;
            kept++;
            int start = out.length();
            value(a.get(i));
            if (rec != null) {
                rec.start[i] = start;
                rec.end[i] = out.length();
            }
        }
        stopRecording(rec);
        if (kept < a.size()) {
            if (!firstWritten) {
                out.append(',');
            }
            out.append(plan.omittedMarker(a, a.size() - kept, "items"));
        }
        out.append(']');
    }

    private RecordedSpans startRecording(List<Object> a, String[] columns, int minSize) {
        if (recorded == null || a.size() < minSize) {
            return null;
        }
        RecordedSpans rec = new RecordedSpans(a, columns, recordingDepth == 0);
        recorded.add(rec);
        recordingDepth++;
        return rec;
    }

    private void stopRecording(RecordedSpans rec) {
        if (rec != null) {
            recordingDepth--;
        }
    }

    private static int count(boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            if (k) {
                n++;
            }
        }
        return n;
    }
}
