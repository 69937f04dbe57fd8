package dev.headroom.engine.transform.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores a line against the user's latest question by the number of distinct query terms it contains
 * (case-insensitive). Used to rank lines, matches and hunks when choosing what to keep; a plain term count
 * is enough for short lines and keeps the choice explainable.
 */
public final class QueryMatcher {

    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "what", "why",
            "how", "are", "was", "were", "does", "did", "can", "you", "from", "into", "where", "when", "which",
            "there", "here", "have", "has", "not", "but", "all", "any", "its", "our", "your", "please", "show",
            "find", "tell", "about", "fix", "look", "see", "who");
    private static final int MAX_TERMS = 16;

    private final List<String> terms;

    private QueryMatcher(List<String> terms) {
        this.terms = terms;
    }

    /** A matcher for {@code query}; matches nothing when the query is blank. */
    public static QueryMatcher of(String query) {
        Set<String> out = new LinkedHashSet<>();
        String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < q.length() && out.size() < MAX_TERMS) {
            while (i < q.length() && !isTermChar(q.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < q.length() && isTermChar(q.charAt(j))) {
                j++;
            }
            String term = q.substring(i, j);
            if (term.length() > 2 && !STOP.contains(term)) {
                out.add(term);
            }
            i = j;
        }
        return new QueryMatcher(new ArrayList<>(out));
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The number of distinct query terms found in {@code line}. */
    public int score(String line) {
        if (terms.isEmpty()) {
            return 0;
        }
        String l = line.toLowerCase(Locale.ROOT);
        int hits = 0;
        for (String t : terms) {
            if (l.contains(t)) {
                hits++;
            }
        }
        return hits;
    }

    private static boolean isTermChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
