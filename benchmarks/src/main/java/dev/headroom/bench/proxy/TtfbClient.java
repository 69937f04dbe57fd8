package dev.headroom.bench.proxy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends streaming requests with a fixed number in flight and records the time to the first byte of each
 * response body (TTFB), the figure a streaming client feels.
 */
final class TtfbClient {

    private static final AtomicInteger TRACED_CALLS = new AtomicInteger();

    private TtfbClient() {
    }

    /** One request to send: where, what, and the headers besides content-type. */
    record Call(String url, byte[] body, Map<String, String> headers) {
        static final Map<String, String> ANTHROPIC = Map.of("x-api-key", "sk-ant-bench", "anthropic-version", "2023-06-01");
    }

    static List<Double> measure(String url, byte[] body, int concurrency, int requests) throws Exception {
        return measure(List.of(new Call(url, body, Call.ANTHROPIC)), concurrency, requests, new AtomicInteger());
    }

    static List<Double> measure(HttpClient client, String url, byte[] body, int concurrency, int requests) throws Exception {
        return measure(client, List.of(new Call(url, body, Call.ANTHROPIC)), concurrency, requests, new AtomicInteger());
    }

    static List<Double> measure(List<Call> calls, int concurrency, int requests) throws Exception {
        return measure(calls, concurrency, requests, new AtomicInteger());
    }

    /** A client of its own, closed at the end: every call opens new connections. */
    static List<Double> measure(List<Call> calls, int concurrency, int requests, AtomicInteger open) throws Exception {
        // closed at the end, as clients that come and go close theirs: left open, each round's connections stayed
        // idle in the proxy (and in nginx) for the rest of the run and the memory figures grew round by round
        try (HttpClient client = newClient()) {
            return measure(client, calls, concurrency, requests, open);
        }
    }

    /** An HTTP/1.1 client whose connections can be kept across calls, as an agent keeps its connections. */
    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Sends {@code requests} requests through {@code client}, taking {@code calls} in turn, with {@code concurrency}
     * in flight; {@code open} counts the responses being read at any moment (the open streams). With
     * {@code -Dttfb.trace=DIR} each call also writes DIR/call-N.txt: per request, its start (ms after the call began)
     * and its TTFB, to see where in a round the slow ones fall.
     */
    static List<Double> measure(HttpClient client, List<Call> calls, int concurrency, int requests, AtomicInteger open)
            throws Exception {
        List<Double> ttfbMillis = Collections.synchronizedList(new ArrayList<>());
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        long began = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Call call = calls.get(i % calls.size());
                String url = call.url();
                futures.add(pool.submit((Callable<Void>) () -> {
                    HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url))
                            .header("content-type", "application/json");
                    call.headers().forEach(rb::header);
                    HttpRequest req = rb.POST(HttpRequest.BodyPublishers.ofByteArray(call.body())).build();
                    long start = System.nanoTime();
                    HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
                    open.incrementAndGet();
                    try (InputStream in = resp.body()) {
                        if (in.read() < 0) {
                            throw new IllegalStateException("empty body from " + url);
                        }
                        long ttfb = System.nanoTime() - start;
                        ttfbMillis.add(ttfb / 1e6);
                        trace.add(String.format(Locale.ROOT, "%.3f %.3f", (start - began) / 1e6, ttfb / 1e6));
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    } finally {
                        open.decrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        String dir = System.getProperty("ttfb.trace");
        if (dir != null) {
            Files.write(Path.of(dir, "call-" + TRACED_CALLS.incrementAndGet() + ".txt"), trace);
        }
        return ttfbMillis;
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }
}
