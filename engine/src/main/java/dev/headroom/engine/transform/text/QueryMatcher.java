package dev.headroom.engine.transform.text;

import dev.headroom.engine.relevance.QueryTerms;
import dev.headroom.engine.relevance.RelevanceScorer;
import dev.headroom.engine.transform.TransformContext;

import java.util.List;

/**
 * How relevant each of a set of lines (or hits, or hunks) is to the user's latest question: BM25 over
 * that set for the question's terms (or the context's {@link RelevanceScorer}), plus {@link #ANCHOR_BONUS} when the line holds one of the question's
 * strong anchors (an id, a quoted string, an identifier), so an exact mention always outranks loose word
 * overlap. All zeros when the question is blank.
 */
public final class QueryMatcher {

    /** Added for an anchor hit; larger than any BM25 score a short line reaches. */
    public static final double ANCHOR_BONUS = 10.0;

    private final QueryTerms terms;
    private final RelevanceScorer scorer;
    /** The last documents scored and their scores: a log is selected twice (normal, then tight limits). */
    private List<? extends CharSequence> lastDocs;
    private double[] lastScores;

    private QueryMatcher(QueryTerms terms, RelevanceScorer scorer) {
        this.terms = terms;
        this.scorer = scorer;
    }

    /** Ranks with BM25. */
    public static QueryMatcher of(String query) {
        return new QueryMatcher(QueryTerms.of(query), RelevanceScorer.bm25());
    }

    /** Ranks the context's query with the context's scorer. */
    public static QueryMatcher of(TransformContext context) {
        return new QueryMatcher(QueryTerms.of(context.query()), context.relevance());
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** One score per document, in order; 0 means unrelated. Not thread-safe (one matcher per unit). */
    public double[] scores(List<? extends CharSequence> docs) {
        if (docs == lastDocs && lastScores != null) {
            return lastScores.clone(); // a model-based scorer is too slow to ask twice for the same lines
        }
        lastScores = compute(docs);
        lastDocs = docs;
        return lastScores.clone();
    }

    private double[] compute(List<? extends CharSequence> docs) {
        double[] out = new double[docs.size()];
        if (terms.isEmpty() || docs.isEmpty()) {
            return out;
        }
        if (!terms.terms().isEmpty()) {
            double[] relevance = RelevanceScorer.scoreOrFallback(scorer, docs, terms, 1.0);
            System.arraycopy(relevance, 0, out, 0, out.length);
        }
        if (!terms.anchors().isEmpty()) {
            for (int i = 0; i < out.length; i++) {
                if (terms.matchesAnchor(docs.get(i))) {
                    out[i] += ANCHOR_BONUS;
                }
            }
        }
        return out;
    }
}
