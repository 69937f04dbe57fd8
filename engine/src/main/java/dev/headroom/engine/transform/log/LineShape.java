package dev.headroom.engine.transform.log;

import java.util.ArrayList;
import java.util.List;

/**
 * A log line cut into words and the separators between them, for {@link LineTemplates}: two lines have the same
 * shape when they have as many words and exactly the same separators, so only their words differ. A word is a
 * run of characters that are neither whitespace nor one of {@code , ; ( ) [ ] < > " ' = |}; it never holds a
 * space, which lets a template row list words separated by single spaces. Lines with braces have no shape (the
 * template grammar uses them). One pass per line.
 *
 * @param separators {@code words + 1} separators: before the first word, between words, after the last (possibly
 *                   empty)
 * @param words      the words in order
 */
record LineShape(List<String> separators, List<String> words) {

    /** The shape of {@code line}, or null when it holds a brace. */
    static LineShape of(String line) {
        if (line.indexOf('{') >= 0 || line.indexOf('}') >= 0) {
            return null;
        }
        List<String> separators = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (true) {
            int start = i;
            while (i < n && isSeparator(line.charAt(i))) {
                i++;
            }
            separators.add(line.substring(start, i));
            if (i >= n) {
                return new LineShape(separators, words);
            }
            start = i;
            while (i < n && !isSeparator(line.charAt(i))) {
                i++;
            }
            words.add(line.substring(start, i));
        }
    }

    /** A key equal for two lines exactly when they have the same shape. */
    String key() {
        return String.join("\u0000", separators);
    }

    static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == ',' || c == ';' || c == '(' || c == ')' || c == '[' || c == ']'
                || c == '<' || c == '>' || c == '"' || c == '\'' || c == '=' || c == '|';
    }
}
