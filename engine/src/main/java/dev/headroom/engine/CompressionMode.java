package dev.headroom.engine;

/**
 * How far the engine may go with a unit.
 *
 * <p>{@link #LOSSLESS} only re-encodes (minified JSON, compact tables, grouped grep hits, folded
 * identical lines, stripped terminal colour codes): every fact of the original can be read back from
 * the output, so no retrieval tool is ever needed. {@link #BALANCED} first tries the same lossless
 * encodings and then, when a unit is still large, selects what matters and offloads the rest to the
 * retrieval store behind a marker that names the count, the unit and a hash.
 */
public enum CompressionMode {
    LOSSLESS,
    BALANCED;

    /** Parses {@code lossless}, {@code balanced} (also the reference's {@code token}), case-insensitive. */
    public static CompressionMode parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        switch (v) {
            case "lossless":
                return LOSSLESS;
            case "balanced":
            case "lossy":
            case "token":
                return BALANCED;
            default:
                throw new IllegalArgumentException(
                        "unknown compression mode '" + value + "' (expected lossless or balanced)");
        }
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
