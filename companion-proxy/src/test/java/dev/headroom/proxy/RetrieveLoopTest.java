package dev.headroom.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.proxy.support.AnthropicSse;
import dev.headroom.proxy.support.Bodies;
import dev.headroom.proxy.support.FixedReplies;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;
import dev.headroom.proxy.support.ProxyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model's headroom_retrieve calls are answered by the proxy; the client sees one ordinary message. */
class RetrieveLoopTest {

    @TempDir
    Path home;

    static String hashIn(String body) {
        Matcher m = Pattern.compile("headroom_retrieve hash=([0-9a-f]{24})").matcher(body);
        assertTrue(m.find(), "no marker in " + body);
        return m.group(1);
    }

    /** Round 1: text, a retrieve call and a client tool call; round 2 (after the tool result): the answer. */
    static void scripted(RecordedRequest req, com.sun.net.httpserver.HttpExchange ex) throws Exception {
        String body = req.bodyText();
        boolean followUp = body.contains("\"tool_use_id\":\"toolu_r1\"");
        boolean stream = body.contains("\"stream\":true");
        String events;
        String json;
        if (!followUp) {
            String hash = hashIn(body);
            events = AnthropicSse.messageStart(100) + AnthropicSse.textBlock(0, "Let me look.")
                    + AnthropicSse.toolUse(1, "toolu_r1", "headroom_retrieve", "{\"hash\":\"" + hash + "\"}")
                    + AnthropicSse.toolUse(2, "toolu_b1", "Bash", "{\"command\":\"ls\"}")
                    + AnthropicSse.end("tool_use", 30);
            json = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
                    + "\"text\":\"Let me look.\"},{\"type\":\"tool_use\",\"id\":\"toolu_r1\",\"name\":\"headroom_retrieve\","
                    + "\"input\":{\"hash\":\"" + hash + "\"}}],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":100,"
                    + "\"output_tokens\":30}}";
        } else {
            boolean sawOriginal = body.contains("processed batch 299");
            String answer = sawOriginal ? "Batch 299 is there." : "Original missing.";
            events = AnthropicSse.messageStart(200) + AnthropicSse.textBlock(0, answer) + AnthropicSse.end("end_turn", 12);
            json = "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
                    + "\"text\":\"" + answer + "\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":200,\"output_tokens\":12}}";
        }
        if (stream) {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(events.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            FakeLlmUpstream.send(ex, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void streamedRetrieveIsResolvedByTheProxyAndHiddenFromTheClient() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            h.upstream.respond(RetrieveLoopTest::scripted);
            HttpResponse<String> r = h.send(h.post("/v1/messages", Bodies.anthropicWithToolResult("r", true))
                    .header("x-api-key", "k"));
            assertEquals(200, r.statusCode());
            String sse = r.body();
            assertFalse(sse.contains("headroom_retrieve"), sse);
            assertFalse(sse.contains("toolu_b1"), "client tools of a retrieving turn are dropped: " + sse);
            assertEquals(1, count(sse, "event: message_start"), sse);
            assertEquals(1, count(sse, "event: message_stop"), sse);
            assertTrue(sse.contains("\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me look.\"}"), sse);
            assertTrue(sse.contains("\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"Batch 299 is there.\"}"), sse);
            assertTrue(sse.contains("\"stop_reason\":\"end_turn\""), sse);
            assertTrue(sse.contains("\"output_tokens\":42"), "usage summed over both rounds: " + sse);
            assertEquals(2, h.upstream.requests().size());
            byte[] first = h.upstream.requests().get(0).body();
            byte[] second = h.upstream.requests().get(1).body();
            String a = new String(first, StandardCharsets.UTF_8);
            String b = new String(second, StandardCharsets.UTF_8);
            int end = a.lastIndexOf("]}]}") + 2; // up to the last client message, before the messages array closes
            assertEquals(a.substring(0, end), b.substring(0, end), "the re-ask keeps the cached prefix byte-identical");
            assertTrue(b.contains("processed batch 299"));
            JsonNode stats = CompressionTest.JSON.readTree(h.get("/stats").body());
            assertEquals(1, stats.at("/retrieval/rounds").asLong(), stats.toString());
            assertEquals(1, stats.at("/retrieval/resolved").asLong(), stats.toString());
        }
    }

    @Test
    void nonStreamingRetrieveIsMergedIntoOneReply() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            h.upstream.respond(RetrieveLoopTest::scripted);
            HttpResponse<String> r = h.send(h.post("/v1/messages", Bodies.anthropicWithToolResult("j", false))
                    .header("x-api-key", "k"));
            assertEquals(200, r.statusCode());
            assertFalse(r.body().contains("headroom_retrieve"), r.body());
            JsonNode reply = CompressionTest.JSON.readTree(r.body());
            assertEquals("Let me look.", reply.at("/content/0/text").asText());
            assertEquals("Batch 299 is there.", reply.at("/content/1/text").asText());
            assertEquals("end_turn", reply.get("stop_reason").asText());
            assertEquals(42, reply.at("/usage/output_tokens").asLong());
            assertEquals(300, reply.at("/usage/input_tokens").asLong());
            assertTrue(Long.parseLong(r.headers().firstValue("x-headroom-tokens-saved").orElseThrow()) > 0);
        }
    }

    @Test
    void aReplyWithoutRetrieveCallsPassesThroughUnchanged() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            String events = AnthropicSse.messageStart(5) + AnthropicSse.toolUse(0, "toolu_x", "Bash", "{\"command\":\"ls\"}")
                    + AnthropicSse.end("tool_use", 9);
            h.upstream.respond((req, ex) -> {
                ex.getResponseHeaders().set("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(events.getBytes(StandardCharsets.UTF_8));
                }
            });
            HttpResponse<String> r = h.send(h.post("/v1/messages", Bodies.anthropicWithToolResult("p", true))
                    .header("x-api-key", "k"));
            assertEquals(events, r.body());
        }
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
