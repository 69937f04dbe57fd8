package dev.headroom.eval;

import dev.headroom.engine.CompressionMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The stability and determinism checks find an output sent two ways, and the recorded corpus has none: every
 * output keeps its bytes from turn to turn, and a second replay with fresh engines sends the same bytes.
 */
class StabilityCheckTest {

    static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.exists(dir.resolve("mvnw")) ? dir : dir.getParent();
    }

    private static Session session(String id) throws Exception {
        return SessionCorpus.load(root()).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<List<String>> unlabelled(SessionReplay.Replayed r) {
        return r.turns().stream().map(t -> t.result().units().stream().map(u -> UnitFamilies.UNLABELLED).toList()).toList();
    }

    @Test
    void anOutputSentTwoWaysIsFound() throws Exception {
        // the ops log is cut down in balanced mode and kept whole in lossless mode: two ways to send one output
        Session s = session("example:needles-paraphrased-ops-log.json");
        SessionReplay.Replayed lossless = new SessionReplay(CompressionMode.LOSSLESS).replay(s);
        SessionReplay.Replayed balanced = new SessionReplay(CompressionMode.BALANCED).replay(s);
        SessionReplay.Replayed mixed = new SessionReplay.Replayed(s,
                List.of(lossless.turns().get(0), balanced.turns().get(0)), balanced.store());

        List<StabilityCheck.Finding> unstable = StabilityCheck.acrossTurns(mixed, unlabelled(mixed), "balanced");
        assertEquals(1, unstable.size(), unstable.toString());
        assertEquals(2, unstable.get(0).variants());
        assertEquals(1, unstable.get(0).turn());
        assertEquals(1, StabilityCheck.betweenReplays(lossless, balanced, unlabelled(lossless), "balanced").size());
    }

    @Test
    void theRecordedCorpusIsStableAndDeterministic() throws Exception {
        List<Session> recorded = SessionCorpus.fromIndex(root().resolve("corpus/recorded/index.json"));
        assertFalse(recorded.isEmpty());
        for (CompressionMode mode : CompressionMode.values()) {
            SessionReplay replay = new SessionReplay(mode, OptionalEngines::register);
            for (Session s : recorded) {
                SessionReplay.Replayed first = replay.replay(s);
                assertEquals(List.of(), StabilityCheck.acrossTurns(first, unlabelled(first), mode.label()), s.id());
                assertEquals(List.of(), StabilityCheck.betweenReplays(first, replay.replay(s), unlabelled(first),
                        mode.label()), s.id());
            }
        }
    }
}
