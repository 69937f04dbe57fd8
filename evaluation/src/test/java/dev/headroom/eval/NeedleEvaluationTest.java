package dev.headroom.eval;

import dev.headroom.engine.CompressionMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * No silent loss, measured: every needle stays verbatim or retrievable by a hash the request names. Asserted on the
 * tuning set and the examples only: the held-out set is measured by evaluation/report.sh (aggregates only), never by
 * a test whose failure message would show its needles to whoever tunes the engine.
 */
class NeedleEvaluationTest {

    private static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.exists(dir.resolve("mvnw")) ? dir : dir.getParent();
    }

    private static List<Session> notHeldOut() throws Exception {
        CorpusSplit split = CorpusSplit.load(root());
        return SessionCorpus.load(root()).stream().filter(s -> split.partOf(s.id()) != CorpusSplit.Part.HELD_OUT).toList();
    }

    @Test
    void everyNeedleIsPresentOrRetrievableInBalancedMode() throws Exception {
        List<NeedleEvaluation.Result> results = NeedleEvaluation.evaluate(notHeldOut(), CompressionMode.BALANCED);
        assertFalse(results.isEmpty(), "the examples define needles");
        for (NeedleEvaluation.Result r : results) {
            assertFalse(r.outcome() == NeedleEvaluation.Outcome.LOST, "lost: " + r);
            assertFalse(r.outcome() == NeedleEvaluation.Outcome.ABSENT_FROM_ORIGINAL, "needle not in its session: " + r);
        }
    }

    @Test
    void losslessModeKeepsEveryNeedleVerbatim() throws Exception {
        for (NeedleEvaluation.Result r : NeedleEvaluation.evaluate(notHeldOut(), CompressionMode.LOSSLESS)) {
            assertEquals(NeedleEvaluation.Outcome.VERBATIM, r.outcome(), r.toString());
        }
    }
}
