package dev.headroom.eval;

import dev.headroom.engine.relevance.RelevanceScorer;
import dev.headroom.prose.relevance.MiniLmRelevance;
import dev.headroom.prose.relevance.MiniLmScorer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The paraphrased needles (questions that share no word with the rows answering them), judged with BM25 and
 * with MiniLM given all the time it wants: neither loses a needle, and MiniLM keeps more of them readable.
 * Speed is not asserted here; {@code evaluation/report.sh} prints it.
 */
class RelevanceComparisonTest {

    private static List<Session> paraphrased() throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = Files.exists(dir.resolve("mvnw")) ? dir : dir.getParent();
        return SessionCorpus.load(root).stream().filter(RelevanceComparison::paraphrased).toList();
    }

    @Test
    void bm25KeepsEveryParaphrasedNeedleRetrievable() throws Exception {
        List<Session> sessions = paraphrased();
        assertEquals(3, sessions.size(), "the three needles-paraphrased-*.json examples");
        RelevanceComparison.Figures f = RelevanceComparison.run("bm25", RelevanceScorer.bm25(), sessions);
        assertEquals(7, f.needles());
        assertEquals(0, f.lost(), "no silent loss");
    }

    @Test
    void miniLmKeepsMoreParaphrasedNeedlesReadableThanBm25() throws Exception {
        assumeTrue(MiniLmRelevance.bundled(), "MiniLM artifact not on the class path");
        List<Session> sessions = paraphrased();
        RelevanceComparison.Figures bm25 = RelevanceComparison.run("bm25", RelevanceScorer.bm25(), sessions);
        MiniLmScorer scorer = new MiniLmScorer(MiniLmScorer.Mode.HYBRID, Integer.MAX_VALUE, 3_600_000).startInBackground();
        assertTrue(scorer.awaitReady(120_000), scorer.status());
        RelevanceComparison.Figures hybrid = RelevanceComparison.run("hybrid", scorer, sessions, 600_000);
        assertEquals(0, hybrid.lost());
        assertEquals(0, hybrid.overBudget());
        assertEquals(0, scorer.declinedCalls(), scorer.counters());
        assertTrue(hybrid.paraphrasedVerbatim() > bm25.paraphrasedVerbatim(),
                "hybrid " + hybrid.paraphrasedVerbatim() + " vs BM25 " + bm25.paraphrasedVerbatim() + " of " + bm25.paraphrased());
    }
}
