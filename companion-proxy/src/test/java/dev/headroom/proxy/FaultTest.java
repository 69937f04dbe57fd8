package dev.headroom.proxy;

import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.proxy.support.Bodies;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults from the shared fake upstream: dropped streams, error statuses, a client that leaves early. */
class FaultTest {

    @TempDir
    Path home;
    FakeLlmUpstream up;
    HeadroomProxy proxy;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        up = FakeLlmUpstream.start(0);
        proxy = HeadroomProxy.start(ProxyConfig.fromEnvironment(Map.of()).withPort(0).withHome(HeadroomHome.of(home))
                .withAnthropicUrl(up.baseUrl()).withOpenaiUrl(up.baseUrl()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        up.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("content-type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anthropicStreamDroppedMidWayEndsWithAWellFormedErrorEvent() throws Exception {
        up.faultNext(Fault.dropAfterEvents(2));
        HttpResponse<String> r = post("/v1/messages", Bodies.smallAnthropic(true), "x-api-key", "k");
        assertEquals(200, r.statusCode());
        String body = r.body();
        assertTrue(body.startsWith("event: message_start"), body);
        assertTrue(body.endsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
                + "\"message\":\"headroom: the upstream connection failed mid-stream (" + body.substring(
                body.lastIndexOf("mid-stream (") + 12, body.lastIndexOf("); the")) + "); the response is incomplete\"}}\n\n"), body);
        assertTrue(!body.contains("message_stop"), body);
        // every event before the error is complete
        String before = body.substring(0, body.lastIndexOf("event: error"));
        assertTrue(before.endsWith("\n\n"));
    }

    @Test
    void responsesStreamDroppedMidWayEndsWithResponseFailed() throws Exception {
        up.faultNext(Fault.dropAfterEvents(2));
        HttpResponse<String> r = post("/v1/responses",
                "{\"model\":\"gpt-5\",\"stream\":true,\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":\"hi\"}]}",
                "authorization", "Bearer sk-test");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("event: response.failed\ndata: {\"type\":\"response.failed\""), r.body());
        assertTrue(r.body().endsWith("\n\n"));
    }

    @Test
    void upstream529IsForwardedNotRetriedIntoA200() throws Exception {
        up.faultNext(Fault.status(529));
        HttpResponse<String> r = post("/v1/messages", Bodies.smallAnthropic(true), "x-api-key", "k");
        assertEquals(529, r.statusCode());
        assertEquals(Fault.status(529).errorBody(true), r.body());
        assertEquals(1, up.requests().size());
    }

    @Test
    void clientLeavingEarlyIsCountedAndTheProxyKeepsServing() throws Exception {
        up.faultNext(Fault.slowStream(300));
        HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + proxy.port() + "/v1/messages"))
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.smallAnthropic(true)))
                .header("x-api-key", "k").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            assertTrue(in.read(new byte[64]) > 0);
        }
        // the next request is served normally
        HttpResponse<String> ok = post("/v1/messages", Bodies.smallAnthropic(false), "x-api-key", "k");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("Hello"), ok.body());
        String stats = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/stats"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!stats.contains("\"client_disconnects\":1") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            stats = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/stats"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        assertTrue(stats.contains("\"client_disconnects\":1"), stats);
        assertTrue(new String(new byte[0], StandardCharsets.UTF_8).isEmpty());
    }
}
