package dev.headroom.engine.transform.log;

import java.util.ArrayList;
import java.util.List;

/**
 * One column of words in a {@link LineTemplates} run, rendered into its template line: literal when every row
 * has the same word; {@code {n}} when it equals the n-th value column in every row (nothing new to write); else
 * a new value {@code {}}, with the prefix and suffix every row shares kept literal around it so the rows carry
 * only what differs ({@code com.acme.orders.{}ServiceTest}). Numbers are kept whole: a row reads {@code 0.148},
 * not {@code 148} after a literal {@code 0.}.
 */
final class TemplateColumn {

    private final List<String> words;

    private TemplateColumn(List<String> words) {
        this.words = words;
    }

    static TemplateColumn of(List<String> words) {
        return new TemplateColumn(words);
    }

    /**
     * The column's text in the template. A new value column is added to {@code valueColumns} (its trimmed words);
     * a repeat refers to an earlier one by its 1-based position there.
     */
    String render(List<List<String>> valueColumns) {
        String first = words.get(0);
        if (words.stream().allMatch(first::equals)) {
            return first;
        }
        int prefix = startsWithDigit() ? 0 : commonPrefix();
        int suffix = startsWithDigit() ? 0 : commonSuffix(prefix);
        List<String> values = new ArrayList<>(words.size());
        for (String w : words) {
            values.add(w.substring(prefix, w.length() - suffix));
        }
        int repeat = valueColumns.indexOf(values);
        String hole = repeat >= 0 ? "{" + (repeat + 1) + "}" : "{}";
        if (repeat < 0) {
            valueColumns.add(values);
        }
        return first.substring(0, prefix) + hole + first.substring(first.length() - suffix);
    }

    private boolean startsWithDigit() {
        for (String w : words) {
            if (!w.isEmpty() && Character.isDigit(w.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The longest prefix every word shares that ends on a boundary in every word, leaving each at least one
     * character: {@code com.acme.} before {@code Invoice}, never {@code GE} before {@code T} of GET and PUT.
     */
    private int commonPrefix() {
        String first = words.get(0);
        int p = first.length() - 1;
        for (String w : words) {
            int k = 0;
            int max = Math.min(p, w.length() - 1);
            while (k < max && w.charAt(k) == first.charAt(k)) {
                k++;
            }
            p = k;
        }
        while (p > 0 && !boundaryInAll(p, false)) {
            p--;
        }
        return p;
    }

    /** The longest suffix every word shares after {@code prefix} that starts on a boundary, as for the prefix. */
    private int commonSuffix(int prefix) {
        String first = words.get(0);
        int s = first.length() - prefix - 1;
        for (String w : words) {
            int k = 0;
            int max = Math.min(s, w.length() - prefix - 1);
            while (k < max && w.charAt(w.length() - 1 - k) == first.charAt(first.length() - 1 - k)) {
                k++;
            }
            s = k;
        }
        while (s > 0 && !boundaryInAll(s, true)) {
            s--;
        }
        return s;
    }

    /** True when, in every word, the cut {@code at} characters from the start (or the end) falls on a boundary. */
    private boolean boundaryInAll(int at, boolean fromEnd) {
        for (String w : words) {
            int cut = fromEnd ? w.length() - at : at;
            if (!isBoundary(w.charAt(cut - 1), w.charAt(cut))) {
                return false;
            }
        }
        return true;
    }

    /** Between a separator-like character and anything, or a lower-case letter or digit and an upper-case letter. */
    private static boolean isBoundary(char before, char after) {
        return BOUNDARY.indexOf(before) >= 0 || BOUNDARY.indexOf(after) >= 0
                || (Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(after);
    }

    private static final String BOUNDARY = "./:-_@#+~";
}
