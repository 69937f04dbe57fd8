package dev.headroom.engine.transform.json;

import dev.headroom.engine.relevance.QueryTerms;
import dev.headroom.engine.relevance.RelevanceScorer;
import dev.headroom.engine.transform.rows.OmittedRows;
import dev.headroom.engine.transform.rows.RowSelector;
import dev.headroom.engine.transform.rows.RowTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands one recorded JSON array (a table's rows, a plain array's items, a map's entries) to the shared
 * row selection ({@link RowSelector}) and marker detail ({@link OmittedRows}): the rows' texts are their
 * spans in the lossless output, their cells the objects' values by column.
 */
final class JsonRows {

    private final RecordedSpans rec;
    private final RowTable table;
    private final List<String> texts;

    private JsonRows(RecordedSpans rec, CharSequence written) {
        this.rec = rec;
        this.table = rec.columns != null ? tableOf(rec.array, rec.columns) : itemsOf(rec.array);
        int n = rec.array.size();
        this.texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            texts.add(written.subSequence(rec.start[i], rec.end[i]).toString());
        }
    }

    static JsonRows of(RecordedSpans rec, CharSequence written) {
        return new JsonRows(rec, written);
    }

    /** Which elements to keep, aiming at {@code target}. */
    boolean[] select(QueryTerms query, int target, RelevanceScorer scorer) {
        return RowSelector.select(texts, table, query, target, scorer);
    }

    /** What the elements left out hold, in words (null when nothing useful can be said). */
    String omittedDetail(boolean[] keep) {
        return rec.columns != null ? OmittedRows.describe(table, keep) : null;
    }

    private static RowTable tableOf(List<Object> rows, String[] columns) {
        RowTable t = RowTable.columnar(columns, rows.size());
        for (int r = 0; r < rows.size(); r++) {
            JsonObject row = (JsonObject) rows.get(r);
            int p = 0;
            for (int c = 0; c < columns.length && p < row.size(); c++) {
                String key = row.key(p);
                if (key == columns[c] || key.equals(columns[c])) {
                    set(t, r, c, row.value(p++));
                }
            }
        }
        return t;
    }

    private static RowTable itemsOf(List<Object> items) {
        RowTable t = RowTable.items(items.size());
        for (int r = 0; r < items.size(); r++) {
            set(t, r, 0, items.get(r));
        }
        return t;
    }

    private static void set(RowTable t, int r, int c, Object v) {
        if (v == JsonNull.NULL || v == null) {
            return;
        }
        if (v instanceof String s) {
            t.set(r, c, s, RowTable.Kind.TEXT, Double.NaN);
        } else if (v instanceof JsonNumber num) {
            t.set(r, c, num.text(), RowTable.Kind.NUMBER, num.doubleValue());
        } else if (v instanceof JsonObject || v instanceof List<?>) {
            t.set(r, c, "", RowTable.Kind.NESTED, Double.NaN);
        } else {
            t.set(r, c, v.toString(), RowTable.Kind.SCALAR, Double.NaN);
        }
    }
}
