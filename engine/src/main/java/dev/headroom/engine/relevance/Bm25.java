package dev.headroom.engine.relevance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Okapi BM25 over a fixed set of short documents (rows, lines, search hits), scored against one query
 * at a time. k1 = 1.5, b = 0.75, IDF = ln(1 + (N - df + 0.5) / (df + 0.5)), which is never negative, so a
 * term that appears in every document still counts a little instead of pushing rows down.
 *
 * <p>Built once per unit: each document becomes an {@code int[]} of term ids from one shared dictionary,
 * so scoring a query is one pass over those arrays with no further allocation per document.
 * Not thread-safe to build; {@link #scores(String)} only reads and may be called from any thread.
 */
public final class Bm25 {

    public static final double K1 = 1.5;
    public static final double B = 0.75;

    private final Map<String, Integer> dictionary;
    private final int[][] docs;
    private final int[] documentFrequency;
    private final double averageLength;

    private Bm25(Map<String, Integer> dictionary, int[][] docs, int[] documentFrequency, double averageLength) {
        this.dictionary = dictionary;
        this.docs = docs;
        this.documentFrequency = documentFrequency;
        this.averageLength = averageLength;
    }

    /** An index over {@code docs}; scores come back in the same order. */
    public static Bm25 of(List<? extends CharSequence> docs) {
        Map<String, Integer> dictionary = new HashMap<>();
        int[][] ids = new int[docs.size()][];
        IntBuffer buffer = new IntBuffer();
        long totalLength = 0;
        for (int d = 0; d < ids.length; d++) {
            buffer.size = 0;
            Tokens.forEach(docs.get(d), token -> {
                Integer id = dictionary.get(token);
                if (id == null) {
                    id = dictionary.size();
                    dictionary.put(token, id);
                }
                buffer.add(id);
            });
            ids[d] = Arrays.copyOf(buffer.values, buffer.size);
            totalLength += buffer.size;
        }
        int[] df = new int[dictionary.size()];
        int[] lastSeen = new int[dictionary.size()];
        Arrays.fill(lastSeen, -1);
        for (int d = 0; d < ids.length; d++) {
            for (int id : ids[d]) {
                if (lastSeen[id] != d) {
                    lastSeen[id] = d;
                    df[id]++;
                }
            }
        }
        double avg = ids.length == 0 ? 0 : (double) totalLength / ids.length;
        return new Bm25(dictionary, ids, df, avg);
    }

    /** The number of documents. */
    public int size() {
        return docs.length;
    }

    /** The BM25 score of every document for {@code query} (0 for documents sharing no term). */
    public double[] scores(String query) {
        return scores(Tokens.of(query == null ? "" : query));
    }

    /** Like {@link #scores(String)}, for a query already split into tokens (e.g. {@link QueryTerms#terms()}). */
    public double[] scores(List<String> queryTokens) {
        return scores(queryTokens, 1.0);
    }

    /**
     * Like {@link #scores(List)}, ignoring query terms found in more than {@code maxDocumentShare} of the
     * documents: when picking a few rows out of many, a term every row has (the {@code user} of
     * {@code user42}) says nothing about which to keep, and its small weight would still rank short
     * rows first.
     */
    public double[] scores(List<String> queryTokens, double maxDocumentShare) {
        double[] out = new double[docs.length];
        // Map each distinct known query term to a slot; unknown terms cannot match anything.
        int[] termIds = new int[queryTokens.size()];
        int terms = 0;
        for (String token : queryTokens) {
            Integer id = dictionary.get(token.toLowerCase(java.util.Locale.ROOT));
            if (id != null && indexOf(termIds, terms, id) < 0
                    && documentFrequency[id] <= maxDocumentShare * docs.length) {
                termIds[terms++] = id;
            }
        }
        if (terms == 0 || docs.length == 0) {
            return out;
        }
        double[] idf = new double[terms];
        for (int t = 0; t < terms; t++) {
            int df = documentFrequency[termIds[t]];
            idf[t] = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
        }
        int[] tf = new int[terms];
        for (int d = 0; d < docs.length; d++) {
            int[] doc = docs[d];
            boolean any = false;
            for (int id : doc) {
                int slot = indexOf(termIds, terms, id);
                if (slot >= 0) {
                    tf[slot]++;
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            double norm = K1 * (1 - B + B * doc.length / Math.max(averageLength, 1e-9));
            double score = 0;
            for (int t = 0; t < terms; t++) {
                if (tf[t] > 0) {
                    score += idf[t] * tf[t] * (K1 + 1) / (tf[t] + norm);
                    tf[t] = 0;
                }
            }
            out[d] = score;
        }
        return out;
    }

    /**
     * The same scores as {@code Bm25.of(docs).scores(queryTerms, maxDocumentShare)}, computed without a
     * dictionary: each token is compared by its characters with the few query terms only, so scoring
     * thousands of rows for one question allocates two small arrays instead of a string per token.
     *
     * @param queryTerms lowercase terms, e.g. {@link QueryTerms#terms()}
     */
    public static double[] scoreOnce(List<? extends CharSequence> docs, List<String> queryTerms, double maxDocumentShare) {
        int n = docs.size();
        double[] out = new double[n];
        String[] terms = queryTerms.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).distinct().toArray(String[]::new);
        if (terms.length == 0 || n == 0) {
            return out;
        }
        int[] tf = new int[n * terms.length];
        int[] lengths = new int[n];
        long[] total = {0};
        for (int d = 0; d < n; d++) {
            CharSequence doc = docs.get(d);
            int base = d * terms.length;
            int[] length = {0};
            Tokens.forEachSpan(doc, (start, end) -> {
                length[0]++;
                for (int t = 0; t < terms.length; t++) {
                    if (sameToken(doc, start, end, terms[t])) {
                        tf[base + t]++;
                    }
                }
            });
            lengths[d] = length[0];
            total[0] += length[0];
        }
        double avg = (double) total[0] / n;
        double[] idf = new double[terms.length];
        for (int t = 0; t < terms.length; t++) {
            int df = 0;
            for (int d = 0; d < n; d++) {
                if (tf[d * terms.length + t] > 0) {
                    df++;
                }
            }
            idf[t] = df == 0 || df > maxDocumentShare * n ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        for (int d = 0; d < n; d++) {
            double norm = K1 * (1 - B + B * lengths[d] / Math.max(avg, 1e-9));
            double score = 0;
            for (int t = 0; t < terms.length; t++) {
                int f = tf[d * terms.length + t];
                if (f > 0 && idf[t] > 0) {
                    score += idf[t] * f * (K1 + 1) / (f + norm);
                }
            }
            out[d] = score;
        }
        return out;
    }

    private static boolean sameToken(CharSequence doc, int start, int end, String term) {
        if (end - start != term.length()) {
            return false;
        }
        for (int k = 0; k < term.length(); k++) {
            char c = doc.charAt(start + k);
            if (c != term.charAt(k) && Character.toLowerCase(c) != term.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(int[] values, int size, int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** A growable int array, reused across documents while building. */
    private static final class IntBuffer {
        int[] values = new int[64];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
