package dev.headroom.proxy.compress;

import dev.headroom.engine.format.WireFormat;
import dev.headroom.proxy.support.Bodies;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which bodies the compression stage may run on the request thread (the engine cannot change them). */
class InlineCompressionTest {

    private static final int GATE = 500;

    private static boolean inline(String body, boolean forced) {
        return CompressionStage.nothingToTransform(body.getBytes(StandardCharsets.UTF_8), WireFormat.ANTHROPIC,
                forced, GATE);
    }

    @Test
    void aChatTurnWithoutToolOutputsRunsInline() {
        assertTrue(inline(Bodies.smallAnthropic(true), false));
    }

    @Test
    void smallToolOutputsUnderTheSizeGateRunInline() {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"t\",\"content\":\"ok\"}]}]}";
        assertTrue(inline(body, false));
    }

    @Test
    void aToolOutputTheEngineMayShortenGoesToTheWorker() {
        assertFalse(inline(Bodies.anthropicWithToolResult("s", true), false));
    }

    @Test
    void aForcedRetrieveToolGoesToTheWorker() {
        assertFalse(inline(Bodies.smallAnthropic(true), true));
    }

    @Test
    void malformedAndBigBodiesGoToTheWorker() {
        assertFalse(inline("{\"model\":\"m\",\"messages\":[", false));
        String big = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\""
                + "x".repeat(CompressionStage.INLINE_SCAN_MAX) + "\"}]}";
        assertFalse(inline(big, false));
    }
}
