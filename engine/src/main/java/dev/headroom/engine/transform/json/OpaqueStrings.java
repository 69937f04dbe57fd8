package dev.headroom.engine.transform.json;

/**
 * Recognises long opaque strings (base64 payloads, data URIs, JWTs, hex dumps) whose characters tell a
 * model nothing and cost many tokens. Only strings over {@value #MIN_LENGTH} characters with no
 * whitespace qualify, so prose, stack traces and paths with spaces are never taken for blobs.
 */
final class OpaqueStrings {

    static final int MIN_LENGTH = 256;

    private OpaqueStrings() {
    }

    /** The unit name for a marker replacing {@code s} ("base64 blob", "hex blob"), or null when it is not opaque. */
    static String kind(String s) {
        int n = s.length();
        if (n <= MIN_LENGTH) {
            return null;
        }
        int start = 0;
        if (s.startsWith("data:")) {
            int comma = s.indexOf(',');
            if (comma < 0 || comma > 200) {
                return null;
            }
            start = comma + 1;
        }
        int alphabet = 0;
        boolean hexOnly = true;
        boolean digits = false;
        boolean letters = false;
        long seen0 = 0;
        long seen1 = 0;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '<' || c == '>') {
                return null;
            }
            boolean digit = c >= '0' && c <= '9';
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (digit || letter || c == '+' || c == '/' || c == '=' || c == '-' || c == '_' || c == '.') {
                alphabet++;
            }
            digits |= digit;
            letters |= letter;
            if (hexOnly && !(digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                hexOnly = false;
            }
            if (c < 64) {
                seen0 |= 1L << c;
            } else if (c < 128) {
                seen1 |= 1L << (c - 64);
            }
        }
        int length = n - start;
        int distinct = Long.bitCount(seen0) + Long.bitCount(seen1);
        if (length <= MIN_LENGTH || alphabet < 0.95 * length || distinct < 16 || !digits) {
            return null;
        }
        if (hexOnly) {
            return "hex blob";
        }
        return letters ? "base64 blob" : null;
    }
}
