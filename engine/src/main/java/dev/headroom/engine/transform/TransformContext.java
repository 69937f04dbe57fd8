package dev.headroom.engine.transform;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.Markers;
import dev.headroom.engine.relevance.RelevanceScorer;

/**
 * What a compressor may know about the unit it is compressing.
 *
 * <p>Nothing here depends on the unit's position in the conversation; the query is the latest user
 * question at the time the unit was first seen, and the decision made then is memoized and reused on
 * every later turn, which keeps the output stable.
 *
 * @param mode         lossless or balanced
 * @param lossless     true when this unit may only be re-encoded (lossless mode, or an error output)
 * @param query        the latest user question, possibly empty; use it only to rank what to keep
 * @param originalHash the retrieval hash of the unit's full original text
 * @param toolName     the tool that produced the output, or empty when unknown
 * @param maxOutputChars a soft budget for lossy selections, in characters
 * @param relevance    ranks rows, hits and lines against the query (BM25 unless an optional scorer is installed);
 *                     call it through {@link RelevanceScorer#scoreOrFallback}
 * @param errorOutput  the output of a failing command: a lossy compressor may leave out only lines that are none
 *                     of error, warning, stack-trace or summary lines. The router gives such a unit to a
 *                     compressor as lossless unless it {@linkplain Compressor#selectsAroundErrors() says it can}.
 */
public record TransformContext(CompressionMode mode, boolean lossless, String query, String originalHash,
                               String toolName, int maxOutputChars, RelevanceScorer relevance, boolean errorOutput) {

    public TransformContext {
        query = query == null ? "" : query;
        toolName = toolName == null ? "" : toolName;
        relevance = relevance == null ? RelevanceScorer.bm25() : relevance;
    }

    /** A context for an output that is not an error. */
    public TransformContext(CompressionMode mode, boolean lossless, String query, String originalHash,
                            String toolName, int maxOutputChars, RelevanceScorer relevance) {
        this(mode, lossless, query, originalHash, toolName, maxOutputChars, relevance, false);
    }

    /** A context that ranks with BM25. */
    public TransformContext(CompressionMode mode, boolean lossless, String query, String originalHash,
                            String toolName, int maxOutputChars) {
        this(mode, lossless, query, originalHash, toolName, maxOutputChars, RelevanceScorer.bm25());
    }

    /** A marker that says {@code count} {@code unit} were left out and names this unit's retrieval hash. */
    public String marker(long count, String unit) {
        return Markers.omitted(count, unit, originalHash);
    }

    /**
     * A marker that says {@code count} of {@code total} {@code unit} were left out and what they hold
     * ({@code detail}, e.g. {@code "status PAID, region eu-west-1"} or {@code "lines 12-210: INFO RequestLog"});
     * {@code total} 0 and a null detail leave those parts out.
     */
    public String marker(long count, long total, String unit, String detail) {
        return Markers.omitted(count, total, unit, detail, originalHash);
    }

    /** A context for tests and tools: balanced mode, no query. */
    public static TransformContext of(String originalHash) {
        return new TransformContext(CompressionMode.BALANCED, false, "", originalHash, "", 4000);
    }

    public TransformContext withLossless(boolean value) {
        return new TransformContext(mode, value, query, originalHash, toolName, maxOutputChars, relevance, errorOutput);
    }

    public TransformContext withQuery(String value) {
        return new TransformContext(mode, lossless, value, originalHash, toolName, maxOutputChars, relevance, errorOutput);
    }

    public TransformContext withRelevance(RelevanceScorer value) {
        return new TransformContext(mode, lossless, query, originalHash, toolName, maxOutputChars, value, errorOutput);
    }

    public TransformContext withErrorOutput(boolean value) {
        return new TransformContext(mode, lossless, query, originalHash, toolName, maxOutputChars, relevance, value);
    }

    /** A copy with another character budget (a segment's share of its unit's budget, say). */
    public TransformContext withMaxOutputChars(int value) {
        return new TransformContext(mode, lossless, query, originalHash, toolName, value, relevance, errorOutput);
    }
}
