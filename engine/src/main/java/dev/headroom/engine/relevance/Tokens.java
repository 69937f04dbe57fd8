package dev.headroom.engine.relevance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tokenizer every relevance scorer shares, so that a query and the rows it is matched against split
 * the same way: lowercase {@code \w+} words, except that UUIDs ({@code 8-4-4-4-12} hex) and numbers with
 * a decimal point ({@code 12.5}) stay whole tokens, because splitting them would let unrelated rows match
 * on fragments such as {@code 4e2a} or {@code 5}.
 *
 * <p>It walks the characters once and allocates only the token strings it emits.
 */
public final class Tokens {

    private Tokens() {
    }

    /** The tokens of {@code text}, in order, duplicates kept. */
    public static List<String> of(CharSequence text) {
        List<String> out = new ArrayList<>();
        forEach(text, out::add);
        return out;
    }

    /** Receives the character range of each token. */
    @FunctionalInterface
    public interface SpanSink {
        void accept(int start, int end);
    }

    /** Calls {@code sink} with each token of {@code text}, in order. */
    public static void forEach(CharSequence text, Consumer<String> sink) {
        forEachSpan(text, (start, end) -> sink.accept(lower(text, start, end)));
    }

    /**
     * Calls {@code sink} with the range of each token of {@code text}, allocating nothing; the token is
     * {@code text[start, end)} before lowercasing.
     */
    public static void forEachSpan(CharSequence text, SpanSink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isWord(c)) {
                i++;
                continue;
            }
            int uuidEnd = uuidEnd(text, i);
            if (uuidEnd > 0) {
                sink.accept(i, uuidEnd);
                i = uuidEnd;
                continue;
            }
            int end = i;
            while (end < n && isWord(text.charAt(end))) {
                end++;
            }
            // 12.5 or 10.0.3.1 stays one token when every part is digits.
            boolean numeric = allDigits(text, i, end);
            while (numeric && end + 1 < n && text.charAt(end) == '.' && isDigit(text.charAt(end + 1))) {
                int next = end + 1;
                while (next < n && isWord(text.charAt(next))) {
                    next++;
                }
                if (!allDigits(text, end + 1, next)) {
                    break;
                }
                end = next;
            }
            sink.accept(i, end);
            i = end;
        }
    }

    /** True for the characters of a {@code \w} word (letters, digits, underscore), Unicode-aware. */
    static boolean isWord(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return to > from;
    }

    /** The end of a UUID starting at {@code i}, or -1; the UUID must not be glued to more word characters. */
    static int uuidEnd(CharSequence s, int i) {
        int end = i + 36;
        if (end > s.length() || (i > 0 && isWord(s.charAt(i - 1)))) {
            return -1;
        }
        for (int k = 0; k < 36; k++) {
            char c = s.charAt(i + k);
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return -1;
            }
        }
        if (end < s.length() && isWord(s.charAt(end))) {
            return -1;
        }
        return end;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String lower(CharSequence s, int from, int to) {
        boolean needs = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (Character.isUpperCase(c)) {
                needs = true;
                break;
            }
        }
        String t = s.subSequence(from, to).toString();
        return needs ? t.toLowerCase(java.util.Locale.ROOT) : t;
    }
}
