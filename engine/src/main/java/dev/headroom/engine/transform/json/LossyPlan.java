package dev.headroom.engine.transform.json;

import dev.headroom.engine.relevance.QueryTerms;
import dev.headroom.engine.transform.TransformContext;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lossy decisions for one unit: which rows of each large array to keep and which strings are opaque
 * blobs, sized so that the output lands near the context's character budget. It also counts the
 * markers written, so the compressor reports a lossy result only when something was actually left out.
 */
final class LossyPlan implements TableEncoder.Plan {

    /** A selected array never shrinks below this many elements (first/last anchors plus a few). */
    static final int MIN_KEEP = 5;

    private final TransformContext context;
    private final Map<List<Object>, boolean[]> keeps = new IdentityHashMap<>();
    private int rowMarkers;
    private int blobMarkers;
    private long omittedElements;

    private LossyPlan(TransformContext context) {
        this.context = context;
    }

    /**
     * Plans row selection from a lossless pass that recorded its large arrays. Every recorded array gets
     * the same keep ratio: the share of the budget left after everything that is not array rows.
     */
    static LossyPlan from(TableEncoder lossless, TransformContext context) {
        LossyPlan plan = new LossyPlan(context);
        List<TableEncoder.Recorded> recorded = lossless.recorded();
        long arrayChars = 0;
        for (TableEncoder.Recorded rec : recorded) {
            if (rec.outermost) {
                arrayChars += rec.writtenChars();
            }
        }
        if (arrayChars == 0) {
            return plan;
        }
        long rest = lossless.length() - arrayChars;
        double ratio = Math.min(1.0, Math.max(0, context.maxOutputChars() - rest) / (double) arrayChars);
        QueryTerms query = QueryTerms.of(context.query());
        for (TableEncoder.Recorded rec : recorded) {
            int n = rec.array.size();
            int target = Math.max(MIN_KEEP, (int) Math.floor(n * ratio));
            if (target >= n) {
                continue;
            }
            plan.keeps.put(rec.array, RowSelector.select(rec, lossless.chars(), query, target));
        }
        return plan;
    }

    @Override
    public boolean[] keep(List<Object> array) {
        return keeps.get(array);
    }

    @Override
    public String omittedMarker(List<Object> array, int omitted, boolean table) {
        rowMarkers++;
        omittedElements += omitted;
        return context.marker(omitted, table ? "rows" : "items");
    }

    @Override
    public String blobMarker(String s) {
        String kind = OpaqueStrings.kind(s);
        if (kind == null) {
            return null;
        }
        blobMarkers++;
        return context.marker(1, kind);
    }

    boolean selectsRows() {
        return !keeps.isEmpty();
    }

    int rowMarkers() {
        return rowMarkers;
    }

    int blobMarkers() {
        return blobMarkers;
    }

    long omittedElements() {
        return omittedElements;
    }
}
