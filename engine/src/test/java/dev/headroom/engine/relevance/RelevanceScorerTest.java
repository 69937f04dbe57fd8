package dev.headroom.engine.relevance;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.ccr.InMemoryRetrievalStore;
import dev.headroom.engine.memo.InMemoryDecisionMemo;
import dev.headroom.engine.support.Requests;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.json.JsonCompressor;
import dev.headroom.engine.transform.log.LogCompressor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scorer seam: the selectors rank with the installed scorer, fall back to BM25, and key decisions by its name. */
class RelevanceScorerTest {

    /** A question that shares no word with any row, so BM25 has nothing to rank by. */
    private static final String QUESTION = "anything about marine mammals?";

    /** Scores 1 for texts containing {@code word}, 0 otherwise: a stand-in for a semantic model. */
    record Prefers(String word, AtomicInteger calls) implements RelevanceScorer {
        Prefers(String word) {
            this(word, new AtomicInteger());
        }

        @Override
        public String name() {
            return "prefers-" + word;
        }

        @Override
        public double[] scores(List<? extends CharSequence> texts, QueryTerms query, double maxTermShare) {
            calls.incrementAndGet();
            double[] out = new double[texts.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = texts.get(i).toString().contains(word) ? 1 : 0;
            }
            return out;
        }
    }

    /** A scorer that fails (a broken model) or declines (still loading). */
    record Broken(boolean throwing) implements RelevanceScorer {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public double[] scores(List<? extends CharSequence> texts, QueryTerms query, double maxTermShare) {
            if (throwing) {
                throw new IllegalStateException("model crashed");
            }
            return null;
        }
    }

    private static final String[] WORDS = {"kelp", "driftwood", "ferry", "trawler", "buoy", "gull", "fog", "swell",
        "tanker", "yacht", "reef", "sandbar", "pier", "lighthouse", "tug", "kayak", "barge", "jetty", "cormorant", "rain",
        "squall", "foam", "crab", "net", "canoe"};

