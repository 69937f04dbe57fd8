package dev.headroom.eval;

import dev.headroom.engine.CompressionMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** No silent loss, measured: every needle stays verbatim or retrievable by a hash the request names. */
class NeedleEvaluationTest {

    private static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.exists(dir.resolve("mvnw")) ? dir : dir.getParent();
    }

    @Test
    void everyNeedleIsPresentOrRetrievableInBalancedMode() throws Exception {
        List<NeedleEvaluation.Result> results = NeedleEvaluation.evaluate(SessionCorpus.load(root()), CompressionMode.BALANCED);
        assertFalse(results.isEmpty(), "the examples define needles");
        for (NeedleEvaluation.Result r : results) {
            assertFalse(r.outcome() == NeedleEvaluation.Outcome.LOST, "lost: " + r);
            assertFalse(r.outcome() == NeedleEvaluation.Outcome.ABSENT_FROM_ORIGINAL, "needle not in its session: " + r);
        }
    }

    @Test
    void losslessModeKeepsEveryNeedleVerbatim() throws Exception {
        for (NeedleEvaluation.Result r : NeedleEvaluation.evaluate(SessionCorpus.load(root()), CompressionMode.LOSSLESS)) {
            assertEquals(NeedleEvaluation.Outcome.VERBATIM, r.outcome(), r.toString());
        }
    }
}
