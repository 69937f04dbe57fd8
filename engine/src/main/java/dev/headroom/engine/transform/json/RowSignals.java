package dev.headroom.engine.transform.json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The content signals that make a row worth keeping whatever the budget: error words in its values, a
 * key most rows do not have, a rare value of a categorical field (a {@code status} that is not the
 * usual one), or a number more than two standard deviations from its column's mean.
 */
final class RowSignals {

    private static final String[] ERROR_WORDS = {
        "error", "exception", "fail", "fatal", "critical", "crash", "panic", "abort", "timeout", "timed out",
        "denied", "rejected", "refused", "unreachable", "traceback", "segfault", "out of memory", "killed",
        "oomkilled", "unavailable", "stacktrace", "stack trace"};

    private static final int MAX_CATEGORIES = 20;
    private static final double RARE_SHARE = 0.10;
    private static final double SIGMA = 2.0;

    private RowSignals() {
    }

    /** True when the lowercase row text contains an error word (or the standalone word {@code oom}). */
    static boolean hasErrorWord(String lower) {
        for (String w : ERROR_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        int i = lower.indexOf("oom");
        while (i >= 0) {
            boolean before = i == 0 || !Character.isLetter(lower.charAt(i - 1));
            boolean after = i + 3 >= lower.length() || !Character.isLetter(lower.charAt(i + 3));
            if (before && after) {
                return true;
            }
            i = lower.indexOf("oom", i + 3);
        }
        return false;
    }

    /** True when the key name itself says error (a field such as {@code error} or {@code exception}). */
    static boolean isErrorKey(String key) {
        return hasErrorWord(key.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Flags the rows of a table that carry a rare key, a rare categorical value or a numeric outlier.
     * Rows whose rare key names an error are also flagged in {@code errorRows}.
     */
    static boolean[] unusual(List<Object> rows, String[] columns, boolean[] errorRows) {
        int n = rows.size();
        int cols = columns.length;
        boolean[] out = new boolean[n];
        Object[][] cells = new Object[cols][n];
        int[] present = new int[cols];
        for (int r = 0; r < n; r++) {
            JsonObject row = (JsonObject) rows.get(r);
            int p = 0;
            for (int c = 0; c < cols && p < row.size(); c++) {
                String key = row.key(p);
                if (key == columns[c] || key.equals(columns[c])) {
                    Object v = row.value(p++);
                    if (v != JsonNull.NULL) {
                        cells[c][r] = v;
                        present[c]++;
                    }
                }
            }
        }
        for (int c = 0; c < cols; c++) {
            if (present[c] == 0) {
                continue;
            }
            if (present[c] < 0.2 * n) {
                boolean errorKey = isErrorKey(columns[c]);
                for (int r = 0; r < n; r++) {
                    if (cells[c][r] != null) {
                        out[r] = true;
                        errorRows[r] |= errorKey;
                    }
                }
                continue;
            }
            if (present[c] >= 0.5 * n) {
                rareCategories(cells[c], n, out);
                outliers(cells[c], present[c], out);
            }
        }
        return out;
    }

    /**
     * Flags rows holding a rare value of a categorical column. A column with too many distinct values
     * is tried again on its values' templates (digit runs folded), so that one
     * {@code checkpoint saved at step 4500} among {@code heartbeat ping N} lines still stands out.
     */
    private static void rareCategories(Object[] column, int n, boolean[] out) {
        if (!rareCategories(column, n, out, false)) {
            rareCategories(column, n, out, true);
        }
    }

    /** False when the column is not categorical (too many values, or nested values). */
    private static boolean rareCategories(Object[] column, int n, boolean[] out, boolean templates) {
        Map<String, int[]> counts = new HashMap<>();
        String[] keys = new String[column.length];
        for (int r = 0; r < column.length; r++) {
            Object v = column[r];
            if (v == null) {
                continue;
            }
            if (v instanceof JsonObject || v instanceof List<?> || (templates && !(v instanceof String))) {
                return false;
            }
            String key = v instanceof String s ? (templates ? template(s) : s) : v.toString();
            keys[r] = key;
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            if (counts.size() > MAX_CATEGORIES) {
                return false;
            }
        }
        if (counts.size() < 2) {
            return true;
        }
        String mode = null;
        int modeCount = -1;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int count = e.getValue()[0];
            if (count > modeCount || (count == modeCount && e.getKey().compareTo(mode) < 0)) {
                mode = e.getKey();
                modeCount = count;
            }
        }
        int rare = Math.max(1, (int) (RARE_SHARE * n));
        for (int r = 0; r < n; r++) {
            String key = keys[r];
            if (key != null && !key.equals(mode) && counts.get(key)[0] <= rare) {
                out[r] = true;
            }
        }
        return true;
    }

    /** The value with every run of digits replaced by one {@code #}. */
    static String template(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (digit && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                if (!digit) {
                    sb.append(c);
                } else if (sb.length() == 0 || sb.charAt(sb.length() - 1) != '#') {
                    sb.append('#');
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static void outliers(Object[] column, int present, boolean[] out) {
        int numeric = 0;
        double sum = 0;
        double sumSq = 0;
        double[] values = new double[column.length];
        for (int r = 0; r < column.length; r++) {
            if (column[r] instanceof JsonNumber num) {
                double d = num.doubleValue();
                if (Double.isFinite(d)) {
                    values[r] = d;
                    numeric++;
                    sum += d;
                    sumSq += d * d;
                    continue;
                }
            }
            values[r] = Double.NaN;
        }
        if (numeric < 5 || numeric < 0.8 * present) {
            return;
        }
        double mean = sum / numeric;
        double sd = Math.sqrt(Math.max(0, sumSq / numeric - mean * mean));
        if (sd <= 0) {
            return;
        }
        for (int r = 0; r < values.length; r++) {
            if (!Double.isNaN(values[r]) && Math.abs(values[r] - mean) > SIGMA * sd) {
                out[r] = true;
            }
        }
    }

    /** Numeric outliers among the items of a plain array of numbers. */
    static boolean[] numberOutliers(List<Object> items) {
        boolean[] out = new boolean[items.size()];
        Object[] column = items.toArray();
        outliers(column, column.length, out);
        return out;
    }
}
