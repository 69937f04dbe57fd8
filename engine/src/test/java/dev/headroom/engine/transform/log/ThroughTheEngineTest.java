package dev.headroom.engine.transform.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.ccr.InMemoryRetrievalStore;
import dev.headroom.engine.memo.InMemoryDecisionMemo;
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

    @Test
    void losslessModeOnlyReencodes() throws Exception {
        byte[] body = request(List.of(SearchGenerators.grep(60, 5, false), LogGenerators.mavenBuild(500, 1)));
        CompressionResult r = HeadroomEngine.create(EngineSettings.defaults())
                .compress(body, RequestOptions.defaults().withMode(CompressionMode.LOSSLESS));
        r.units().forEach(u -> assertFalse(u.lossy()));
        assertTrue(r.ccrHashes().isEmpty());
    }
}
