package dev.headroom.prose;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.relevance.QueryTerms;
import dev.headroom.engine.relevance.RelevanceScorer;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.json.JsonCompressor;
import dev.headroom.prose.relevance.MiniLmRelevance;
import dev.headroom.prose.relevance.MiniLmScorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The MiniLM relevance scorer with the real shipped int8 model, alone and through the engine's row selection. */
class MiniLmScorerTest {

    static MiniLmScorer minilm;
    static MiniLmScorer hybrid;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(MiniLmRelevance.bundled(), "MiniLM artifact not on the test class path");
        // A generous time budget: on a loaded machine the default one would (rightly) send these sets to BM25.
        minilm = new MiniLmScorer(MiniLmScorer.Mode.MINILM, 10_000, 60_000).startInBackground();
        hybrid = new MiniLmScorer(MiniLmScorer.Mode.HYBRID, 10_000, 60_000).startInBackground();
        assertTrue(minilm.awaitReady(60_000), minilm.status());
        assertTrue(hybrid.awaitReady(60_000), hybrid.status());
    }

    private static int best(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            best = scores[i] > scores[best] ? i : best;
        }
        return best;
    }

    @Test
    void ranksTheRowThatAnswersInOtherWordsFirst() {
        List<String> rows = List.of("user logged in", "transaction declined: card expired", "cache warmed in 20 ms",
                "report exported to csv");
        double[] s = minilm.scores(rows, QueryTerms.of("which payment failed"), 1.0);
        assertEquals(1, best(s), Arrays.toString(s));
        assertTrue(s[1] > s[0], Arrays.toString(s));
        double[] b = RelevanceScorer.bm25().scores(rows, QueryTerms.of("which payment failed"), 1.0);
        assertEquals(0.0, Arrays.stream(b).max().orElseThrow(), "BM25 has no shared word to go by");
    }

    @Test
    void hybridKeepsExactWordsOnTopAndAddsMeaning() {
        List<String> rows = List.of("user logged in", "transaction declined: card expired",
                "invoice INV-7731 paid by bank transfer", "cache warmed in 20 ms");
        double[] s = hybrid.scores(rows, QueryTerms.of("was invoice INV-7731 paid?"), 1.0);
        assertEquals(2, best(s), Arrays.toString(s));
        double[] paraphrase = hybrid.scores(rows, QueryTerms.of("which payment failed"), 1.0);
        assertEquals(1, best(paraphrase), Arrays.toString(paraphrase));
    }

    @Test
    void theDefaultScorerLoadsInTheBackgroundAndNamesItsMode() throws Exception {
        MiniLmScorer s = MiniLmScorer.start(MiniLmScorer.Mode.HYBRID);
        assertEquals("hybrid", s.name());
        assertTrue(s.awaitReady(60_000), s.status());
        assertTrue(s.status().contains("ready"), s.status());
        assertEquals(MiniLmScorer.Mode.MINILM, MiniLmScorer.parse(" MiniLM"));
    }

    @Test
    void declinesToBm25UntilLoadedAndAboveItsRowCap() {
        QueryTerms q = QueryTerms.of("which payment failed");
        MiniLmScorer notStarted = new MiniLmScorer(MiniLmScorer.Mode.MINILM, 500, 500);
        assertNull(notStarted.scores(List.of("transaction declined"), q, 1.0), "not loaded: declines");
        assertEquals(1, notStarted.declinedCalls());
        MiniLmScorer small = new MiniLmScorer(MiniLmScorer.Mode.MINILM, 3, 500).startInBackground();
        List<String> four = Collections.nCopies(4, "transaction declined");
        try {
            assertTrue(small.awaitReady(60_000));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertNull(small.scores(four, q, 1.0), "over the row cap: declines");
        assertEquals(4, RelevanceScorer.scoreOrFallback(small, four, q, 1.0).length, "the engine falls back to BM25");
    }

    /** 300 payment events; the question shares only "payment" (in every row) with them. */
    static String payments() {
        StringBuilder sb = new StringBuilder("[");
        String[] cities = {"Berlin", "Lyon", "Porto", "Graz", "Turin", "Leeds", "Malmo", "Ghent", "Brno", "Cork",
            "Basel", "Split", "Lille", "Bonn", "Aarhus", "Bergen", "Nantes", "Genoa", "Utrecht", "Krakow", "Seville", "Tartu"};
        for (int i = 0; i < 300; i++) {
            String outcome = i == 187 ? "transaction declined: card expired"
                    : "captured at terminal " + cities[i % cities.length] + "-" + (i % 7);
            sb.append(i > 0 ? ",\n" : "").append("{\"payment\":\"pay_").append(10_000 + i * 13)
                    .append("\",\"amount\":").append(20 + (i * 37) % 80).append(",\"outcome\":\"").append(outcome).append("\"}");
        }
        return sb.append("]").toString();
    }

    @Test
    void theEngineKeepsTheParaphrasedRowWithMiniLmAndNotWithBm25() {
        String json = payments();
        String question = "which payment failed?";
        TransformContext bm25 = new TransformContext(CompressionMode.BALANCED, false, question, ContentHash.of(json), "", 1500);
        String withBm25 = new JsonCompressor().compress(json, bm25).text();
        String withMiniLm = new JsonCompressor().compress(json, bm25.withRelevance(minilm)).text();
        assertFalse(withBm25.contains("card expired"), withBm25);
        assertTrue(withMiniLm.contains("card expired"), withMiniLm);
        assertTrue(withMiniLm.contains(ContentHash.of(json)), "the rest stays retrievable");
    }

    @Test
    void scoresEveryRowOfABatchedSetInOrder() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            rows.add("heartbeat ok node-" + i);
        }
        rows.add(45, "disk full on /var: no space left on device");
        double[] s = minilm.scores(rows, QueryTerms.of("is the storage running out?"), 1.0);
        assertEquals(71, s.length);
        assertEquals(45, best(s), Arrays.toString(s));
    }
}
