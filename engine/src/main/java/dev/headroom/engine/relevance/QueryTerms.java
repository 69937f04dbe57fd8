package dev.headroom.engine.relevance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user question says that a row can match: strong <em>anchors</em> (UUIDs, numbers of four or more
 * digits, quoted strings, identifiers such as {@code payment_svc} or {@code OrderService}, hostnames,
 * emails) that keep a row on their own when it contains them, and plain <em>terms</em> (the question's
 * tokens without common English words) for {@link Bm25} ranking.
 *
 * <p>Anchors are compared case-insensitively as substrings, so {@code "worker-3"} finds
 * {@code OOM killed worker-3}.
 */
public final class QueryTerms {

    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\w.])\\d{4,}(?:\\.\\d+)?(?![\\w])");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]{2,200})\"|'([^'\\n]{2,200})'|`([^`\\n]{2,200})`");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /** Words joined by . _ - / : (hostnames, paths, snake and kebab case), or camelCase / mixed letters+digits. */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "\\b[A-Za-z0-9]+(?:[._:/-][A-Za-z0-9]+)*[._-][A-Za-z0-9]+\\b"
                    + "|\\b[a-z]+[A-Z][A-Za-z0-9]*\\b"
                    + "|\\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\\b"
                    + "|\\b(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{4,}\\b");

    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do",
            "does", "for", "from", "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its",
            "me", "my", "of", "on", "or", "our", "please", "show", "tell", "that", "the", "their", "them",
            "then", "there", "these", "this", "those", "to", "was", "we", "were", "what", "when", "where",
            "which", "who", "why", "will", "with", "would", "you", "your", "any", "all", "about",
            "s", "t", "so", "not", "no", "yes", "get", "got", "find", "give", "list");

    private final String text;
    private final List<String> anchors;
    private final List<String> terms;

    private QueryTerms(String text, List<String> anchors, List<String> terms) {
        this.text = text;
        this.anchors = anchors;
        this.terms = terms;
    }

    /** The anchors and terms of {@code question} (empty when it is null or blank). */
    public static QueryTerms of(String question) {
        if (question == null || question.isBlank()) {
            return new QueryTerms("", List.of(), List.of());
        }
        Set<String> anchors = new LinkedHashSet<>();
        collect(UUID.matcher(question), anchors, 0);
        collect(LONG_NUMBER.matcher(question), anchors, 0);
        Matcher quoted = QUOTED.matcher(question);
        while (quoted.find()) {
            for (int g = 1; g <= 3; g++) {
                if (quoted.group(g) != null && !quoted.group(g).isBlank()) {
                    anchors.add(quoted.group(g).toLowerCase(Locale.ROOT));
                }
            }
        }
        collect(EMAIL.matcher(question), anchors, 0);
        collect(IDENTIFIER.matcher(question), anchors, 0);
        List<String> terms = new ArrayList<>();
        for (String token : Tokens.of(question)) {
            if (!STOPWORDS.contains(token) && !terms.contains(token)) {
                terms.add(token);
            }
        }
        return new QueryTerms(question, List.copyOf(anchors), List.copyOf(terms));
    }

    private static void collect(Matcher m, Set<String> into, int group) {
        while (m.find()) {
            String s = m.group(group);
            // A trailing dot ends the sentence, not the hostname.
            while (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.length() >= 3) {
                into.add(s.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The question as the user wrote it (empty when blank), for scorers that read whole sentences. */
    public String text() {
        return text;
    }

    /** The strong anchors, lowercase, in order of first appearance. */
    public List<String> anchors() {
        return anchors;
    }

    /** The question's tokens without stopwords, lowercase, deduplicated, for {@link Bm25#scores(List)}. */
    public List<String> terms() {
        return terms;
    }

    public boolean isEmpty() {
        return anchors.isEmpty() && terms.isEmpty();
    }

    /** True when {@code text} contains any anchor, ignoring case. */
    public boolean matchesAnchor(CharSequence text) {
        if (anchors.isEmpty()) {
            return false;
        }
        String lower = text.toString().toLowerCase(Locale.ROOT);
        for (String anchor : anchors) {
            if (lower.contains(anchor)) {
                return true;
            }
        }
        return false;
    }
}
