package dev.headroom.engine.transform.text;

import dev.headroom.engine.transform.TransformContext;

/**
 * Finds long opaque runs (base64, hex digests, minified tokens) that a model cannot read and replaces each
 * with a retrieval marker naming its length. A run is a maximal stretch of base64/URL-safe alphabet
 * characters longer than {@link #MIN_LENGTH}; it must hold a digit, and be all hex or mix upper and lower
 * case, so long words and paths are left alone. One linear scan.
 */
public final class OpaqueBlobs {

    /** Runs at least this long are candidates. */
    public static final int MIN_LENGTH = 257;

    private OpaqueBlobs() {
    }

    /** The text with blobs replaced by markers; the same instance when there were none. */
    public static String replace(String text, TransformContext context) {
        StringBuilder sb = null;
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isBlobChar(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            boolean digit = false;
            boolean upper = false;
            boolean lower = false;
            boolean hexOnly = true;
            while (j < n && isBlobChar(text.charAt(j))) {
                char c = text.charAt(j);
                if (c >= '0' && c <= '9') {
                    digit = true;
                } else if (c >= 'A' && c <= 'Z') {
                    upper = true;
                    hexOnly &= c <= 'F';
                } else if (c >= 'a' && c <= 'z') {
                    lower = true;
                    hexOnly &= c <= 'f';
                } else {
                    hexOnly = false;
                }
                j++;
            }
            int len = j - i;
            if (len >= MIN_LENGTH && digit && (hexOnly || (upper && lower))) {
                if (sb == null) {
                    sb = new StringBuilder(n);
                }
                sb.append(text, copied, i).append(context.marker(len, hexOnly ? "hex chars" : "base64 chars"));
                copied = j;
            }
            i = j;
        }
        if (sb == null) {
            return text;
        }
        return sb.append(text, copied, n).toString();
    }

    private static boolean isBlobChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
    }
}
