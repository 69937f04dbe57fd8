package dev.headroom.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.proxy.support.AnthropicSse;
import dev.headroom.proxy.support.Bodies;
import dev.headroom.proxy.support.FixedReplies;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;
import dev.headroom.proxy.support.ProxyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompressionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void toolOutputIsCompressedAtTheUpstreamWithRetrieveToolAndHeaders() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            String body = Bodies.anthropicWithToolResult("a", false);
            HttpResponse<String> r = h.send(h.post("/v1/messages", body).header("x-api-key", "k"));
            assertEquals(200, r.statusCode());
            String sent = h.upstream.last().bodyText();
            assertTrue(sent.length() < body.length() / 2, "upstream saw " + sent.length() + " of " + body.length());
            assertTrue(sent.contains("[headroom:") && sent.contains("headroom_retrieve hash="), sent);
            JsonNode tools = JSON.readTree(sent).get("tools");
            assertEquals("Bash", tools.get(0).get("name").asText());
            assertEquals("headroom_retrieve", tools.get(tools.size() - 1).get("name").asText());
            long saved = Long.parseLong(r.headers().firstValue("x-headroom-tokens-saved").orElseThrow());
            long before = Long.parseLong(r.headers().firstValue("x-headroom-tokens-before").orElseThrow());
            long after = Long.parseLong(r.headers().firstValue("x-headroom-tokens-after").orElseThrow());
            assertTrue(saved > 500, "saved " + saved);
            assertEquals(before - after, saved);
            // the client's answer is the upstream's, untouched
            assertTrue(r.body().contains("Hello from the fake"));
        }
    }

    @Test
    void aStreamsTokenFiguresAreSettledWhenItEndsNotBeforeItsFirstByte() throws Exception {
        Path log = home.resolve("logs/stream.jsonl");
        try (ProxyHarness h = new ProxyHarness(home, c -> c.withLogFile(log, false))) {
            String events = AnthropicSse.messageStart(12) + AnthropicSse.textBlock(0, "hi") + AnthropicSse.end("end_turn", 7);
            h.upstream.respond((req, ex) -> FakeLlmUpstream.send(ex, 200, "text/event-stream",
                    events.getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> r = h.send(h.post("/v1/messages", Bodies.anthropicWithToolResult("s", true))
                    .header("x-api-key", "k"));
            assertEquals(200, r.statusCode());
            assertEquals(events, r.body());
            assertTrue(h.upstream.last().bodyText().contains("[headroom:"), "compressed");
            assertTrue(r.headers().firstValue("x-headroom-tokens-saved").isEmpty(), "a stream does not wait for the counts");
            h.proxy.drain();
            JsonNode stats = JSON.readTree(h.get("/stats").body());
            assertTrue(stats.at("/tokens/saved").asLong() > 500, stats.toString());
            JsonNode line = JSON.readTree(Files.readAllLines(log).get(0));
            assertTrue(line.get("tokens_saved").asLong() > 500, line.toString());
            assertTrue(line.get("tokenizer").asText().startsWith("claude-estimate"), "counted, not the fallback: " + line);
        }
    }

    @Test
    void bypassHeadersForwardTheOriginalBytes() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            String body = Bodies.anthropicWithToolResult("b", false);
            for (String[] header : List.of(new String[] {"x-headroom-bypass", "true"},
                    new String[] {"x-headroom-mode", "passthrough"})) {
                h.send(h.post("/v1/messages", body).header("x-api-key", "k").header(header[0], header[1]));
                assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), h.upstream.last().body());
            }
        }
        try (ProxyHarness h = new ProxyHarness(home.resolve("n"), c -> c.withOptimize(false))) {
            String body = Bodies.anthropicWithToolResult("c", false);
            h.send(h.post("/v1/messages", body).header("x-api-key", "k"));
            assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), h.upstream.last().body());
        }
    }

    @Test
    void onceASessionHadMarkersEveryLaterTurnCarriesTheSameRetrieveTool() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            h.send(h.post("/v1/messages", Bodies.anthropicWithToolResult("s", false)).header("x-api-key", "k")
                    .header("x-headroom-session-id", "sess-1"));
            JsonNode first = JSON.readTree(h.upstream.last().body()).get("tools");
            String small = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"system\":\"x\","
                    + "\"tools\":[{\"name\":\"Bash\",\"description\":\"run\",\"input_schema\":{\"type\":\"object\"}}],"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"next turn\"}]}";
            h.send(h.post("/v1/messages", small).header("x-api-key", "k").header("x-headroom-session-id", "sess-1"));
            JsonNode later = JSON.readTree(h.upstream.last().body()).get("tools");
            assertEquals(first.toString(), later.toString(), "tools prefix byte-identical across turns");
            h.send(h.post("/v1/messages", small).header("x-api-key", "k").header("x-headroom-session-id", "other"));
            assertEquals(small, h.upstream.last().bodyText(), "a fresh session gets nothing injected");
        }
    }

    @Test
    void openAiChatAndResponsesAreCompressedToo() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            String out = Bodies.esc(Bodies.bigToolOutput());
            String chat = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"errors?\"},"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"shell\",\"arguments\":\"{}\"}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"" + out + "\"}]}";
            h.upstream.respond((req, ex) -> FakeLlmUpstream.send(ex, 200, "application/json",
                    "{\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":2,\"prompt_tokens_details\":{\"cached_tokens\":40}}}"
                            .getBytes(StandardCharsets.UTF_8)));
            h.send(h.post("/v1/chat/completions", chat).header("authorization", "Bearer sk-x"));
            assertTrue(h.upstream.last().bodyText().contains("[headroom:"));
            String responses = "{\"model\":\"gpt-5\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":\"errors?\"},"
                    + "{\"type\":\"function_call\",\"call_id\":\"c1\",\"name\":\"shell\",\"arguments\":\"{}\"},"
                    + "{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":\"" + out + "\"}]}";
            h.send(h.post("/v1/responses", responses).header("authorization", "Bearer sk-x"));
            assertTrue(h.upstream.last().bodyText().contains("[headroom:"));
            JsonNode stats = JSON.readTree(h.get("/stats").body());
            assertEquals(80, stats.at("/tokens/cache_read").asLong(), "two replies with 40 cached tokens each");
            assertEquals(2, stats.at("/requests/compressed").asLong(), stats.toString());
        }
    }

    @Test
    void savingsPersistAcrossARestartAndTheLogFileHoldsNoKeys() throws Exception {
        Path log = home.resolve("logs/requests.jsonl");
        long saved;
        try (ProxyHarness h = new ProxyHarness(home, c -> c.withLogFile(log, true))) {
            h.send(h.post("/v1/messages", Bodies.anthropicWithToolResult("p", false))
                    .header("x-api-key", "sk-ant-api03-SECRETKEY").header("authorization", "Bearer sk-ant-SECRET2"));
            h.send(h.post("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}")
                    .header("authorization", "Bearer sk-proj-SECRET3"));
            h.proxy.drain();
            JsonNode stats = JSON.readTree(h.get("/stats").body());
            saved = stats.at("/persistent_savings/lifetime/tokens_saved").asLong();
            assertTrue(saved > 500, stats.toString());
            assertEquals(stats.at("/tokens/saved").asLong(), saved);
        }
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            JsonNode stats = JSON.readTree(h.get("/stats").body());
            assertEquals(saved, stats.at("/persistent_savings/lifetime/tokens_saved").asLong(), stats.toString());
            assertEquals(2, stats.at("/persistent_savings/lifetime/requests").asLong(), stats.toString());
            assertFalse(stats.at("/persistent_savings/lifetime/last_activity").isNull());
            assertEquals(0, stats.at("/tokens/saved").asLong(), "in-process counters restart at zero");
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(2, lines.size(), String.join("\n", lines));
        String all = String.join("\n", lines);
        assertFalse(all.contains("SECRET"), "no credentials in the request log");
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("claude-sonnet-4-5", first.get("model").asText());
        assertTrue(first.get("tokens_saved").asLong() > 500);
        assertTrue(first.get("request_body").asText().contains("processed batch"), "--log-messages keeps bodies");
    }
}
