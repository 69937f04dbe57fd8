package dev.headroom.engine.transform.table;

import java.util.HashMap;
import java.util.Map;

/**
 * Picks each column's default for {@link TableText}: its most common non-empty value when that value
 * fills at least {@value #MIN_SHARE} of the rows (and two of them). Below that share the header grows
 * more than the rows shrink, and a row of mostly empty cells gets harder to read.
 */
final class ColumnDefaults {

    static final double MIN_SHARE = 0.3;
    static final int MIN_ROWS = 3;

    private ColumnDefaults() {
    }

    /** One default per column, null where the column has none. */
    static String[] choose(CellTable table) {
        String[] out = new String[table.columnCount()];
        int n = table.rowCount();
        if (n < MIN_ROWS) {
            return out;
        }
        for (int c = 0; c < out.length; c++) {
            Map<String, int[]> counts = new HashMap<>();
            for (String[] row : table.rows()) {
                if (!row[c].isEmpty()) {
                    counts.computeIfAbsent(row[c], k -> new int[1])[0]++;
                }
            }
            String best = null;
            int bestCount = 0;
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                int count = e.getValue()[0];
                if (count > bestCount || count == bestCount && e.getKey().compareTo(best) < 0) {
                    best = e.getKey();
                    bestCount = count;
                }
            }
            if (best != null && bestCount >= 2 && bestCount >= MIN_SHARE * n) {
                out[c] = best;
            }
        }
        return out;
    }
}
