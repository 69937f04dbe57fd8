package dev.headroom.bench.proxy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    private TtfbClient() {
    }

    /** One request to send: where, what, and the headers besides content-type. */
    record Call(String url, byte[] body, Map<String, String> headers) {
        static final Map<String, String> ANTHROPIC = Map.of("x-api-key", "sk-ant-bench", "anthropic-version", "2023-06-01");
    }

    static List<Double> measure(String url, byte[] body, int concurrency, int requests) throws Exception {
        return measure(List.of(new Call(url, body, Call.ANTHROPIC)), concurrency, requests, new AtomicInteger());
    }

    static List<Double> measure(List<Call> calls, int concurrency, int requests) throws Exception {
        return measure(calls, concurrency, requests, new AtomicInteger());
    }

    /**
     * Sends {@code requests} requests, taking {@code calls} in turn, with {@code concurrency} in flight; {@code open}
     * counts the responses being read at any moment (the open streams).
     */
    static List<Double> measure(List<Call> calls, int concurrency, int requests, AtomicInteger open) throws Exception {
        List<Double> ttfbMillis = Collections.synchronizedList(new ArrayList<>());
        // closed at the end, as clients that come and go close theirs: left open, each round's connections stayed
        // idle in the proxy (and in nginx) for the rest of the run and the memory figures grew round by round
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
             ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
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
                        ttfbMillis.add((System.nanoTime() - start) / 1e6);
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
        return ttfbMillis;
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }
}
