package dev.headroom.dialects;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One classification of paths, the same at the edges where the proxy's three classifiers disagreed. */
class DialectsTest {

    @Test
    void pathsMapToOneDialect() {
        assertSame(Dialects.ANTHROPIC, Dialects.forPath("/v1/messages", false));
        assertSame(Dialects.ANTHROPIC, Dialects.forPath("/v1/messages/count_tokens", false));
        assertSame(Dialects.CHAT, Dialects.forPath("/v1/chat/completions", true));
        assertSame(Dialects.RESPONSES, Dialects.forPath("/v1/responses", false));
        assertSame(Dialects.RESPONSES, Dialects.forPath("/v1/responses/resp_1", false));
        assertSame(Dialects.RESPONSES, Dialects.forPath("/backend-api/codex/responses", false));
        assertSame(Dialects.ANTHROPIC, Dialects.forPath("/v1/models", true), "other paths: by the credentials");
        assertSame(Dialects.CHAT, Dialects.forPath("/v1/models", false));
    }

    @Test
    void onlyConversationPostsAreModelCalls() {
        assertSame(Dialects.ANTHROPIC, Dialects.modelCall("POST", "/v1/messages"));
        assertSame(Dialects.RESPONSES, Dialects.modelCall("POST", "/v1/codex/responses"));
        assertNull(Dialects.modelCall("POST", "/v1/messages/count_tokens"));
        assertNull(Dialects.modelCall("POST", "/v1/responses/resp_1/cancel"));
        assertNull(Dialects.modelCall("GET", "/v1/messages"));
        assertTrue(Dialects.isResponsesPath("/backend-api/responses/resp_1"));
    }

    @Test
    void errorShapesAreTheOnesEachSdkReads() {
        assertEquals("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"m\"}}",
                text(Dialects.ANTHROPIC.errorJson("api_error", "m")));
        assertEquals("{\"error\":{\"message\":\"m\",\"type\":\"server_error\",\"param\":null,\"code\":\"timeout_error\"}}",
                text(Dialects.CHAT.errorJson("timeout_error", "m")));
        assertTrue(text(Dialects.ANTHROPIC.sseError("m")).startsWith("event: error\ndata: {\"type\":\"error\""));
        assertTrue(text(Dialects.CHAT.sseError("m")).startsWith("data: {\"error\":"));
        assertTrue(text(Dialects.RESPONSES.sseError("m")).startsWith("event: response.failed\ndata: {\"type\":\"response.failed\""));
        for (Dialect d : new Dialect[] {Dialects.ANTHROPIC, Dialects.CHAT, Dialects.RESPONSES}) {
            assertTrue(text(d.sseError("m")).endsWith("\n\n"), d + ": a complete event");
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
