package dev.headroom.proxy;

import dev.headroom.proxy.support.AnthropicSse;
import dev.headroom.proxy.support.Bodies;
import dev.headroom.proxy.support.ProxyHarness;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Callers that are not on loopback (reached over the machine's own non-loopback address) and leaving clients. */
class RemoteCallerTest {

    @TempDir
    Path home;

    static String nonLoopbackAddress() throws IOException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a.getHostAddress();
                }
            }
        }
        return null;
    }

    @Test
    void nonLoopbackCallersNeedTheProxyTokenAndNeverReachAdminEndpoints() throws Exception {
        String ip = nonLoopbackAddress();
        Assumptions.assumeTrue(ip != null, "no non-loopback IPv4 address on this machine");
        try (ProxyHarness h = new ProxyHarness(home, c -> c.withHost("0.0.0.0").withProxyToken("s3cret"))) {
            String base = "http://" + ip + ":" + h.proxy.port();
            HttpResponse<String> denied = h.client.send(HttpRequest.newBuilder(URI.create(base + "/v1/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString(Bodies.smallAnthropic(false))).header("x-api-key", "k").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, denied.statusCode());
            assertTrue(h.upstream.requests().isEmpty());
            HttpResponse<String> ok = h.client.send(HttpRequest.newBuilder(URI.create(base + "/v1/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString(Bodies.smallAnthropic(false))).header("x-api-key", "k")
                    .header("X-Headroom-Proxy-Token", "s3cret").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertEquals(null, h.upstream.last().header("x-headroom-proxy-token"), "the token stays in the proxy");
            HttpResponse<String> admin = h.client.send(HttpRequest.newBuilder(URI.create(base + "/v1/retrieve/stats"))
                    .header("X-Headroom-Proxy-Token", "s3cret").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, admin.statusCode(), "admin endpoints are loopback-only even with the token");
            HttpResponse<String> health = h.client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(!health.body().contains("\"config\""));
        }
    }

    @Test
    void aClientThatLeavesCancelsTheUpstreamCall() throws Exception {
        CountDownLatch upstreamSawClose = new CountDownLatch(1);
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            h.upstream.respond((req, ex) -> {
                ex.getResponseHeaders().set("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                try {
                    out.write(AnthropicSse.messageStart(1).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    for (int i = 0; i < 200; i++) {
                        Thread.sleep(50);
                        out.write(AnthropicSse.event("ping", "{\"type\":\"ping\"}").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException closed) {
                    upstreamSawClose.countDown();
                }
            });
            HttpResponse<InputStream> r = h.client.send(h.post("/v1/messages", Bodies.smallAnthropic(true))
                    .header("x-api-key", "k").build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                assertTrue(in.read(new byte[256]) > 0);
            }
            assertTrue(upstreamSawClose.await(8, TimeUnit.SECONDS), "the upstream connection was closed by the proxy");
        }
    }
}
