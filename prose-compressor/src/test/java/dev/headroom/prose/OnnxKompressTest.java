package dev.headroom.prose;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.ccr.Markers;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.prose.kompress.KompressPipeline;
import dev.headroom.prose.kompress.OnnxKeepScorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole Kompress pipeline through ONNX Runtime and the DJL tokenizer, on a model the test writes. */
class OnnxKompressTest {

    @TempDir
    static Path dir;
    static OnnxKeepScorer scorer;
    static ProseEngine engine;

    @BeforeAll
    static void load() throws Exception {
        Path model = TinyKompressModel.write(dir.resolve("tiny"));
        scorer = OnnxKeepScorer.load(model, dir.resolve("tiny").resolve("tokenizer.json"));
        engine = ProseEngine.fromEnvironment(Map.of("HEADROOM_KOMPRESS_MODEL", model.toString(), "HF_HUB_OFFLINE", "1"))
                .startInBackground();
        assertTrue(engine.awaitSettled(Duration.ofSeconds(60)).available(), engine.status()::reason);
    }

    @AfterAll
    static void close() {
        scorer.close();
        engine.close();
    }

    private static long deadline() {
        return System.nanoTime() + Duration.ofSeconds(20).toNanos();
    }

    @Test
    void wordScoresComeFromTheModelAndAWordTakesItsBestSubToken() {
        float[] scores = scorer.scoreWords(List.of("The", "cat", "compression", "zebra"));
        // the: 0.1; cat: 0.9; compression = compress (0.1) + ##ion (0.9) -> 0.9; zebra: [UNK] 0.2
        assertArrayEquals(new float[] {0.1f, 0.9f, 0.9f, 0.2f}, scores, 1e-6f);
    }

    @Test
    void dropsTheWordsTheModelScoresLow() {
        KompressPipeline.Outcome o = new KompressPipeline(scorer)
                .run("The cat sat on the mat and the dog was in the garden of the house.", deadline());
        assertEquals("cat sat mat dog garden house.", o.text());
        assertEquals(16, o.words());
        assertEquals(6, o.kept());
    }

    @Test
    void keepsNumbersPathsFlagsAndIdentifiersWhateverTheModelSays() {
        String text = "the server failed on the disk /var/lib/data at 03:14 with 0x1F and it was quite full, "
                + "restart with --force or set MAX_RETRIES and retryPolicy to 3";
        String out = new KompressPipeline(scorer).run(text, deadline()).text();
        for (String fact : List.of("/var/lib/data", "03:14", "0x1F", "--force", "MAX_RETRIES", "retryPolicy", "3")) {
            assertTrue(out.contains(fact), fact + " kept in: " + out);
        }
        assertTrue(!out.contains(" the ") && !out.startsWith("the "), out);
    }

    @Test
    void keepsLineBreaksSoListsStayLists() {
        String text = "Findings:\n- the cat sat on the mat\n- the dog was in the garden\n\n  the house is very quiet\n";
        String out = new KompressPipeline(scorer).run(text, deadline()).text();
        assertEquals("Findings:\n- cat sat mat\n- dog garden\n\n  house\n", out);
    }

    @Test
    void aChunkTooLongForTheWindowIsSplitNotTruncated() {
        // 400 words of 3 tokens each (cat ##cat ##cat) exceed 512 tokens per 350-word chunk.
        String text = String.join(" ", java.util.Collections.nCopies(400, "the catcatcat"));
        KompressPipeline.Outcome o = new KompressPipeline(scorer).run(text, deadline());
        assertEquals(800, o.words());
        assertEquals(400, o.kept(), "every catcatcat scored and kept, every 'the' dropped");
        assertTrue(scorer.scoreWords(java.util.Collections.nCopies(350, "catcatcat")) == null);
        assertTrue(OnnxKeepScorer.MAX_TOKENS < 350 * 3);
    }

    @Test
    void passedDeadlineKeepsEverythingVerbatim() {
        String text = "the cat sat on the mat and the dog was in the garden of the house";
        KompressPipeline.Outcome o = new KompressPipeline(scorer).run(text, System.nanoTime() - 1);
        assertTrue(o.timedOut());
        assertNull(o.text());
    }

    @Test
    void compressorAppendsAMarkerWithTheDroppedWordCountAndHash() {
        String text = "The cat sat on the mat and the dog was in the garden of the house.\nThe user login failed.";
        String hash = ContentHash.of(text);
        TransformResult r = new ProseCompressor(engine).compress(text, TransformContext.of(hash));
        assertNotNull(r);
        assertTrue(r.lossy());
        assertEquals("prose.kompress", r.transform());
        assertEquals("cat sat mat dog garden house.\nuser login failed.\n" + Markers.omitted(11, "words", hash), r.text());
    }

    @Test
    void whileTheModelIsBusyTheTextPassesThroughInsteadOfWaiting() throws Exception {
        String text = "The cat sat on the mat and the dog was in the garden of the house.";
        assertTrue(engine.tryAcquire(0));
        try {
            assertNull(new ProseCompressor(engine).compress(text, TransformContext.of(ContentHash.of(text))));
        } finally {
            engine.release();
        }
        assertNotNull(new ProseCompressor(engine).compress(text, TransformContext.of(ContentHash.of(text))));
    }

    @Test
    void compressorLeavesTextAloneInLosslessModeOrWhenLittleWouldGo() {
        String text = "The cat sat on the mat and the dog was in the garden of the house.";
        String hash = ContentHash.of(text);
        ProseCompressor c = new ProseCompressor(engine);
        assertNull(c.compress(text, new TransformContext(CompressionMode.LOSSLESS, true, "", hash, "", 4000)));
        String dense = "cat sat mat dog garden house server failed disk full restart error user login the cat";
        assertNull(c.compress(dense, TransformContext.of(ContentHash.of(dense))));
        assertNull(c.compress("the cat", TransformContext.of(ContentHash.of("the cat"))));
    }
}
