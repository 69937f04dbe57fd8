package dev.headroom.engine.transform.rows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Says in a few words what the rows left out of a table hold, for the detail of their retrieval marker
 * ({@code [headroom: 212 of 240 rows omitted (STATUS Running, READY 1/1, AGE 3d-41d); ...]}), so a model can
 * tell whether it needs them without asking.
 *
 * <p>Parts, most telling first, at most {@value #MAX_PARTS}: a categorical column (repeated values, at
 * most {@link RowSignals#MAX_CATEGORIES} of them) whose omitted rows all hold one value ({@code STATUS
 * Running}); the range of a numeric column among them ({@code amount 10.02-299.87}); a categorical column
 * most of whose omitted rows hold one value ({@code region mostly eu-west-1}). Columns with one value in
 * every row say nothing the kept rows do not. Values are cut to {@value #MAX_VALUE} characters, and the
 * characters that end or split a marker ({@code [ ] ; ( )} and line breaks) become spaces.
 */
public final class OmittedRows {

    static final int MAX_PARTS = 4;
    static final int MAX_VALUE = 32;
    private static final double MOSTLY = 0.6;

    private OmittedRows() {
    }

    /** What the rows with {@code keep[r] == false} hold, or null when nothing useful can be said. */
    public static String describe(RowTable table, boolean[] keep) {
        List<Integer> omitted = new ArrayList<>();
        for (int r = 0; r < keep.length; r++) {
            if (!keep[r]) {
                omitted.add(r);
            }
        }
        if (omitted.isEmpty()) {
            return null;
        }
        List<String> all = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        List<String> mostly = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            String name = table.columnar() ? table.column(c).strip() : "values";
            if (name.isEmpty()) {
                continue;
            }
            describeColumn(table, c, name, omitted, all, ranges, mostly);
        }
        List<String> parts = new ArrayList<>(all);
        parts.addAll(ranges);
        parts.addAll(mostly);
        if (parts.isEmpty()) {
            return null;
        }
        return String.join(", ", parts.subList(0, Math.min(MAX_PARTS, parts.size())));
    }

    private static void describeColumn(RowTable table, int c, String name, List<Integer> omitted, List<String> all,
                                       List<String> ranges, List<String> mostly) {
        int distinct = distinct(table, c);
        if (distinct < 2) {
            return;
        }
        Map<String, int[]> counts = new HashMap<>();
        int numeric = 0;
        int present = 0;
        int min = -1;
        int max = -1;
        for (int r : omitted) {
            String v = table.text(r, c);
            if (v == null) {
                continue;
            }
            if (table.kind(r, c) == RowTable.Kind.NESTED) {
                return;
            }
            present++;
            counts.computeIfAbsent(v, k -> new int[1])[0]++;
            if (table.kind(r, c) == RowTable.Kind.NUMBER && Double.isFinite(table.number(r, c))) {
                numeric++;
                double d = table.number(r, c);
                min = min < 0 || d < table.number(min, c) ? r : min;
                max = max < 0 || d > table.number(max, c) ? r : max;
            }
        }
        if (present == 0) {
            return;
        }
        boolean categorical = table.columnar() && distinct <= RowSignals.MAX_CATEGORIES && distinct < table.rowCount();
        if (categorical) {
            String mode = RowSignals.mode(counts);
            int count = counts.get(mode)[0];
            if (count == omitted.size()) {
                all.add(name + " " + clean(mode));
                return;
            }
            if (numeric < 0.8 * present && count >= MOSTLY * omitted.size()) {
                mostly.add(name + " mostly " + clean(mode));
                return;
            }
        }
        if (numeric >= 0.8 * present && min >= 0 && table.number(min, c) < table.number(max, c)) {
            ranges.add(name + " " + clean(table.text(min, c)) + "-" + clean(table.text(max, c)));
        }
    }

    /** Distinct values of column {@code c}, counted up to one more than the categorical limit. */
    private static int distinct(RowTable table, int c) {
        Map<String, Boolean> seen = new HashMap<>();
        for (int r = 0; r < table.rowCount() && seen.size() <= RowSignals.MAX_CATEGORIES; r++) {
            String v = table.text(r, c);
            if (v != null) {
                seen.put(v, Boolean.TRUE);
            }
        }
        return seen.size();
    }

    /** The value cut to {@value #MAX_VALUE} characters, without the characters that end or split a marker. */
    public static String clean(String value) {
        String v = value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE - 1) + "…" : value;
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            sb.append(ch == '[' || ch == ']' || ch == ';' || ch == '(' || ch == ')' || ch == '\n' || ch == '\r' ? ' ' : ch);
        }
        return sb.toString().strip();
    }
}
