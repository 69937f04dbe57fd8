package dev.headroom.proxy;

import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.proxy.access.Loopback;
import dev.headroom.proxy.support.Bodies;
import dev.headroom.proxy.support.ProxyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin endpoints answer loopback callers only; the health and metrics endpoints are open. */
class AccessTest {

    @TempDir
    Path home;

    /** A raw request, so the test controls the Host header (the JDK client refuses to set it). */
    static String raw(int port, String method, String path, String host, String body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void retrieveAndCompressAnswerOnlyWhenPeerAndHostAreLoopback() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            int port = h.proxy.port();
            assertTrue(raw(port, "GET", "/v1/retrieve/stats", "127.0.0.1:" + port, "").startsWith("HTTP/1.1 200"));
            assertTrue(raw(port, "GET", "/v1/retrieve/stats", "evil.example:" + port, "").startsWith("HTTP/1.1 404"));
            assertTrue(raw(port, "POST", "/v1/compress", "attacker.test", "{\"messages\":[]}").startsWith("HTTP/1.1 404"));
            assertTrue(raw(port, "GET", "/health", "evil.example", "").startsWith("HTTP/1.1 200"));
            String health = raw(port, "GET", "/health", "evil.example", "");
            assertFalse(health.contains("\"config\""), "config only for loopback callers");
            assertTrue(raw(port, "GET", "/health", "localhost", "").contains("\"config\""));
        }
    }

    @Test
    void compressThenRetrieveOverHttp() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            String out = Bodies.esc(Bodies.bigToolOutput());
            String req = "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"errors?\"},"
                    + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Bash\",\"input\":{}}]},"
                    + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"" + out + "\"}]}]}";
            var r = h.send(h.post("/v1/compress", req));
            assertEquals(200, r.statusCode(), r.body());
            var json = CompressionTest.JSON.readTree(r.body());
            assertTrue(json.get("tokens_saved").asLong() > 0, r.body());
            String hash = json.get("ccr_hashes").get(0).asText();
            assertEquals(ContentHash.of(Bodies.bigToolOutput()), hash);
            var got = h.send(h.post("/v1/retrieve", "{\"hash\":\"" + hash + "\"}"));
            assertEquals(Bodies.bigToolOutput(), CompressionTest.JSON.readTree(got.body()).get("original_content").asText());
            assertEquals(200, h.get("/v1/retrieve/" + hash).statusCode());
            assertEquals(404, h.get("/v1/retrieve/0123456789abcdef01234567").statusCode());
            var tool = h.send(h.post("/v1/retrieve/tool_call", "{\"type\":\"tool_use\",\"id\":\"toolu_9\","
                    + "\"name\":\"headroom_retrieve\",\"input\":{\"hash\":\"" + hash + "\"}}"));
            var tr = CompressionTest.JSON.readTree(tool.body()).get("tool_result");
            assertEquals("toolu_9", tr.get("tool_use_id").asText());
            assertEquals(Bodies.bigToolOutput(), tr.get("content").asText());
            String metrics = h.get("/metrics").body();
            assertTrue(metrics.contains("headroom_tokens_saved_total"), metrics);
            assertTrue(metrics.contains("headroom_requests_total"), metrics);
            assertTrue(metrics.contains("# TYPE headroom_requests_in_flight gauge"), metrics);
        }
    }

    @Test
    void loopbackRecognition() {
        assertTrue(Loopback.isLoopbackHost("localhost:8787"));
        assertTrue(Loopback.isLoopbackHost("127.0.0.1"));
        assertTrue(Loopback.isLoopbackHost("[::1]:8787"));
        assertFalse(Loopback.isLoopbackHost("127.0.0.1.evil.example"));
        assertFalse(Loopback.isLoopbackHost(null));
        assertTrue(Loopback.isLoopbackAddress("::1"));
        assertFalse(Loopback.isLoopbackAddress("10.0.0.1"));
        assertFalse(Loopback.isLoopbackAddress("localhost"));
    }
}
