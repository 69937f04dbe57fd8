package dev.headroom.engine.transform;

/**
 * Compresses one content type. Implementations are stateless and thread-safe.
 *
 * <p>Contract every implementation keeps (the house rules):
 * <ul>
 *   <li>Deterministic: the same text and context give the same output, byte for byte.</li>
 *   <li>In {@link dev.headroom.engine.CompressionMode#LOSSLESS} (and whenever
 *       {@link TransformContext#lossless()} is true) the output must let a reader recover every fact
 *       of the input: re-encoding only, never dropping.</li>
 *   <li>Every omission leaves a marker built with {@link TransformContext#marker(long, String)}, which
 *       names the count, the unit (rows, lines, matches, hunks, ...) and the retrieval hash.</li>
 *   <li>Return {@code null} when there is nothing worth doing; the router then keeps the original.</li>
 * </ul>
 */
public interface Compressor {

    /** A short stable name used in reports, e.g. {@code json.table}. */
    String name();

    /** Compresses {@code text}; returns null when it cannot help. */
    TransformResult compress(String text, TransformContext context);

    /**
     * True when this compressor, given a context with {@link TransformContext#errorOutput()}, leaves out only
     * lines that are none of error, warning, stack-trace or summary lines. Compressors that cannot tell those
     * apart keep the default (false) and are handed error outputs as lossless.
     */
    default boolean selectsAroundErrors() {
        return false;
    }
}
