package dev.headroom.engine.relevance;

import java.util.List;

/**
 * {@link RelevanceScorer} over {@link Bm25}: the default, and the fallback of every other scorer. Scores are
 * exactly those the selectors computed before the scorer seam existed.
 */
public final class Bm25Scorer implements RelevanceScorer {

    static final Bm25Scorer INSTANCE = new Bm25Scorer();

    private Bm25Scorer() {
    }

    @Override
    public String name() {
        return BM25;
    }

    @Override
    public double[] scores(List<? extends CharSequence> texts, QueryTerms query, double maxTermShare) {
        if (query.terms().isEmpty() || texts.isEmpty()) {
            return new double[texts.size()];
        }
        // The dictionary-free pass when terms may be dropped (many rows, few terms); the indexed one otherwise.
        return maxTermShare < 1.0
                ? Bm25.scoreOnce(texts, query.terms(), maxTermShare)
                : Bm25.of(texts).scores(query.terms());
    }

    @Override
    public String toString() {
        return name();
    }
}
