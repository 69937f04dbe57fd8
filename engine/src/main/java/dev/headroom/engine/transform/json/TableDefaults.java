package dev.headroom.engine.transform.json;

import java.util.HashMap;
import java.util.Map;

/**
 * The default value of each column of a JSON table: the scalar that at least half of the rows hold (and at least
 * {@link #MIN_ROWS} of them), for a column every row has. The header states it once ({@code status=PAID}) and rows
 * holding it leave the cell empty; an empty cell of a column without a default still means the row lacks the key.
 * In an orders listing the status, currency and a mostly-null reason column repeat on most rows; stating them once
 * is where a table of API objects still had tokens to give (the text tables do the same, {@code ColumnDefaults}).
 */
final class TableDefaults {

    static final int MIN_ROWS = 3;

    private TableDefaults() {
    }

    /** One default per column (null: none), or null when no column has one. */
    static Object[] of(java.util.List<Object> rows, String[] columns) {
        int n = rows.size();
        Object[] defaults = null;
        for (int c = 0; c < columns.length; c++) {
            Map<Object, Integer> counts = new HashMap<>();
            Object best = null;
            int bestCount = 0;
            boolean everyRow = true;
            for (Object r : rows) {
                JsonObject row = (JsonObject) r;
                int at = indexOf(row, columns[c]);
                if (at < 0) {
                    everyRow = false;
                    break;
                }
                Object v = row.value(at);
                if (!isScalar(v)) {
                    continue;
                }
                int count = counts.merge(v, 1, Integer::sum);
                if (count > bestCount) {
                    best = v;
                    bestCount = count;
                }
            }
            if (everyRow && bestCount >= MIN_ROWS && bestCount * 2 >= n) {
                if (defaults == null) {
                    defaults = new Object[columns.length];
                }
                defaults[c] = best;
            }
        }
        return defaults;
    }

    /** A default in a header: a bare string only when it holds nothing a header uses, else quoted JSON. */
    static void write(StringBuilder out, Object v) {
        if (v instanceof String s) {
            if (JsonText.bareKey(s) && JsonText.bareCell(s)) {
                out.append(s);
            } else {
                JsonText.quote(out, s);
            }
        } else {
            out.append(v);
        }
    }

    static boolean isScalar(Object v) {
        return v instanceof String || v instanceof JsonNumber || v instanceof Boolean || v instanceof JsonNull;
    }

    private static int indexOf(JsonObject row, String key) {
        for (int i = 0; i < row.size(); i++) {
            String k = row.key(i);
            if (k == key || k.equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
