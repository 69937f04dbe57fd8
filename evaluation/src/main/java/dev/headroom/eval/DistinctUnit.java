package dev.headroom.eval;

/**
 * One distinct tool output of a session (later turns repeat earlier ones; each output counts once), with its
 * tokens as sent in each mode, counted with its request's model tokenizer.
 *
 * @param family            the command family, or {@value UnitFamilies#UNLABELLED}
 * @param type              the detected content type, or the keep reason in parentheses when none was detected
 * @param balancedTransform what balanced mode did ({@code json.table}, {@code keep:no-gain}, ...)
 * @param chars             the original's length in characters
 * @param before            tokens of the original
 * @param lossless          tokens as sent in lossless mode
 * @param balanced          tokens as sent in balanced mode
 * @param json              the outside references when the output is one JSON value, or null
 */
record DistinctUnit(String family, String type, String balancedTransform, int chars, long before, long lossless,
                    long balanced, JsonUnit json) {

    /** True when balanced mode left the unit as it was. */
    boolean keptInBalanced() {
        return balancedTransform.startsWith("keep:");
    }
}
