package dev.headroom.proxy;

import dev.headroom.proxy.support.FixedReplies;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;
import dev.headroom.proxy.support.ProxyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open streams cost no platform thread each by default (HEADROOM_PROXY_THREADS=virtual): 300 streams held open
 * through the proxy at once leave the JVM's platform thread count about where it was; with {@code platform} they
 * take one each, and a misspelt setting is refused before the proxy starts.
 */
class ThreadModelTest {

    private static final int STREAMS = 300;

    @TempDir
    Path home;

    @Test
    void openStreamsRunOnVirtualThreadsByDefault() throws Exception {
        int added = platformThreadsAddedByOpenStreams(Map.of());
        // Jetty's platform pool (64 at most), the carriers and the client's threads stay; none is per stream
        assertTrue(added < STREAMS / 2, added + " platform threads for " + STREAMS + " open streams");
    }

    @Test
    void platformThreadsCanBeChosenAndHoldAThreadPerStream() throws Exception {
        int added = platformThreadsAddedByOpenStreams(Map.of("HEADROOM_PROXY_THREADS", "platform"));
        assertTrue(added >= STREAMS * 3 / 4, added + " platform threads for " + STREAMS + " open streams");
    }

    @Test
    void aMisspeltThreadModelIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProxyConfig.fromEnvironment(Map.of("HEADROOM_PROXY_THREADS", "virtaul")));
        assertTrue(e.getMessage().contains("virtual or platform"), e.getMessage());
    }

    /** Live platform threads, less the shared fake upstream's own (a platform thread per open reply). */
    private static int proxyThreads() {
        int n = 0;
        for (var info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (!info.getThreadName().startsWith("fake-llm-upstream")) {
                n++;
            }
        }
        return n;
    }

    /** Holds {@link #STREAMS} streams open (each has sent one event), counts platform threads, then ends them all. */
    private int platformThreadsAddedByOpenStreams(Map<String, String> env) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeLlmUpstream upstream = FixedReplies.upstream();
        upstream.respond((r, ex) -> {
            ex.getResponseHeaders().set("content-type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("event: ping\ndata: {\"type\":\"ping\"}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            release.await(30, TimeUnit.SECONDS);
            out.write("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n".getBytes(StandardCharsets.UTF_8));
        });
        try (ProxyHarness h = new ProxyHarness(upstream, home, env, c -> c)) {
            h.get("/livez"); // the server's own threads are up before the count starts
            int before = proxyThreads();
            List<CompletableFuture<HttpResponse<InputStream>>> streams = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                streams.add(h.client.sendAsync(h.post("/v1/messages",
                        "{\"model\":\"claude-x\",\"stream\":true,\"max_tokens\":8,\"messages\":[]}")
                        .header("x-api-key", "sk-ant-test").build(), HttpResponse.BodyHandlers.ofInputStream()));
            }
            List<InputStream> bodies = new ArrayList<>();
            for (CompletableFuture<HttpResponse<InputStream>> f : streams) {
                HttpResponse<InputStream> r = f.get(30, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode());
                InputStream in = r.body();
                assertTrue(in.read() >= 0, "the first event arrives while the stream stays open");
                bodies.add(in);
            }
            int added = proxyThreads() - before;
            release.countDown();
            for (InputStream in : bodies) {
                String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(rest.contains("message_stop"), rest);
            }
            return added;
        }
    }
}
