package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a table's header line with their positions, and the test that the line looks like a
 * header at all: labels that start like names ({@code NAME}, {@code %CPU}, {@code ||/}, {@code #}), not
 * numbers, dashes or brackets, none ending with a colon (that is a key, {@code Name:   web-1}), and at
 * least one gap of two spaces or more (a sentence has none).
 */
final class HeaderWords {

    /** One header word: its text and where it starts and ends ({@code end} exclusive). */
    record Word(String text, int start, int end) {
    }

    private HeaderWords() {
    }

    static List<Word> of(String line) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out.add(new Word(line.substring(start, i), start, i));
            }
        }
        return out;
    }

    /** True when {@code words} read as column labels of a table laid out with spaces. */
    static boolean plausible(List<Word> words) {
        if (words.size() < 2 || words.size() > 40) {
            return false;
        }
        boolean wideGap = false;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (!startsLikeLabel(w.text()) || w.text().length() > 40 || w.text().endsWith(":")) {
                return false; // a key-value line ("Name:     web-1") is no header
            }
            if (i > 0 && w.start() - words.get(i - 1).end() >= 2) {
                wideGap = true;
            }
        }
        return wideGap;
    }

    /** A letter, or one of the signs tools put before a label ({@code %CPU}, {@code #}, dpkg's {@code ||/}). */
    static boolean startsLikeLabel(String word) {
        char c = word.charAt(0);
        return Character.isLetter(c) || c == '%' || c == '#' || c == '|' || c == '*' || c == '_';
    }
}
