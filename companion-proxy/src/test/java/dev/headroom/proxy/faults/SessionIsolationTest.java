package dev.headroom.proxy.faults;

import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.proxy.HeadroomProxy;
import dev.headroom.proxy.ProxyConfig;
import dev.headroom.proxy.support.Bodies;
import dev.headroom.testsupport.FakeLlmUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sticky retrieve tool stays within one session; an unrelated request with nothing compressed goes out as sent. */
class SessionIsolationTest {

    @TempDir
    Path home;

    private static String plain(String system, String firstMessage) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"system\":\"" + system + "\",\"tools\":[{\"name\":\"Bash\","
                + "\"description\":\"run\",\"input_schema\":{\"type\":\"object\"}}],\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + firstMessage + "\"}]}";
    }

    @Test
    void anotherClientWithTheSameModelAndSystemPromptGetsNoRetrieveTool() throws Exception {
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (FakeLlmUpstream up = FakeLlmUpstream.start(0);
             HeadroomProxy p = HeadroomProxy.start(ProxyConfig.fromEnvironment(Map.of()).withPort(0)
                     .withHome(HeadroomHome.of(home)).withAnthropicUrl(up.baseUrl()).withOpenaiUrl(up.baseUrl()))) {
            // client one: a compressible tool output, so markers and headroom_retrieve
            String one = Bodies.anthropicWithToolResult("shared", false);
            send(c, p, one);
            assertTrue(new String(up.requests().get(0).body(), StandardCharsets.UTF_8).contains("headroom_retrieve"));
            // client two: same model, same system prompt, same first message, nothing to compress
            String two = plain("You are a test agent shared", "list the services with errors");
            assertEquals(200, send(c, p, two).statusCode());
            assertArrayEquals(two.getBytes(StandardCharsets.UTF_8), up.requests().get(1).body(),
                    "nothing compressed and no marker history: forwarded byte for byte");
        }
    }

    @Test
    void theToolStaysStickyWithinAnExplicitSession() throws Exception {
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (FakeLlmUpstream up = FakeLlmUpstream.start(0);
             HeadroomProxy p = HeadroomProxy.start(ProxyConfig.fromEnvironment(Map.of()).withPort(0)
                     .withHome(HeadroomHome.of(home)).withAnthropicUrl(up.baseUrl()).withOpenaiUrl(up.baseUrl()))) {
            send(c, p, Bodies.anthropicWithToolResult("s", false), "x-headroom-session-id", "conv-1");
            send(c, p, plain("other", "hi"), "x-headroom-session-id", "conv-1");
            assertTrue(new String(up.requests().get(1).body(), StandardCharsets.UTF_8).contains("headroom_retrieve"),
                    "the same session keeps the tool (stable tools prefix for the prompt cache)");
            send(c, p, plain("other", "hi"), "x-headroom-session-id", "conv-2");
            assertTrue(!new String(up.requests().get(2).body(), StandardCharsets.UTF_8).contains("headroom_retrieve"),
                    "another session does not get it");
        }
    }

    private static HttpResponse<String> send(HttpClient c, HeadroomProxy p, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.port() + "/v1/messages"))
                .header("x-api-key", "k").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
