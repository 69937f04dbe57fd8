package dev.headroom.prose;

import dev.headroom.prose.relevance.MiniLmRelevance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real int8 all-MiniLM-L6-v2 from its Maven artifact, through ONNX Runtime. Prints a needle
 * evaluation against BM25 (recall@5 of one relevant log line hidden among 100) and the latency per 100
 * rows; asserts only what must hold.
 */
class MiniLmRelevanceTest {

    static MiniLmRelevance minilm;

    /** Question, and the one row that answers it. The first six share almost no words with their answer. */
    static final String[][] NEEDLES = {
        {"why did the payment fail?", "charge declined by card issuer: insufficient funds for order 8812"},
        {"which disk is out of space?", "write error: /dev/sdb1 has no free blocks left (ENOSPC)"},
        {"was the user locked out?", "account alice@example.com suspended after 5 bad passwords"},
        {"what timed out?", "upstream inventory-service did not answer within 30s"},
        {"did the deploy roll back?", "release v2.4.1 reverted to v2.4.0 after health check failures"},
        {"any memory problems?", "worker 7 killed by OOM killer, rss 3.9GB"},
        {"kafka consumer lag", "kafka consumer group billing lag 12000 messages"},
        {"certificate expiry", "TLS certificate for api.example.com expiry in 3 days"},
    };

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(MiniLmRelevance.bundled(), "MiniLM artifact not on the test class path");
        minilm = MiniLmRelevance.loadBundled();
    }

    @AfterAll
    static void close() {
        if (minilm != null) {
            minilm.close();
        }
    }

    static List<String> filler() {
        List<String> rows = new ArrayList<>();
        String[] users = {"bob", "carol", "dave", "erin", "frank"};
        for (int i = 0; i < 20; i++) {
            rows.add("GET /api/items/" + (100 + i) + " 200 " + (5 + i % 9) + "ms");
            rows.add("cache hit key=item:" + (100 + i));
            rows.add("heartbeat ok node-" + (i % 6));
            rows.add("scheduled job sync-" + i + " completed in " + (40 + 7 * i) + "ms");
            rows.add("user " + users[i % users.length] + " viewed page /docs/" + i);
        }
        return rows;
    }

    @Test
    void ranksTheSemanticallyRelatedRowFirst() {
        float[] s = minilm.scores(List.of("user clicked the blue button", "postgres refused the connection on port 5432",
                "cache warmed in 20 ms"), "database connection failed");
        int best = 0;
        for (int i = 1; i < s.length; i++) {
            best = s[i] > s[best] ? i : best;
        }
        assertEquals(1, best, Arrays.toString(s));
    }

    @Test
    void needleEvaluationAgainstBm25AndLatency() {
        List<String> rows = filler();
        for (String[] n : NEEDLES) {
            rows.add(n[1]);
        }
        int bm25Hits = 0;
        int minilmHits = 0;
        minilm.embed(rows); // warm-up
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        List<float[]> embedded = minilm.embed(rows);
        double msPer100 = (System.nanoTime() - t0) / 1e6 * 100.0 / rows.size();
        double cpuMsPer100 = (cpu.getCurrentThreadCpuTime() - c0) / 1e6 * 100.0 / rows.size();
        StringBuilder detail = new StringBuilder();
        for (String[] n : NEEDLES) {
            int needle = rows.indexOf(n[1]);
            boolean b = topK(bm25(rows, n[0]), 5).contains(needle);
            float[] q = minilm.embed(List.of(n[0])).get(0);
            float[] s = new float[rows.size()];
            for (int i = 0; i < s.length; i++) {
                for (int k = 0; k < q.length; k++) {
                    s[i] += q[k] * embedded.get(i)[k];
                }
            }
            boolean m = topK(s, 5).contains(needle);
            bm25Hits += b ? 1 : 0;
            minilmHits += m ? 1 : 0;
            detail.append(String.format("  %-30s bm25 %s  minilm %s%n", n[0], b ? "hit " : "miss", m ? "hit" : "miss"));
        }
        System.out.printf("needle recall@5 over %d rows: BM25 %d/%d, MiniLM %d/%d%n%sMiniLM int8: %.1f ms per 100 rows wall,"
                + " %.1f ms CPU of the calling thread (1 intra-op thread)%n",
                rows.size(), bm25Hits, NEEDLES.length, minilmHits, NEEDLES.length, detail, msPer100, cpuMsPer100);
        assertTrue(minilmHits >= bm25Hits, "MiniLM finds at least what BM25 finds on this set");
    }

    static List<Integer> topK(float[] scores, int k) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Float.compare(scores[b], scores[a]));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < k && i < idx.length; i++) {
            if (scores[idx[i]] > 0) {
                out.add(idx[i]);
            }
        }
        return out;
    }

    /** Plain Okapi BM25 (k1 = 1.2, b = 0.75) over lower-cased word tokens. */
    static float[] bm25(List<String> rows, String query) {
        List<String[]> docs = rows.stream().map(MiniLmRelevanceTest::tokens).toList();
        double avg = docs.stream().mapToInt(d -> d.length).average().orElse(1);
        Map<String, Integer> df = new HashMap<>();
        for (String[] d : docs) {
            Arrays.stream(d).distinct().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        float[] out = new float[rows.size()];
        for (String term : tokens(query)) {
            int n = df.getOrDefault(term, 0);
            if (n == 0) {
                continue;
            }
            double idf = Math.log(1 + (docs.size() - n + 0.5) / (n + 0.5));
            for (int i = 0; i < docs.size(); i++) {
                long tf = Arrays.stream(docs.get(i)).filter(term::equals).count();
                if (tf > 0) {
                    out[i] += (float) (idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * docs.get(i).length / avg)));
                }
            }
        }
        return out;
    }

    static String[] tokens(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(t -> !t.isEmpty()).toArray(String[]::new);
    }
}
