package dev.headroom.engine.transform.text;

import dev.headroom.engine.relevance.Bm25;
import dev.headroom.engine.relevance.QueryTerms;

import java.util.List;

/**
 * How relevant each of a set of lines (or hits, or hunks) is to the user's latest question: BM25 over
 * that set for the question's terms, plus {@link #ANCHOR_BONUS} when the line holds one of the question's
 * strong anchors (an id, a quoted string, an identifier), so an exact mention always outranks loose word
 * overlap. All zeros when the question is blank.
 */
public final class QueryMatcher {

    /** Added for an anchor hit; larger than any BM25 score a short line reaches. */
    public static final double ANCHOR_BONUS = 10.0;

    private final QueryTerms terms;

    private QueryMatcher(QueryTerms terms) {
        this.terms = terms;
    }

    public static QueryMatcher of(String query) {
        return new QueryMatcher(QueryTerms.of(query));
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** One score per document, in order; 0 means unrelated. */
    public double[] scores(List<? extends CharSequence> docs) {
        double[] out = new double[docs.size()];
        if (terms.isEmpty() || docs.isEmpty()) {
            return out;
        }
        if (!terms.terms().isEmpty()) {
            double[] bm25 = Bm25.of(docs).scores(terms.terms());
            System.arraycopy(bm25, 0, out, 0, out.length);
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
