package dev.headroom.agent.bench;

import com.sun.net.httpserver.HttpServer;
import dev.headroom.agent.scenario.ScenarioBodies;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import javax.management.ObjectName;

/**
 * Per-request cost through java.net.http against an in-process loopback server: median of N non-LLM
 * requests (/upload) and N LLM requests (/v1/messages), after a warm-up. Run once with the agent
 * ({@code hosts=127.0.0.1}) and once without; prints one line each, plus the engine's own median-free
 * average time when the agent is present.
 */
public final class RequestTiming {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                in.readAllBytes();
            }
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("{}".getBytes());
            ex.close();
        });
        server.start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        byte[] body = ScenarioBodies.anthropicToolResult();
        time(client, base + "/upload", body, n); // warm-up
        time(client, base + "/v1/messages", body, n);
        double other = time(client, base + "/upload", body, n);
        double llm = time(client, base + "/v1/messages", body, n);
        String engine = "";
        ObjectName name = new ObjectName("dev.headroom:type=Agent");
        for (int i = 0; i < 30 && !ManagementFactory.getPlatformMBeanServer().isRegistered(name)
                && System.getProperty("agent") != null; i++) {
            Thread.sleep(100);
        }
        if (ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
            long nanos = (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(name, "EngineNanos");
            long seen = (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(name, "RequestsSeen");
            engine = String.format(" engine_mean_ms=%.3f", nanos / 1e6 / seen);
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        double heapMb = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        System.out.printf("non_llm_median_ms=%.3f llm_median_ms=%.3f%s heap_after_%d_llm_requests_mb=%.1f%n",
                other, llm, engine, 2 * n, heapMb);
        server.stop(0);
    }

    private static double time(HttpClient client, String url, byte[] body, int n) throws Exception {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            HttpRequest r = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long s = System.nanoTime();
            client.send(r, HttpResponse.BodyHandlers.discarding());
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        return t[n / 2] / 1e6;
    }
}
