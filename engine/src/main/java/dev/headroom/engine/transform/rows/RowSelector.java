package dev.headroom.engine.transform.rows;

import dev.headroom.engine.relevance.QueryTerms;
import dev.headroom.engine.relevance.RelevanceScorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Chooses which rows of one large table (JSON rows, array items or map entries; the rows of a command's
 * column listing, a CSV file or a list of records) survive in lossy mode, in order of importance:
 * <ol>
 *   <li>always: the first {@value #FIRST} and last {@value #LAST} rows (they show the shape and the
 *       range), and rows containing an anchor of the question (an id, a long number, a quoted phrase)
 *       that does not appear in most rows;</li>
 *   <li>error rows (error words in a value, or a rare column that names an error), up to twice the target;</li>
 *   <li>rows that match the question, best score first (BM25 over its terms unless another
 *       {@link RelevanceScorer} is installed);</li>
 *   <li>rows with a rare column, a rare categorical value or a numeric outlier ({@link RowSignals}), the
 *       rarest first;</li>
 *   <li>evenly spaced rows, until the target is reached.</li>
 * </ol>
 * Ties break by position, so the same input and question always keep the same rows.
 */
public final class RowSelector {

    public static final int FIRST = 2;
    public static final int LAST = 1;
    /** Question terms found in more rows than this share do not select rows. */
    static final double MAX_TERM_SHARE = 0.5;

    private RowSelector() {
    }

    /**
     * Which rows to keep, aiming at {@code target} (never fewer than the must-keeps).
     *
     * @param texts one text per row, as it is written out (what the question is matched against)
     * @param table the rows' cells for the column signals, or null when there are none
     */
    public static boolean[] select(List<String> texts, RowTable table, QueryTerms query, int target,
                                   RelevanceScorer scorer) {
        return select(prepare(texts, table, query, scorer), target);
    }

    /**
     * What does not depend on the target, computed once per table: a selection redone with a smaller target (a
     * tighter second pass) reuses it.
     */
    public static final class Prepared {
        private final List<String> texts;
        private final QueryTerms query;
        private final RelevanceScorer scorer;
        private final boolean[] errors;
        private final List<boolean[]> anchorHits;
        private final double[] unusual;
        private double[] relevance;

        private Prepared(List<String> texts, QueryTerms query, RelevanceScorer scorer, boolean[] errors,
                         List<boolean[]> anchorHits, double[] unusual) {
            this.texts = texts;
            this.query = query;
            this.scorer = scorer;
            this.errors = errors;
            this.anchorHits = anchorHits;
            this.unusual = unusual;
        }

        /** The question's relevance per row, scored on first use only. */
        private double[] relevance() {
            if (relevance == null) {
                relevance = RelevanceScorer.scoreOrFallback(scorer, texts, query, MAX_TERM_SHARE);
            }
            return relevance;
        }
    }

    /**
     * @param texts one text per row, as it is written out (what the question is matched against)
     * @param table the rows' cells for the column signals, or null when there are none
     */
    public static Prepared prepare(List<String> texts, RowTable table, QueryTerms query, RelevanceScorer scorer) {
        int n = texts.size();
        boolean[] errors = new boolean[n];
        List<String> lowers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String lower = texts.get(i).toLowerCase(Locale.ROOT);
            lowers.add(lower);
            errors[i] = RowSignals.hasErrorWord(lower);
        }
        double[] unusual = table != null ? RowSignals.unusual(table, errors) : new double[n];
        return new Prepared(texts, query, scorer, errors, anchorHits(lowers, query), unusual);
    }

    /** Which rows to keep, aiming at {@code target} (never fewer than the must-keeps). */
    public static boolean[] select(Prepared p, int target) {
        int n = p.texts.size();
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int i = 0; i < Math.min(FIRST, n); i++) {
            kept += mark(keep, i);
        }
        for (int i = Math.max(0, n - LAST); i < n; i++) {
            kept += mark(keep, i);
        }
        for (boolean[] hits : p.anchorHits) {
            for (int i = 0; i < n; i++) {
                if (hits[i]) {
                    kept += mark(keep, i);
                }
            }
        }
        kept += takeSpread(keep, p.errors, 2 * target - kept);
        if (kept < target && !p.query.terms().isEmpty()) {
            kept += takeBest(keep, p.relevance(), target - kept);
        }
        if (kept < target) {
            kept += takeBest(keep, p.unusual, target - kept);
        }
        if (kept < target) {
            boolean[] all = new boolean[n];
            Arrays.fill(all, true);
            takeSpread(keep, all, target - kept);
        }
        return keep;
    }

    /**
     * The rows each anchor of the question is found in. An anchor found in more than
     * {@value #MAX_TERM_SHARE} of the rows names none of them (the {@code example.com} of an email asked
     * about, when every row holds an email there) and keeps nothing.
     */
    private static List<boolean[]> anchorHits(List<String> lowers, QueryTerms query) {
        List<boolean[]> out = new ArrayList<>();
        for (String anchor : query.anchors()) {
            boolean[] hits = new boolean[lowers.size()];
            int count = 0;
            for (int i = 0; i < hits.length; i++) {
                if (lowers.get(i).contains(anchor)) {
                    hits[i] = true;
                    count++;
                }
            }
            if (count > 0 && count <= MAX_TERM_SHARE * hits.length) {
                out.add(hits);
            }
        }
        return out;
    }

    private static int mark(boolean[] keep, int i) {
        if (keep[i]) {
            return 0;
        }
        keep[i] = true;
        return 1;
    }

    /** Keeps up to {@code limit} of the flagged rows not yet kept, evenly spread over their positions. */
    private static int takeSpread(boolean[] keep, boolean[] flagged, int limit) {
        int candidates = 0;
        for (int i = 0; i < keep.length; i++) {
            if (flagged[i] && !keep[i]) {
                candidates++;
            }
        }
        if (candidates == 0 || limit <= 0) {
            return 0;
        }
        int take = Math.min(candidates, limit);
        int added = 0;
        int seen = 0;
        int nextPick = 0;
        for (int i = 0; i < keep.length && added < take; i++) {
            if (!flagged[i] || keep[i]) {
                continue;
            }
            // Candidate number `seen` is taken when it reaches the next evenly spaced slot.
            long slot = (long) added * candidates / take;
            if (seen >= slot && seen >= nextPick) {
                keep[i] = true;
                added++;
                nextPick = seen + 1;
            }
            seen++;
        }
        return added;
    }

    /** Keeps the {@code limit} best-scoring rows with a positive score; ties go to the earlier row. */
    private static int takeBest(boolean[] keep, double[] scores, int limit) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0 && !keep[i]) {
                order.add(i);
            }
        }
        order.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
        int added = 0;
        for (int i = 0; i < order.size() && added < limit; i++) {
            keep[order.get(i)] = true;
            added++;
        }
        return added;
    }

    /** The number of kept rows. */
    public static int count(boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            if (k) {
                n++;
            }
        }
        return n;
    }
}
