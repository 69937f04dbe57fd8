package dev.headroom.engine.transform.table;

import dev.headroom.engine.relevance.QueryTerms;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.rows.OmittedRows;
import dev.headroom.engine.transform.rows.RowSelector;
import dev.headroom.engine.transform.rows.RowTable;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lossy form of the tables in one output: each large table keeps the rows the shared
 * {@link RowSelector} picks (anchors, errors, the question's matches, rare values and outliers, then an
 * even spread), as many as the budget allows in proportion to its size, and ends with one retrieval
 * marker that counts the rows left out and says what they hold ({@link OmittedRows}).
 *
 * <p>{@link #selectInto} may run twice per output (a second time with a smaller share when the first
 * overshot); what does not depend on the share (row texts, cells, the whole encoding) is prepared once.
 */
final class TableSelection {

    /** Tables shorter than this are always kept whole. */
    static final int MIN_ROWS_TO_SELECT = 8;
    /** A selected table keeps at least this many rows (the first two, the last, and a few more). */
    static final int MIN_KEEP = 5;
    /** What a marker line costs, roughly, in characters. */
    static final int MARKER_CHARS = 140;

    private final TransformContext context;
    private final QueryTerms query;
    private final Map<TableSpan, Prepared> prepared = new IdentityHashMap<>();
    /** The row selector's target-independent work per table, shared by both passes. */
    private final Map<TableSpan, RowSelector.Prepared> rowScores = new IdentityHashMap<>();
    private final long shrinkable;
    private final long fixed;
    private Map<TableSpan, Integer> targets = Map.of();
    private int markers;

    /** A large table's row texts and cells, and the length of its rows in the lossless form. */
    private record Prepared(List<String> texts, RowTable cells, int rowChars) {
    }

    TableSelection(List<TableSpan> spans, int losslessLength, TransformContext context) {
        this(spans, losslessLength, context, MIN_ROWS_TO_SELECT);
    }

    /** A selection over tables of at least {@code minRows} rows (records, being large, select from fewer). */
    TableSelection(List<TableSpan> spans, int losslessLength, TransformContext context, int minRows) {
        this.context = context;
        this.query = QueryTerms.of(context.query());
        long rows = 0;
        for (TableSpan span : spans) {
            CellTable table = span.table();
            if (table.rowCount() < minRows) {
                continue;
            }
            String whole = TableOutput.encodeWhole(span);
            int rowChars = whole.length() - whole.indexOf('\n', whole.indexOf('\n') + 1);
            List<String> texts = new ArrayList<>(table.rowCount());
            for (String[] row : table.rows()) {
                texts.add(String.join(" ", row));
            }
            prepared.put(span, new Prepared(texts, RowTable.ofText(table.columns(), table.rows()), rowChars));
            rows += rowChars;
        }
        this.shrinkable = rows;
        this.fixed = losslessLength - rows + (long) MARKER_CHARS * prepared.size();
    }

    /** True when some table is large enough to select from. */
    boolean hasLargeTables() {
        return shrinkable > 0;
    }

    /** Gives each large table its share of the budget, times {@code scale}; returns this. */
    TableSelection share(double scale) {
        double ratio = Math.max(0, context.maxOutputChars() - fixed) / (double) shrinkable * scale;
        Map<TableSpan, Integer> t = new IdentityHashMap<>();
        for (TableSpan span : prepared.keySet()) {
            int n = span.table().rowCount();
            int target = Math.max(Math.min(MIN_KEEP, n - 1), (int) Math.floor(n * Math.min(1.0, ratio)));
            if (target < n) {
                t.put(span, target);
            }
        }
        targets = t;
        markers = 0;
        return this;
    }

    /** The table's text under the current shares: whole, or its selected rows followed by their marker. */
    String encode(TableSpan span) {
        Integer target = targets.get(span);
        if (target == null) {
            return TableOutput.encodeWhole(span);
        }
        CellTable table = span.table();
        Prepared p = prepared.get(span);
        RowSelector.Prepared scores = rowScores.computeIfAbsent(span,
                s -> RowSelector.prepare(p.texts(), p.cells(), query, context.relevance()));
        boolean[] keep = RowSelector.select(scores, target);
        int kept = RowSelector.count(keep);
        if (kept >= table.rowCount()) {
            return TableOutput.encodeWhole(span);
        }
        CellTable shown = table.keep(keep);
        int omitted = table.rowCount() - kept;
        markers++;
        return TableText.encode(shown, ColumnDefaults.choose(shown), table.rowCount()) + "\n"
                + context.marker(omitted, table.rowCount(), "rows", OmittedRows.describe(p.cells(), keep));
    }

    /** The markers written by the last rendering. */
    int markers() {
        return markers;
    }
}
