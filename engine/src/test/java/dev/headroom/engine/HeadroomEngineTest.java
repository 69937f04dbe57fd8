package dev.headroom.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.ccr.InMemoryRetrievalStore;
import dev.headroom.engine.ccr.Markers;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.memo.InMemoryDecisionMemo;
import dev.headroom.engine.support.ByteFaithful;
import dev.headroom.engine.support.KeepHeadCompressor;
import dev.headroom.engine.support.Requests;
import dev.headroom.engine.transform.ContentRouter;
import dev.headroom.engine.transform.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadroomEngineTest {

    private final InMemoryRetrievalStore store = new InMemoryRetrievalStore();

    private HeadroomEngine engine(EngineSettings settings) {
        return HeadroomEngine.create(settings, store, new InMemoryDecisionMemo())
                .withRouter(ContentRouter.standard().with(ContentType.TEXT, new KeepHeadCompressor()));
    }

    private HeadroomEngine engine() {
        return engine(EngineSettings.defaults());
    }

    @Test
    void compressesToolOutputsInEveryFormatAndKeepsAllOtherBytes() {
        String big = Requests.lines("line", 200);
        for (ObjectNode req : List.of(Requests.anthropic("q", big, "small"), Requests.chat("q", big),
                Requests.responses("q", big))) {
            byte[] body = Requests.bytes(req);
            CompressionResult r = engine().compress(body, RequestOptions.defaults());
            assertTrue(r.modified(), "compressed " + r.format());
            ByteFaithful.check(body, r);
            assertEquals(1, r.ccrHashes().size());
            String hash = r.ccrHashes().iterator().next();
            assertEquals(ContentHash.of(big), hash);
            assertEquals(big, store.get(hash).orElseThrow(), "original retrievable");
            assertTrue(r.retrieveToolInjected());
        }
    }

    @Test
    void retrieveToolIsAppendedInTheFormatsOwnShape() throws Exception {
        String big = Requests.lines("line", 200);
        JsonNode a = Requests.JSON.readTree(engine().compress(Requests.bytes(Requests.anthropic("q", big)),
                RequestOptions.defaults()).body());
        JsonNode tool = a.get("tools").get(1);
        assertEquals("headroom_retrieve", tool.get("name").asText());
        assertNotNull(tool.get("input_schema"));

        JsonNode c = Requests.JSON.readTree(engine().compress(Requests.bytes(Requests.chat("q", big)),
                RequestOptions.defaults()).body());
        assertEquals("headroom_retrieve", c.get("tools").get(0).get("function").get("name").asText());

        JsonNode r = Requests.JSON.readTree(engine().compress(Requests.bytes(Requests.responses("q", big)),
                RequestOptions.defaults()).body());
        assertEquals(3, r.get("tools").size());
        assertEquals("headroom_retrieve", r.get("tools").get(2).get("name").asText());
        assertEquals("web_search", r.get("tools").get(1).get("type").asText(), "other tools untouched");
    }

    @Test
    void retrieveToolBytesAreIdenticalEveryTime() {
        byte[] one = engine().compress(Requests.bytes(Requests.chat("q", "tiny")),
                RequestOptions.defaults().withForceRetrieveTool(true)).body();
        byte[] two = engine().compress(Requests.bytes(Requests.chat("q", "tiny")),
                RequestOptions.defaults().withForceRetrieveTool(true)).body();
        assertArrayEquals(one, two);
        assertTrue(new String(one, StandardCharsets.UTF_8).contains("headroom_retrieve"));
    }

    @Test
    void aClientThatDefinesTheRetrieveToolIsLeftAlone() {
        ObjectNode req = Requests.anthropic("q", Requests.lines("l", 100));
        ((com.fasterxml.jackson.databind.node.ArrayNode) req.get("tools")).addObject().put("name", "headroom_retrieve");
        CompressionResult r = engine().compress(Requests.bytes(req), RequestOptions.defaults());
        assertTrue(r.modified());
        assertFalse(r.retrieveToolInjected());
    }

    @Test
    void unparseableAndUnknownBodiesComeBackAsTheSameBytes() {
        for (String s : List.of("not json", "{\"a\":", "[1,2,3]", "{\"hello\":\"world\"}", "")) {
            byte[] body = s.getBytes(StandardCharsets.UTF_8);
            CompressionResult r = engine().compress(body, RequestOptions.defaults());
            assertSame(body, r.body());
            assertFalse(r.modified());
            assertNotNull(r.passthroughReason());
        }
    }

    @Test
    void excludedToolsSmallOutputsAndMarkedTextAreNeverTouched() {
        String big = Requests.lines("x", 100);
        ObjectNode req = Requests.anthropic("q", big, "short", big + Markers.omitted(3, "lines", "0123456789abcdef01234567"));
        ((ObjectNode) req.get("messages").get(1).get("content").get(0)).put("name", "Read");
        CompressionResult r = engine().compress(Requests.bytes(req), RequestOptions.defaults());
        assertEquals("keep:excluded-tool", r.units().get(0).transform());
        assertEquals("keep:below-size-gate", r.units().get(1).transform());
        assertEquals("keep:already-compressed", r.units().get(2).transform());
        assertFalse(r.modified());
    }

    @Test
    void globExclusionsFromSettings() {
        ObjectNode req = Requests.anthropic("q", Requests.lines("x", 100));
        ((ObjectNode) req.get("messages").get(1).get("content").get(0)).put("name", "mcp__github__list_issues");
        EngineSettings s = EngineSettings.fromEnvironment(java.util.Map.of("HEADROOM_EXCLUDE_TOOLS", "mcp__*"));
        CompressionResult r = engine(s).compress(Requests.bytes(req), RequestOptions.defaults());
        assertEquals("keep:excluded-tool", r.units().get(0).transform());
    }

    @Test
    void errorOutputsGetOnlyLosslessTreatment() {
        String padded = Requests.lines("traceback" + " ".repeat(30) + "error" + " ".repeat(30) + "fail", 100);
        ObjectNode req = Requests.anthropic("q", padded);
        ((ObjectNode) req.get("messages").get(2).get("content").get(0)).put("is_error", true);
        CompressionResult r = engine().compress(Requests.bytes(req), RequestOptions.defaults());
        assertTrue(r.modified());
        assertFalse(r.units().get(0).lossy());
        assertEquals("test.squeeze", r.units().get(0).transform());
        assertTrue(r.ccrHashes().isEmpty());
        assertFalse(r.retrieveToolInjected());
    }

    /** Keeps the first line, and says it can select around error lines. */
    static final class ErrorAware implements dev.headroom.engine.transform.Compressor {
        private final KeepHeadCompressor head = new KeepHeadCompressor();

        public String name() {
            return "test.error-aware";
        }

        public dev.headroom.engine.transform.TransformResult compress(String t, dev.headroom.engine.transform.TransformContext c) {
            return head.compress(t, c);
        }

        @Override
        public boolean selectsAroundErrors() {
            return true;
        }
    }

    @Test
    void errorOutputsMayBeSelectedAroundByACompressorThatKnowsErrorLinesUnlessProtected() {
        String padded = Requests.lines("traceback" + " ".repeat(30) + "error" + " ".repeat(30) + "fail", 100);
        ObjectNode req = Requests.anthropic("q", padded);
        ((ObjectNode) req.get("messages").get(2).get("content").get(0)).put("is_error", true);
        ContentRouter aware = ContentRouter.standard().with(ContentType.TEXT, new ErrorAware());
        CompressionResult r = HeadroomEngine.create(EngineSettings.defaults(), store, new InMemoryDecisionMemo())
                .withRouter(aware).compress(Requests.bytes(req), RequestOptions.defaults());
        assertTrue(r.units().get(0).lossy(), r.units().get(0).transform());
        EngineSettings protect = EngineSettings.fromEnvironment(java.util.Map.of("HEADROOM_PROTECT_ERRORS", "true"));
        assertTrue(protect.protectErrors());
        CompressionResult kept = HeadroomEngine.create(protect, store, new InMemoryDecisionMemo())
                .withRouter(aware).compress(Requests.bytes(req), RequestOptions.defaults());
        assertFalse(kept.units().get(0).lossy(), kept.units().get(0).transform());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> EngineSettings.fromEnvironment(java.util.Map.of("HEADROOM_PROTECT_ERRORS", "maybe")));
    }

    @Test
    void losslessModeLeavesNoMarkers() {
        byte[] body = Requests.bytes(Requests.anthropic("q", Requests.lines("a" + " ".repeat(40) + "b", 100)));
        CompressionResult r = engine(EngineSettings.defaults().withMode(CompressionMode.LOSSLESS))
                .compress(body, RequestOptions.defaults());
        assertTrue(r.modified());
        assertTrue(r.ccrHashes().isEmpty());
        ByteFaithful.check(body, r);
        assertFalse(Markers.containsMarker(new String(r.body(), StandardCharsets.UTF_8)));
    }

    @Test
    void neverInflates() {
        // lossless: the balanced fallback (a line selection) would otherwise step in for the inflating compressor
        HeadroomEngine inflating = HeadroomEngine.create(EngineSettings.defaults().withMode(CompressionMode.LOSSLESS),
                        store, new InMemoryDecisionMemo())
                .withRouter(ContentRouter.standard().with(ContentType.TEXT, new dev.headroom.engine.transform.Compressor() {
                    public String name() {
                        return "inflate";
                    }

                    public dev.headroom.engine.transform.TransformResult compress(String t, dev.headroom.engine.transform.TransformContext c) {
                        return dev.headroom.engine.transform.TransformResult.lossless(t + t, "inflate");
                    }
                }));
        byte[] body = Requests.bytes(Requests.chat("q", Requests.lines("z", 50)));
        CompressionResult r = inflating.compress(body, RequestOptions.defaults());
        assertFalse(r.modified());
        assertEquals("keep:no-gain", r.units().get(0).transform());
    }

    @Test
    void forcedFormatIsUsed() {
        byte[] body = Requests.bytes(Requests.chat("q", Requests.lines("z", 50)));
        CompressionResult r = engine().compress(body, RequestOptions.defaults().withFormat(WireFormat.OPENAI_CHAT));
        assertEquals(WireFormat.OPENAI_CHAT, r.format());
    }

    /** A stand-in for the optional code compressor (its transforms are named code.*). */
    static final class FakeCode implements dev.headroom.engine.transform.Compressor {
        public String name() {
            return "code.ast";
        }

        public dev.headroom.engine.transform.TransformResult compress(String t, dev.headroom.engine.transform.TransformContext c) {
            return dev.headroom.engine.transform.TransformResult.lossy(t.substring(0, 40) + c.marker(9, "lines"), "code.ast.fake");
        }
    }

    @Test
    void codeInTheNewestMessagesIsProtectedAndStaysSoOnLaterTurns() {
        HeadroomEngine code = HeadroomEngine.create(EngineSettings.defaults(), store, new InMemoryDecisionMemo())
                .withRouter(ContentRouter.standard().with(ContentType.TEXT, new FakeCode()).with(ContentType.CODE, new FakeCode()));
        String older = Requests.lines("def old_function", 40);
        String newest = Requests.lines("def new_function", 40);
        // older is 5 messages from the end, newest is in the last message
        String[] outputs = {older, Requests.lines("filler a", 2), newest};
        CompressionResult first = code.compress(Requests.bytes(Requests.anthropic("q", outputs)), RequestOptions.defaults());
        assertTrue(first.units().get(0).compressed(), first.units().get(0).transform());
        assertEquals("keep:recent-code", first.units().get(2).transform());
        // two turns later the newest unit is old enough, but its first decision holds: no cache-busting rewrite
        String[] later = {older, Requests.lines("filler a", 2), newest, Requests.lines("filler b", 2), Requests.lines("filler c", 2)};
        CompressionResult again = code.compress(Requests.bytes(Requests.anthropic("q", later)), RequestOptions.defaults());
        assertEquals("keep:recent-code", again.units().get(2).transform());
        assertTrue(again.units().get(2).memoHit());
        HeadroomEngine off = HeadroomEngine.create(EngineSettings.defaults().withProtectRecentCode(0), store,
                new InMemoryDecisionMemo()).withRouter(ContentRouter.standard().with(ContentType.TEXT, new FakeCode()).with(ContentType.CODE, new FakeCode()));
        assertTrue(off.compress(Requests.bytes(Requests.anthropic("q", outputs)), RequestOptions.defaults())
                .units().get(2).compressed());
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void controlCharactersInToolOutputDoNotStallTheEngine() {
        String weird = Requests.lines("bell\u0001 and\u0007 escape\u001b[0m row", 200);
        byte[] body = Requests.bytes(Requests.anthropic("q", weird));
        CompressionResult r = HeadroomEngine.create(EngineSettings.defaults()).compress(body, RequestOptions.defaults());
        ByteFaithful.check(body, r);
        assertEquals(1, r.units().size());
    }
}
