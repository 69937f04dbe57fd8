package dev.headroom.engine.transform;

import java.util.Objects;

/**
 * The output of a {@link Compressor}.
 *
 * @param text      the compressed text
 * @param transform the names of the transforms applied, joined with {@code +} (e.g. {@code json.minify+json.table})
 * @param lossy     true when something was left out behind a retrieval marker
 */
public record TransformResult(String text, String transform, boolean lossy) {

    public TransformResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(transform, "transform");
    }

    public static TransformResult lossless(String text, String transform) {
        return new TransformResult(text, transform, false);
    }

    public static TransformResult lossy(String text, String transform) {
        return new TransformResult(text, transform, true);
    }

    /** This result with another transform's output applied on top of it. */
    public TransformResult then(TransformResult next) {
        if (next == null) {
            return this;
        }
        return new TransformResult(next.text, transform + "+" + next.transform, lossy || next.lossy);
    }
}
