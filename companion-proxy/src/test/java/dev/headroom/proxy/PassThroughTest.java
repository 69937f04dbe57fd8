package dev.headroom.proxy;

import dev.headroom.proxy.support.AnthropicSse;
import dev.headroom.proxy.support.Bodies;
import dev.headroom.proxy.support.FixedReplies;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;
import dev.headroom.proxy.support.ProxyHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassThroughTest {

    @TempDir
    Path home;
    ProxyHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new ProxyHarness(home, c -> c);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void untouchedBodyAndHeadersReachTheUpstreamByteForByte() throws Exception {
        String body = Bodies.smallAnthropic(false);
        HttpResponse<byte[]> r = h.client.send(h.post("/v1/messages?beta=true", body)
                .header("x-api-key", "sk-ant-secret").header("anthropic-version", "2023-06-01")
                .header("x-headroom-session-id", "s1").header("X-Custom", "kept").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        RecordedRequest up = h.upstream.last();
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), up.body());
        assertEquals("/v1/messages", up.path());
        assertEquals("beta=true", up.query());
        assertEquals("sk-ant-secret", up.header("x-api-key"));
        assertEquals("kept", up.header("x-custom"));
        assertNull(up.header("x-headroom-session-id"), "control headers stay in the proxy");
        assertEquals("req_fake", r.headers().firstValue("request-id").orElse(null));
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("Hello from the fake"));
        assertEquals("0", r.headers().firstValue("x-headroom-tokens-saved").orElse(null));
    }

    @Test
    void quietStreamsAreNotCutByJettysDefaultIdleTimeout() {
        assertTrue(h.proxy.idleTimeoutMillis() >= 10 * 60_000L, "idle timeout " + h.proxy.idleTimeoutMillis());
    }

    @Test
    void catchAllRoutesByAuthHeadersAndRootProbesAnswer() throws Exception {
        HttpResponse<String> models = h.send(HttpRequest.newBuilder(URI.create(h.url("/v1/models")))
                .header("authorization", "Bearer sk-openai").GET());
        assertEquals(200, models.statusCode());
        assertEquals("/v1/models", h.upstream.last().path());
        assertEquals("GET", h.upstream.last().method());
        HttpResponse<Void> head = h.client.send(HttpRequest.newBuilder(URI.create(h.url("/")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(200, h.get("/").statusCode());
    }

    @Test
    void gzipBodyIsForwardedAsSentWhenNothingChanges() throws Exception {
        byte[] plain = Bodies.smallAnthropic(false).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(gz)) {
            o.write(plain);
        }
        h.client.send(HttpRequest.newBuilder(URI.create(h.url("/v1/messages")))
                .header("content-encoding", "gzip").header("x-api-key", "k")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertArrayEquals(gz.toByteArray(), h.upstream.last().body());
        assertEquals("gzip", h.upstream.last().header("content-encoding"));
    }

    @Test
    void gzipBodyWithToolOutputIsDecodedCompressedAndSentPlain() throws Exception {
        byte[] plain = Bodies.anthropicWithToolResult("gz", false).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(gz)) {
            o.write(plain);
        }
        h.client.send(HttpRequest.newBuilder(URI.create(h.url("/v1/messages")))
                .header("content-encoding", "gzip").header("x-api-key", "k")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        RecordedRequest up = h.upstream.last();
        assertNull(up.header("content-encoding"));
        assertTrue(up.bodyText().contains("[headroom:"), up.bodyText());
    }

    @Test
    void zstdBodyWithToolOutputIsDecodedAndCompressed() throws Exception {
        byte[] plain = Bodies.anthropicWithToolResult("zstd", false).getBytes(StandardCharsets.UTF_8);
        byte[] z = com.github.luben.zstd.Zstd.compress(plain);
        h.client.send(HttpRequest.newBuilder(URI.create(h.url("/v1/messages")))
                .header("content-encoding", "zstd").header("x-api-key", "k")
                .POST(HttpRequest.BodyPublishers.ofByteArray(z)).build(), HttpResponse.BodyHandlers.ofString());
        assertNull(h.upstream.last().header("content-encoding"));
        assertTrue(h.upstream.last().bodyText().contains("[headroom:"));
    }

    @Test
    void sseIsRelayedEventByEventBeforeTheUpstreamFinishes() throws Exception {
        CountDownLatch clientSawFirst = new CountDownLatch(1);
        h.upstream.respond((req, ex) -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(AnthropicSse.messageStart(12).getBytes(StandardCharsets.UTF_8));
            out.flush();
            // the rest waits until the client has the first event: a buffering proxy would deadlock here
            if (!clientSawFirst.await(20, TimeUnit.SECONDS)) {
                out.close();
                return;
            }
            out.write((AnthropicSse.textBlock(0, "hi") + AnthropicSse.end("end_turn", 7)).getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        HttpResponse<InputStream> r = h.client.send(h.post("/v1/messages", Bodies.smallAnthropic(true))
                .header("x-api-key", "k").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertEquals("text/event-stream", r.headers().firstValue("content-type").orElse(""));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = r.body()) {
            byte[] buf = new byte[4096];
            String first = AnthropicSse.messageStart(12);
            while (got.size() < first.length()) {
                int n = in.read(buf);
                assertTrue(n > 0, "stream ended before the first event");
                got.write(buf, 0, n);
            }
            assertTrue(got.toString(StandardCharsets.UTF_8).startsWith(first));
            assertTrue(h.get("/stats").body().contains("\"in_flight\":1"), "the open stream is in flight");
            clientSawFirst.countDown();
            in.transferTo(got);
        }
        String expected = AnthropicSse.messageStart(12) + AnthropicSse.textBlock(0, "hi") + AnthropicSse.end("end_turn", 7);
        assertEquals(expected, got.toString(StandardCharsets.UTF_8), "every byte relayed unchanged");
        String stats = h.get("/stats").body();
        for (int i = 0; i < 200 && !stats.contains("\"in_flight\":0"); i++) {
            Thread.sleep(10); // the exchange's bookkeeping ends just after the client has the last byte
            stats = h.get("/stats").body();
        }
        assertTrue(stats.contains("\"in_flight\":0"), stats);
        assertTrue(stats.contains("\"output\":7"), stats);
        assertTrue(stats.contains("\"input\":12"), stats);
    }

    @Test
    void upstreamErrorsReachTheClientWithTheirStatusAndBody() throws Exception {
        for (int status : new int[] {429, 500, 529}) {
            String err = "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down " + status + "\"}}";
            h.upstream.respond((req, ex) -> FakeLlmUpstream.send(ex, status, "application/json",
                    err.getBytes(StandardCharsets.UTF_8), "retry-after", "7"));
            for (boolean stream : new boolean[] {false, true}) {
                HttpResponse<String> r = h.send(h.post("/v1/messages", Bodies.smallAnthropic(stream)).header("x-api-key", "k"));
                assertEquals(status, r.statusCode());
                assertEquals(err, r.body());
                assertEquals("7", r.headers().firstValue("retry-after").orElse(null));
            }
        }
    }

    @Test
    void unreachableUpstreamIsA502InTheProvidersShape() throws Exception {
        try (ProxyHarness dead = new ProxyHarness(home.resolve("dead"),
                c -> c.withAnthropicUrl("http://127.0.0.1:1"))) {
            HttpResponse<String> r = dead.send(dead.post("/v1/messages", Bodies.smallAnthropic(false)).header("x-api-key", "k"));
            assertEquals(502, r.statusCode());
            assertTrue(r.body().startsWith("{\"type\":\"error\",\"error\":{\"type\":\"api_error\""), r.body());
        }
    }

    @Test
    void malformedJsonIsForwardedUnchangedAndTheUpstreamAnswers() throws Exception {
        h.upstream.respond((req, ex) -> FakeLlmUpstream.send(ex, 400, "application/json",
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad json\"}}"
                        .getBytes(StandardCharsets.UTF_8)));
        String bad = "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}";
        HttpResponse<String> r = h.send(h.post("/v1/messages", bad).header("x-api-key", "k"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("bad json"));
        assertArrayEquals(bad.getBytes(StandardCharsets.UTF_8), h.upstream.last().body());
    }

    @Test
    void bodiesOverTheCapGet413() throws Exception {
        try (ProxyHarness small = new ProxyHarness(home.resolve("small"), c -> c.withMaxBodyBytes(1000))) {
            char[] big = new char[5000];
            Arrays.fill(big, 'x');
            HttpResponse<String> r = small.send(small.post("/v1/messages",
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new String(big) + "\"}]}")
                    .header("x-api-key", "k"));
            assertEquals(413, r.statusCode());
            assertTrue(small.upstream.requests().isEmpty());
        }
    }
}
