package dev.headroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.ccr.Markers;
import dev.headroom.engine.format.WireFormat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The optional engines as `headroom compress` registers them, through the real engine. */
class OptionalEnginesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] anthropicRequest(String toolOutput) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Where is the engine's entry point?");
        ObjectNode call = messages.addObject().put("role", "assistant");
        call.putArray("content").addObject().put("type", "tool_use").put("id", "toolu_1").put("name", "Bash")
                .putObject("input").put("command", "cat HeadroomEngine.java");
        ObjectNode result = messages.addObject().put("role", "user");
        result.putArray("content").addObject().put("type", "tool_result").put("tool_use_id", "toolu_1")
                .put("content", toolOutput);
        messages.addObject().put("role", "user").put("content", "Which methods does it have?");
        return JSON.writeValueAsBytes(body);
    }

    @Test
    void javaSourceInAToolResultIsShortenedAlongItsSyntaxTreeAndStaysRetrievable() throws Exception {
        Path source = Path.of("..", "engine", "src", "main", "java", "dev", "headroom", "engine", "HeadroomEngine.java");
        assumeTrue(Files.isRegularFile(source), "engine sources not beside the cli module");
        String code = Files.readString(source);
        // The tool result is one message from the end: code that recent is protected by default, so turn
        // that protection off here to see the code engine itself at work.
        HeadroomEngine engine = OptionalEngines.register(HeadroomEngine.create(EngineSettings.defaults().withProtectRecentCode(0)),
                Map.of("HF_HUB_OFFLINE", "1", "HF_HOME", Files.createTempDirectory("hf").toString()));

        CompressionResult r = engine.compress(anthropicRequest(code), RequestOptions.defaults().withFormat(WireFormat.ANTHROPIC));

        assertTrue(r.modified(), r.passthroughReason() + " " + r.units());
        UnitReport unit = r.units().stream().filter(UnitReport::compressed).findFirst().orElseThrow();
        assertTrue(unit.transform().contains("code.ast.java"), unit.transform());
        String out = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(out.contains("public CompressionResult compress(byte[] body, RequestOptions options) {"), "signature kept");
        String hash = Markers.hashes(unit.result()).iterator().next();
        assertEquals(code, engine.store().get(hash).orElseThrow(), "the original is retrievable by the marker's hash");
    }

    @Test
    void codeInTheNewestMessagesIsLeftAsItIsByDefault() throws Exception {
        Path source = Path.of("..", "engine", "src", "main", "java", "dev", "headroom", "engine", "HeadroomEngine.java");
        assumeTrue(Files.isRegularFile(source), "engine sources not beside the cli module");
        HeadroomEngine engine = OptionalEngines.register(HeadroomEngine.create(EngineSettings.defaults()),
                Map.of("HF_HUB_OFFLINE", "1", "HF_HOME", Files.createTempDirectory("hf").toString()));
        CompressionResult r = engine.compress(anthropicRequest(Files.readString(source)), RequestOptions.defaults());
        assertEquals("keep:recent-code", r.units().get(0).transform());
    }

    @Test
    void switchedOffEnginesLeaveTheRouterAsItWas() throws Exception {
        String code = Files.readString(Path.of("..", "engine", "src", "main", "java", "dev", "headroom", "engine",
                "HeadroomEngine.java"));
        HeadroomEngine engine = OptionalEngines.register(HeadroomEngine.create(EngineSettings.defaults()),
                Map.of("HEADROOM_CODE_COMPRESSOR", "off", "HEADROOM_KOMPRESS", "off"));
        CompressionResult r = engine.compress(anthropicRequest(code), RequestOptions.defaults());
        assertFalse(r.units().stream().anyMatch(u -> u.transform() != null && u.transform().contains("code.ast")));
    }

    @Test
    void describesEachEngine() {
        List<String> lines = OptionalEngines.describe();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("code engine available: ready: python"), lines.get(0));
    }
}
