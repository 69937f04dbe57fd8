package dev.headroom.engine.transform.rows;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The content signals that make a row worth keeping whatever the budget: error words in its values, a
 * column most rows leave empty, a rare value of a categorical column (a {@code status} that is not the
 * usual one), or a number more than two standard deviations from its column's mean.
 */
public final class RowSignals {

    private static final String[] ERROR_WORDS = {
        "error", "exception", "fail", "fatal", "critical", "crash", "panic", "abort", "timeout", "timed out",
        "denied", "rejected", "refused", "unreachable", "traceback", "segfault", "out of memory", "killed",
        "oomkilled", "unavailable", "stacktrace", "stack trace"};

    /** A column with more distinct values than this is not categorical. */
    public static final int MAX_CATEGORIES = 20;
    private static final double RARE_SHARE = 0.10;
    private static final double SIGMA = 2.0;

    private RowSignals() {
    }

    /** True when the lowercase row text contains an error word (or the standalone word {@code oom}). */
    public static boolean hasErrorWord(String lower) {
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

    /** One flag per row text: does it hold an error word? */
    public static boolean[] errorWords(List<String> texts) {
        boolean[] out = new boolean[texts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = hasErrorWord(texts.get(i).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** True when the column name itself says error (a field such as {@code error} or {@code exception}). */
    public static boolean isErrorKey(String key) {
        return hasErrorWord(key.toLowerCase(Locale.ROOT));
    }

    /**
     * Scores the rows that carry a rare column, a rare categorical value or a numeric outlier by how rare
     * that is ({@code 1 - share of rows}, the highest over the row's cells; 0 for an ordinary row), so that
     * the one {@code Exited (137)} among forty containers outranks a value three rows share. Rows whose rare
     * column names an error are also flagged in {@code errorRows}. A non-columnar table (a plain list)
     * scores only its numeric outliers.
     */
    public static double[] unusual(RowTable table, boolean[] errorRows) {
        int n = table.rowCount();
        double[] out = new double[n];
        if (!table.columnar()) {
            outliers(table, 0, n, out);
            return out;
        }
        for (int c = 0; c < table.columnCount(); c++) {
            int present = 0;
            for (int r = 0; r < n; r++) {
                if (table.text(r, c) != null) {
                    present++;
                }
            }
            if (present == 0) {
                continue;
            }
            if (present < 0.2 * n) {
                boolean errorKey = isErrorKey(table.column(c));
                for (int r = 0; r < n; r++) {
                    if (table.text(r, c) != null) {
                        raise(out, r, 1.0 - present / (double) n);
                        errorRows[r] |= errorKey;
                    }
                }
                continue;
            }
            if (present >= 0.5 * n) {
                rareCategories(table, c, out);
                outliers(table, c, present, out);
            }
        }
        return out;
    }

    private static void raise(double[] out, int r, double score) {
        out[r] = Math.max(out[r], score);
    }

    /**
     * Flags rows holding a rare value of a categorical column. A column with too many distinct values
     * is tried again on its values' templates (digit runs folded), so that one
     * {@code checkpoint saved at step 4500} among {@code heartbeat ping N} lines still stands out.
     */
    private static void rareCategories(RowTable table, int c, double[] out) {
        if (!rareCategories(table, c, out, false)) {
            rareCategories(table, c, out, true);
        }
    }

    /** False when the column is not categorical (too many values, or nested values). */
    private static boolean rareCategories(RowTable table, int c, double[] out, boolean templates) {
        int n = table.rowCount();
        Map<String, int[]> counts = new HashMap<>();
        String[] keys = new String[n];
        for (int r = 0; r < n; r++) {
            String v = table.text(r, c);
            if (v == null) {
                continue;
            }
            RowTable.Kind kind = table.kind(r, c);
            if (kind == RowTable.Kind.NESTED || (templates && kind != RowTable.Kind.TEXT)) {
                return false;
            }
            String key = templates ? template(v) : v;
            keys[r] = key;
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            if (counts.size() > MAX_CATEGORIES) {
                return false;
            }
        }
        if (counts.size() < 2) {
            return true;
        }
        String mode = mode(counts);
        int rare = Math.max(1, (int) (RARE_SHARE * n));
        for (int r = 0; r < n; r++) {
            String key = keys[r];
            int count = key == null ? 0 : counts.get(key)[0];
            if (key != null && !key.equals(mode) && count <= rare) {
                raise(out, r, 1.0 - count / (double) n);
            }
        }
        return true;
    }

    /** The most frequent key; ties go to the smallest, so the answer never depends on hash order. */
    static String mode(Map<String, int[]> counts) {
        String mode = null;
        int modeCount = -1;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int count = e.getValue()[0];
            if (count > modeCount || (count == modeCount && e.getKey().compareTo(mode) < 0)) {
                mode = e.getKey();
                modeCount = count;
            }
        }
        return mode;
    }

    /** The value with every run of digits replaced by one {@code #}. */
    public static String template(String s) {
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

    /** Flags numbers more than {@link #SIGMA} standard deviations from the column's mean, as rare as a unique value. */
    private static void outliers(RowTable table, int c, int present, double[] out) {
        int n = table.rowCount();
        int numeric = 0;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < n; r++) {
            double d = table.number(r, c);
            if (table.kind(r, c) == RowTable.Kind.NUMBER && Double.isFinite(d)) {
                numeric++;
                sum += d;
                sumSq += d * d;
            }
        }
        if (numeric < 5 || numeric < 0.8 * present) {
            return;
        }
        double mean = sum / numeric;
        double sd = Math.sqrt(Math.max(0, sumSq / numeric - mean * mean));
        if (sd <= 0) {
            return;
        }
        for (int r = 0; r < n; r++) {
            double d = table.number(r, c);
            if (table.kind(r, c) == RowTable.Kind.NUMBER && Double.isFinite(d) && Math.abs(d - mean) > SIGMA * sd) {
                raise(out, r, 1.0 - 1.0 / n);
            }
        }
    }
}
