package dev.headroom.engine.transform.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.ccr.InMemoryRetrievalStore;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.memo.InMemoryDecisionMemo;
import dev.headroom.engine.support.Requests;
import dev.headroom.engine.support.Samples;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.transform.diff.DiffGenerators;
import dev.headroom.engine.transform.search.SearchGenerators;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log, search and diff compressors inside a whole Anthropic request: markers, retrieval, stability. */
class ThroughTheEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] request(List<String> outputs) throws Exception {
        List<Object> uses = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            uses.add(Map.of("type", "tool_use", "id", "t" + i, "name", "Bash", "input", Map.of("command", "run " + i)));
            results.add(Map.of("type", "tool_result", "tool_use_id", "t" + i, "content", outputs.get(i)));
        }
        return JSON.writeValueAsBytes(Map.of("model", "claude-sonnet-4-5", "max_tokens", 1024, "messages", List.of(
                Map.of("role", "user", "content", "Why does refundsPartialPayment fail?"),
                Map.of("role", "assistant", "content", uses),
                Map.of("role", "user", "content", results))));
    }

    @Test
    void everyOmissionIsRetrievableAndStable() throws Exception {
        List<String> outputs = List.of(LogGenerators.mavenBuild(2000, 7), SearchGenerators.grep(60, 5, false),
                DiffGenerators.gitDiff(6, 12, 3));
        byte[] body = request(outputs);
        InMemoryRetrievalStore store = new InMemoryRetrievalStore();
        HeadroomEngine engine = HeadroomEngine.create(EngineSettings.defaults(), store, new InMemoryDecisionMemo());
        CompressionResult r = engine.compress(body, RequestOptions.defaults());
        assertTrue(r.modified());
        assertEquals(List.of("log", "search", "diff"), r.units().stream().map(u -> u.contentType()).toList());
        r.units().forEach(u -> assertTrue(u.lossy(), u.toolName() + " " + u.transform()));
        assertEquals(3, r.ccrHashes().size());
        for (String hash : r.ccrHashes()) {
            assertTrue(outputs.contains(store.get(hash).orElseThrow()), "original stored under " + hash);
        }
        JsonNode sent = JSON.readTree(r.body());
        String log = sent.get("messages").get(2).get("content").get(0).get("content").asText();
        assertTrue(log.contains("org.opentest4j.AssertionFailedError: expected: <42.50> but was: <40.00>"));
        assertTrue(r.body().length < body.length / 4, "request shrank: " + body.length + " -> " + r.body().length);
        CompressionResult again = HeadroomEngine.create(EngineSettings.defaults()).compress(body, RequestOptions.defaults());
        assertEquals(new String(r.body()), new String(again.body()), "same bytes on another engine (deterministic)");
        System.out.printf("engine, 3 Bash outputs: request %d -> %d bytes (%.3f)%n", body.length, r.body().length,
                r.body().length / (double) body.length);
        r.units().forEach(u -> System.out.printf("  %s %s: %d -> %d chars%n", u.contentType(), u.transform(), u.charsBefore(),
                u.charsAfter()));
    }

    /**
     * Claude Code's failing Bash call: {@code is_error} and an {@code Exit code 1} first line. The build log is
     * selected around its errors (every [ERROR] line, the assertion and the summary stay); with
     * HEADROOM_PROTECT_ERRORS=true it is only re-encoded.
     */
    @Test
    void aFailingBuildIsSelectedAroundItsErrorsUnlessProtected() throws Exception {
        String log = "Exit code 1\n" + Samples.read("build/maven-test-failure.txt");
        ObjectNode req = Requests.anthropic("Why does the build fail?", log);
        ((ObjectNode) req.get("messages").get(2).get("content").get(0)).put("is_error", true);
        InMemoryRetrievalStore store = new InMemoryRetrievalStore();
        CompressionResult r = HeadroomEngine.create(EngineSettings.defaults(), store, new InMemoryDecisionMemo())
                .compress(Requests.bytes(req), RequestOptions.defaults());
        UnitReport unit = r.units().get(0);
        assertEquals("log", unit.contentType());
        assertTrue(unit.lossy(), unit.transform());
        assertTrue(unit.transform().contains("log.select-around-errors"), unit.transform());
        String sent = Requests.JSON.readTree(r.body()).get("messages").get(2).get("content").get(0).get("content").asText();
        for (String line : log.split("\n")) {
            if (line.startsWith("[ERROR]") || line.startsWith("[WARNING]") || line.contains("BUILD FAILURE")) {
                assertTrue(sent.contains(line.strip()), "kept: " + line);
            }
        }
        assertTrue(sent.contains("org.opentest4j.AssertionFailedError: expected: <90.00> but was: <135.00>"));
        assertEquals(log, store.get(r.ccrHashes().iterator().next()).orElseThrow(), "the whole log is retrievable");
        EngineSettings protect = EngineSettings.defaults().withProtectErrors(true);
        CompressionResult kept = HeadroomEngine.create(protect).compress(Requests.bytes(req), RequestOptions.defaults());
        assertFalse(kept.units().get(0).lossy(), kept.units().get(0).transform());
    }

    @Test
    void losslessModeOnlyReencodes() throws Exception {
        byte[] body = request(List.of(SearchGenerators.grep(60, 5, false), LogGenerators.mavenBuild(500, 1)));
        CompressionResult r = HeadroomEngine.create(EngineSettings.defaults())
                .compress(body, RequestOptions.defaults().withMode(CompressionMode.LOSSLESS));
        r.units().forEach(u -> assertFalse(u.lossy()));
        assertTrue(r.ccrHashes().isEmpty());
    }
}
