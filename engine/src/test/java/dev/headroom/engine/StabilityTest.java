package dev.headroom.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.SqliteDecisionMemo;
import dev.headroom.engine.store.SqliteRetrievalStore;
import dev.headroom.engine.support.KeepHeadCompressor;
import dev.headroom.engine.support.Requests;
import dev.headroom.engine.transform.ContentRouter;
import dev.headroom.engine.transform.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * House rule 2: replaying a multi-turn session (every turn repeats the earlier turns' messages, with a new
 * latest question each time), every unit compresses to the same text in every turn it appears in, and
 * after a restart with the same persistent memo.
 */
class StabilityTest {

    @TempDir
    Path home;

    private static HeadroomEngine engine(HeadroomDatabase db) {
        return HeadroomEngine.create(EngineSettings.defaults(), new SqliteRetrievalStore(db, Duration.ofMinutes(30)),
                        new SqliteDecisionMemo(db))
                .withRouter(ContentRouter.standard().with(ContentType.TEXT, new QuerySensitive()));
    }

    /** A compressor whose output depends on the query: only the memo can keep it stable. */
    static final class QuerySensitive implements dev.headroom.engine.transform.Compressor {
        private final KeepHeadCompressor head = new KeepHeadCompressor();

        public String name() {
            return "query";
        }

        public dev.headroom.engine.transform.TransformResult compress(String text, dev.headroom.engine.transform.TransformContext ctx) {
            dev.headroom.engine.transform.TransformResult r = head.compress(text, ctx);
            return r == null ? null : new dev.headroom.engine.transform.TransformResult(
                    "[q=" + ctx.query() + "]\n" + r.text(), r.transform(), r.lossy());
        }
    }

    @Test
    void everyUnitCompressesIdenticallyOnEveryTurnAndAfterARestart() throws Exception {
        List<String> outputs = new ArrayList<>();
        Map<Integer, String> firstSeen = new HashMap<>();
        for (int restart = 0; restart < 2; restart++) {
            try (HeadroomDatabase db = HeadroomDatabase.open(home.resolve("headroom.db"))) {
                HeadroomEngine engine = engine(db);
                outputs.clear();
                for (int turn = 0; turn < 6; turn++) {
                    outputs.add(Requests.lines("turn " + turn + " output", 80 + turn));
                    ObjectNode req = Requests.anthropic("question asked at turn " + turn + " run " + restart,
                            outputs.toArray(new String[0]));
                    CompressionResult r = engine.compress(Requests.bytes(req), RequestOptions.defaults());
                    assertEquals(turn + 1, r.units().size());
                    for (UnitReport u : r.units()) {
                        assertTrue(u.compressed(), "unit " + u.index() + " compressed");
                        String earlier = firstSeen.putIfAbsent(u.index(), u.result());
                        if (earlier != null) {
                            assertEquals(earlier, u.result(), "unit " + u.index() + " changed at turn " + turn
                                    + " after " + restart + " restarts");
                            assertTrue(u.memoHit());
                        }
                    }
                }
            }
        }
        assertTrue(firstSeen.get(0).startsWith("[q=question asked at turn 0 run 0]"), "first decision frozen");
    }
}
