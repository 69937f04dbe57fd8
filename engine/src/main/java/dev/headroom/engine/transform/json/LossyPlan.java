package dev.headroom.engine.transform.json;

import dev.headroom.engine.relevance.QueryTerms;
import dev.headroom.engine.transform.ContentRouter;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

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
    /** A long string is never given less budget than this. */
    static final int MIN_STRING_BUDGET = 400;

    private final TransformContext context;
    private final Map<List<Object>, boolean[]> keeps = new IdentityHashMap<>();
    private final Map<List<Object>, String> details = new IdentityHashMap<>();
    private double ratio = 1.0;
    private int rowMarkers;
    private int blobMarkers;
    private int stringsCompressed;
    private int stringsLossy;
    private long omittedElements;

    private LossyPlan(TransformContext context) {
        this.context = context;
    }

    /**
     * Plans from a lossless pass that recorded its large arrays and long strings. Every array and long
     * string gets the same keep ratio: the share of the budget left after everything else.
     */
    static LossyPlan from(TableEncoder lossless, TransformContext context) {
        LossyPlan plan = new LossyPlan(context);
        List<RecordedSpans> recorded = lossless.recorded();
        long shrinkable = lossless.looseLongStringChars();
        for (RecordedSpans rec : recorded) {
            if (rec.outermost) {
                shrinkable += rec.writtenChars();
            }
        }
        if (shrinkable == 0) {
            return plan;
        }
        long rest = lossless.length() - shrinkable;
        plan.ratio = Math.min(1.0, Math.max(0, context.maxOutputChars() - rest) / (double) shrinkable);
        QueryTerms query = QueryTerms.of(context.query());
        for (RecordedSpans rec : recorded) {
            int n = rec.array.size();
            int target = Math.max(MIN_KEEP, (int) Math.floor(n * plan.ratio));
            if (target >= n) {
                continue;
            }
            JsonRows rows = JsonRows.of(rec, lossless.chars());
            boolean[] keep = rows.select(query, target, context.relevance());
            plan.keeps.put(rec.array, keep);
            plan.details.put(rec.array, rows.omittedDetail(keep));
        }
        return plan;
    }

    @Override
    public boolean[] keep(List<Object> array) {
        return keeps.get(array);
    }

    @Override
    public String omittedMarker(List<Object> array, int omitted, String unit) {
        rowMarkers++;
        omittedElements += omitted;
        return context.marker(omitted, array.size(), unit, details.get(array));
    }

    @Override
    public String replace(String s) {
        String kind = OpaqueStrings.kind(s);
        if (kind != null) {
            blobMarkers++;
            return context.marker(1, kind);
        }
        if (s.length() < TableEncoder.LONG_STRING || ratio >= 1.0) {
            return null;
        }
        return compressNested(s);
    }

    /**
     * A long string (a log, a file, a command's output wrapped in JSON) goes through the same router as
     * a whole tool output would, with its share of the budget; its markers name this unit's hash, whose
     * original holds the full string.
     */
    private String compressNested(String s) {
        int budget = Math.max(MIN_STRING_BUDGET, (int) (s.length() * ratio));
        TransformContext nested = new TransformContext(context.mode(), false, context.query(),
                context.originalHash(), context.toolName(), budget, context.relevance());
        TransformResult r;
        try {
            r = Router.STANDARD.route(s, nested).result();
        } catch (RuntimeException e) {
            return null; // fail open: keep the string
        }
        if (r == null || r.text().length() >= s.length()) {
            return null;
        }
        stringsCompressed++;
        if (r.lossy()) {
            stringsLossy++;
        }
        return r.text();
    }

    /** The built-in router, created on first use (it holds a JsonCompressor of its own). */
    private static final class Router {
        static final ContentRouter STANDARD = ContentRouter.standard();
    }

    int rowMarkers() {
        return rowMarkers;
    }

    int blobMarkers() {
        return blobMarkers;
    }

    int stringsCompressed() {
        return stringsCompressed;
    }

    int stringsLossy() {
        return stringsLossy;
    }

    long omittedElements() {
        return omittedElements;
    }
}