    /** Uniform rows; rows 101 and 209 mention a whale and a dolphin, with no error word, rare value or outlier. */
    static String rows(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            // Too many distinct notes for a rare-value signal: only the question can pick rows 101 and 209.
            String note = (i == 101 ? "humpback whale" : i == 209 ? "dolphin pod"
                    : WORDS[i % WORDS.length] + " " + WORDS[(i / WORDS.length) % WORDS.length]) + " seen at mile " + i;
            sb.append(i > 0 ? ",\n" : "").append("{\"seq\":").append(i).append(",\"station\":\"s")
                    .append(i % 3).append("\",\"note\":\"").append(note).append("\"}");
        }
        return sb.append("]").toString();
    }

    static String log() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            String msg = i == 157 ? "humpback whale seen near buoy" : i == 288 ? "dolphin pod seen near buoy" : "buoy " + i + " reading nominal";
            sb.append("2026-01-01T10:").append(String.format("%02d:%02d", i / 60, i % 60)).append(" INFO sensor ").append(msg).append('\n');
        }
        return sb.toString();
    }

    private static TransformContext context(String text, RelevanceScorer scorer) {
        return new TransformContext(CompressionMode.BALANCED, false, QUESTION, ContentHash.of(text), "", 1200, scorer);
    }

    @Test
    void jsonRowsAreChosenByTheInstalledScorer() {
        String json = rows(300);
        String bm25 = new JsonCompressor().compress(json, context(json, RelevanceScorer.bm25())).text();
        assertFalse(bm25.contains("whale") || bm25.contains("dolphin"), "BM25 has no shared word: " + bm25);
        Prefers whale = new Prefers("whale");
        String withWhale = new JsonCompressor().compress(json, context(json, whale)).text();
        assertTrue(withWhale.contains("humpback whale seen"), withWhale);
        assertFalse(withWhale.contains("dolphin"), withWhale);
        assertTrue(whale.calls().get() > 0);
        String withDolphin = new JsonCompressor().compress(json, context(json, new Prefers("dolphin"))).text();
        assertTrue(withDolphin.contains("dolphin pod seen"), withDolphin);
        assertFalse(withDolphin.contains("whale"), withDolphin);
    }

    @Test
    void logLinesAreChosenByTheInstalledScorer() {
        String log = log();
        String bm25 = new LogCompressor().compress(log, context(log, RelevanceScorer.bm25())).text();
        assertFalse(bm25.contains("whale") || bm25.contains("dolphin"), bm25);
        String withWhale = new LogCompressor().compress(log, context(log, new Prefers("whale"))).text();
        assertTrue(withWhale.contains("humpback whale seen"), withWhale);
        assertFalse(withWhale.contains("dolphin"), withWhale);
    }

    @Test
    void aFailingOrDecliningScorerFallsBackToBm25() {
        String json = rows(300);
        String log = log();
        String bm25Json = new JsonCompressor().compress(json, context(json, RelevanceScorer.bm25())).text();
        String bm25Log = new LogCompressor().compress(log, context(log, RelevanceScorer.bm25())).text();
        for (RelevanceScorer broken : List.of(new Broken(true), new Broken(false))) {
            assertEquals(bm25Json, new JsonCompressor().compress(json, context(json, broken)).text());
            assertEquals(bm25Log, new LogCompressor().compress(log, context(log, broken)).text());
        }
        QueryTerms q = QueryTerms.of("whale sightings");
        List<String> docs = List.of("whale", "nothing");
        assertEquals(List.of(RelevanceScorer.bm25().scores(docs, q, 1.0)[0]),
                List.of(RelevanceScorer.scoreOrFallback(new Broken(true), docs, q, 1.0)[0]));
        assertEquals(2, RelevanceScorer.scoreOrFallback(new RelevanceScorer() {
            @Override
            public String name() {
                return "short";
            }

            @Override
            public double[] scores(List<? extends CharSequence> texts, QueryTerms query, double maxTermShare) {
                return new double[1];
            }
        }, docs, q, 1.0).length, "a wrong-sized answer is replaced by BM25's");
    }

    @Test
    void environmentSelectsTheScorerAndTheFingerprintNamesIt() {
        EngineSettings defaults = EngineSettings.defaults();
        assertEquals("bm25", defaults.relevance());
        assertFalse(defaults.fingerprint().contains("relevance"), "default keys unchanged: " + defaults.fingerprint());
        assertEquals(defaults.fingerprint(), EngineSettings.fromEnvironment(Map.of("HEADROOM_RELEVANCE", "bm25")).fingerprint());
        EngineSettings minilm = EngineSettings.fromEnvironment(Map.of("HEADROOM_RELEVANCE", " MiniLM "));
        EngineSettings hybrid = EngineSettings.fromEnvironment(Map.of("HEADROOM_RELEVANCE", "hybrid"));
        assertEquals("minilm", minilm.relevance());
        assertEquals("hybrid", hybrid.relevance());
        assertNotEquals(defaults.fingerprint(), minilm.fingerprint());
        assertNotEquals(minilm.fingerprint(), hybrid.fingerprint());
        assertEquals("minilm", minilm.withMode(CompressionMode.LOSSLESS).relevance(), "kept by the other withX");
        assertThrows(IllegalArgumentException.class,
                () -> EngineSettings.fromEnvironment(Map.of("HEADROOM_RELEVANCE", "word2vec")));
    }

    @Test
    void switchingScorerNeverReusesTheOtherScorersDecision() {
        InMemoryDecisionMemo memo = new InMemoryDecisionMemo();
        HeadroomEngine base = HeadroomEngine.create(EngineSettings.defaults(), new InMemoryRetrievalStore(), memo);
        assertSame(RelevanceScorer.bm25(), base.relevance());
        byte[] body = Requests.bytes(Requests.anthropic(QUESTION, rows(1200)));

        HeadroomEngine whale = base.withRelevance(new Prefers("whale"));
        assertEquals("prefers-whale", whale.settings().relevance());
        UnitReport first = whale.compress(body, RequestOptions.defaults()).units().get(0);
        assertTrue(first.result().contains("whale") && !first.memoHit(), first.toString());
        assertTrue(whale.compress(body, RequestOptions.defaults()).units().get(0).memoHit(), "same scorer: reused");

        CompressionResult dolphin = base.withRelevance(new Prefers("dolphin")).compress(body, RequestOptions.defaults());
        UnitReport second = dolphin.units().get(0);
        assertFalse(second.memoHit(), "another scorer decides afresh");
        assertTrue(second.result().contains("dolphin") && !second.result().contains("whale"), second.result());
    }
}
