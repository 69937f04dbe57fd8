package dev.headroom.engine.tokens;

/**
 * A fast, allocation-free token estimate for the request path, where running a BPE tokenizer over every
 * unit would cost more than the compression itself (jtokkit does about 20 MB/s here).
 *
 * <p>It mimics how BPE vocabularies split text: a run of letters costs about one token per 4.5
 * characters (a leading space joins the word), digits go in groups of three, a run of punctuation about one
 * token per three characters, newline runs one token, and non-ASCII about one token per character. It is used only to
 * compare a unit with its compressed form; reports use {@link TokenCounter}s.
 */
public final class TokenEstimator {

    private TokenEstimator() {
    }

    public static int estimate(CharSequence s) {
        double tokens = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isLetter(c)) {
                int start = i;
                while (i < n && isLetter(s.charAt(i))) {
                    i++;
                }
                int len = i - start;
                tokens += len <= 6 ? 1 : Math.ceil(len / 4.5);
            } else if (c >= '0' && c <= '9') {
                int start = i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                tokens += (i - start + 2) / 3;
            } else if (c == ' ') {
                int start = i;
                while (i < n && s.charAt(i) == ' ') {
                    i++;
                }
                // a single space merges into the next word; BPE vocabularies hold runs of spaces up to about 24 as
                // one token (alignment padding and indentation cost a token per run, not per four spaces)
                if (i - start > 1) {
                    tokens += (i - start + 22) / 24;
                }
            } else if (c == '\n' || c == '\r' || c == '\t') {
                while (i < n && (s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == '\t')) {
                    i++;
                }
                tokens += 1;
            } else if (c < 128) {
                // BPE vocabularies merge punctuation runs such as '":"' or '","' into one token
                int start = i;
                while (i < n && isPunct(s.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    i++; // a control character: one token, and always move on
                    tokens += 1;
                } else {
                    tokens += Math.ceil((i - start) / 3.0);
                }
            } else {
                tokens += 1;
                i++;
            }
        }
        return (int) Math.ceil(tokens);
    }

    private static boolean isPunct(char c) {
        return c < 128 && c > ' ' && !isLetter(c) && !(c >= '0' && c <= '9');
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
