package dev.headroom.engine.relevance;

import java.util.List;

/**
 * Scores a set of short texts (JSON rows, search hits, log lines) against the latest user question, so the
 * selectors know which ones to keep. {@link #bm25()} is the default; an optional engine may install a
 * semantic one (the prose module's MiniLM scorer) through {@code HeadroomEngine.withRelevance}.
 *
 * <p>Contract: one score per text, in order; 0 means unrelated and larger means more relevant. A scorer may
 * decline a call by returning null (its model is still loading, the set is too large for its time budget);
 * callers go through {@link #scoreOrFallback}, which then uses BM25, and which also falls back when the scorer
 * throws. So a request never waits for, or fails because of, an optional model.
 *
 * <p>Its {@link #name()} is part of the settings fingerprint that keys memoized decisions: switching scorer
 * never reuses a decision made by another one.
 */
public interface RelevanceScorer {

    /** The name of the default scorer, as {@code HEADROOM_RELEVANCE} spells it. */
    String BM25 = "bm25";

    /** A short, stable name ({@code bm25}, {@code minilm}, {@code hybrid}). */
    String name();

    /**
     * One score per text for {@code query}, or null to decline this call.
     *
     * @param maxTermShare question terms found in more than this share of the texts say nothing about which
     *                     to keep; lexical scorers ignore them (1.0 keeps every term)
     */
    double[] scores(List<? extends CharSequence> texts, QueryTerms query, double maxTermShare);

    /** The default: Okapi BM25 over the question's terms ({@link Bm25}). */
    static RelevanceScorer bm25() {
        return Bm25Scorer.INSTANCE;
    }

    /**
     * {@code scorer}'s scores, or BM25's when it declines, throws or answers with the wrong number of
     * scores (fail-open: an optional model never breaks a request).
     */
    static double[] scoreOrFallback(RelevanceScorer scorer, List<? extends CharSequence> texts, QueryTerms query,
                                    double maxTermShare) {
        if (scorer != null && scorer != Bm25Scorer.INSTANCE) {
            try {
                double[] s = scorer.scores(texts, query, maxTermShare);
                if (s != null && s.length == texts.size()) {
                    return s;
                }
            } catch (RuntimeException | LinkageError e) {
                // fall through to BM25 for this call
            }
        }
        return Bm25Scorer.INSTANCE.scores(texts, query, maxTermShare);
    }
}
