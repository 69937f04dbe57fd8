package dev.headroom.proxy.stats;


import dev.headroom.proxy.record.ExchangeRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * In-process counters since start: the JSON for {@code /stats} and the Prometheus registry for {@code /metrics}
 * are fed from the same {@link #record} call, so the two never disagree.
 */
public final class ProxyStats {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final long startedMillis = System.currentTimeMillis();
    private final LongAdder requests = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder compressed = new LongAdder();
    private final LongAdder bypassed = new LongAdder();
    private final LongAdder clientDisconnects = new LongAdder();
    private final Map<String, LongAdder> byProvider = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byModel = new ConcurrentHashMap<>();
    private final AtomicLong tokensBefore = new AtomicLong();
    private final AtomicLong tokensAfter = new AtomicLong();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();
    private final AtomicLong cacheRead = new AtomicLong();
    private final AtomicLong cacheWrite = new AtomicLong();
    private final LongAdder retrieveRounds = new LongAdder();
    private final LongAdder retrievalsResolved = new LongAdder();
    private final LongAdder retrievalsMissed = new LongAdder();
    private final LongAdder apiRetrievals = new LongAdder();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Percentiles overhead = new Percentiles(10_000);
    private final Percentiles ttfb = new Percentiles(10_000);
    private final Percentiles latency = new Percentiles(10_000);
    private final Timer overheadTimer;
    private final Timer ttfbTimer;
    private final Timer latencyTimer;
    private final Counter savedCounter;
    private final Counter beforeCounter;
    private final Counter afterCounter;

    public ProxyStats() {
        overheadTimer = Timer.builder("headroom_overhead").description("Time the proxy adds before calling upstream")
                .register(registry);
        ttfbTimer = Timer.builder("headroom_ttfb").description("Time to the first upstream byte relayed")
                .register(registry);
        latencyTimer = Timer.builder("headroom_request_duration").description("Whole proxied request, to the last byte")
                .register(registry);
        savedCounter = Counter.builder("headroom_tokens_saved").register(registry);
        beforeCounter = Counter.builder("headroom_tokens_before").register(registry);
        afterCounter = Counter.builder("headroom_tokens_after").register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public long startedMillis() {
        return startedMillis;
    }

    public void record(ExchangeRecord x) {
        requests.increment();
        String provider = x.provider() == null ? "none" : x.provider();
        String model = x.model() == null || x.model().isEmpty() ? "unknown" : x.model();
        byProvider.computeIfAbsent(provider, k -> new LongAdder()).increment();
        byModel.computeIfAbsent(model, k -> new LongAdder()).increment();
        counter("headroom_requests", "provider", provider, "model", model,
                "status", (x.status() / 100) + "xx").increment();
        if (x.status() >= 400 || x.status() == 0 || x.error() != null) {
            failed.increment();
        }
        if (x.compressed()) {
            compressed.increment();
        }
        if (x.skipReason() != null && x.skipReason().startsWith("bypass")) {
            bypassed.increment();
        }
        if (x.clientGone()) {
            clientDisconnects.increment();
        }
        if (x.engineRan() && x.succeeded()) {
            tokensBefore.addAndGet(x.tokensBefore());
            tokensAfter.addAndGet(x.tokensAfter());
            beforeCounter.increment(x.tokensBefore());
            afterCounter.increment(x.tokensAfter());
            savedCounter.increment(x.tokensSaved());
        }
        ExchangeRecord.UsageFigures u = x.usage();
        inputTokens.addAndGet(u.input());
        outputTokens.addAndGet(u.output());
        cacheRead.addAndGet(u.cacheRead());
        cacheWrite.addAndGet(u.cacheCreation());
        counter("headroom_usage_tokens", "provider", provider, "kind", "input").increment(u.input());
        counter("headroom_usage_tokens", "provider", provider, "kind", "output").increment(u.output());
        counter("headroom_usage_tokens", "provider", provider, "kind", "cache_read").increment(u.cacheRead());
        counter("headroom_usage_tokens", "provider", provider, "kind", "cache_write").increment(u.cacheCreation());
        retrieveRounds.add(x.retrieveRounds());
        retrievalsResolved.add(x.retrievalsResolved());
        retrievalsMissed.add(x.retrievalsMissed());
        counter("headroom_retrievals", "source", "model").increment(x.retrievalsResolved());
        if (x.overheadNanos() >= 0) {
            overhead.add(x.overheadNanos() / 1e6);
            overheadTimer.record(Duration.ofNanos(x.overheadNanos()));
        }
        if (x.ttfbNanos() >= 0) {
            ttfb.add(x.ttfbNanos() / 1e6);
            ttfbTimer.record(Duration.ofNanos(x.ttfbNanos()));
        }
        if (x.totalNanos() >= 0) {
            latency.add(x.totalNanos() / 1e6);
            latencyTimer.record(Duration.ofNanos(x.totalNanos()));
        }
    }

    /**
     * The registry's counter for these tags, looked up in a map of our own first: the registry builds and hashes a
     * meter id on every lookup, six of them per request, which showed in the proxy's profile under load.
     */
    private Counter counter(String name, String... tags) {
        String key = name + '\u0000' + String.join("\u0000", tags);
        Counter c = counters.get(key);
        if (c == null) {
            c = counters.computeIfAbsent(key, k -> registry.counter(name, tags));
        }
        return c;
    }

    /** A retrieve through the HTTP API ({@code /v1/retrieve}), not through the model. */
    public void recordApiRetrieval(boolean hit) {
        apiRetrievals.increment();
        registry.counter("headroom_retrievals", "source", "api", "hit", String.valueOf(hit)).increment();
    }

    /** The in-process part of /stats (persistent savings are added by the caller). */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new TreeMap<>();
        long before = tokensBefore.get();
        long after = tokensAfter.get();
        // cached, rate_limited and cli_tokens_avoided are the reference SDK's fields: this proxy has no response
        // cache, no rate limiter and no CLI output filter, so they stay 0.
        out.put("requests", Map.of("total", requests.sum(), "failed", failed.sum(), "compressed", compressed.sum(),
                "bypassed", bypassed.sum(), "client_disconnects", clientDisconnects.sum(),
                "by_provider", sums(byProvider), "by_model", sums(byModel), "cached", 0L, "rate_limited", 0L));
        Map<String, Object> tokens = new TreeMap<>(Map.of("before", before, "after", after, "saved", before - after,
                "total_before_compression", before,
                "savings_percent", before == 0 ? 0.0 : round(100.0 * (before - after) / before),
                "input", inputTokens.get(), "output", outputTokens.get(),
                "cache_read", cacheRead.get(), "cache_write", cacheWrite.get()));
        tokens.put("cli_tokens_avoided", 0L);
        out.put("tokens", tokens);
        out.put("overhead", latency(overhead, overheadTimer));
        out.put("ttfb", latency(ttfb, ttfbTimer));
        out.put("latency", latency(latency, latencyTimer));
        out.put("retrieval", Map.of("rounds", retrieveRounds.sum(), "resolved", retrievalsResolved.sum(),
                "missed", retrievalsMissed.sum(), "api_calls", apiRetrievals.sum()));
        out.put("uptime_seconds", (System.currentTimeMillis() - startedMillis) / 1000);
        return out;
    }

    private static Map<String, Long> sums(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Percentiles of the retained samples plus the reference's average/min/max (the mean over all samples). */
    private static Map<String, Object> latency(Percentiles p, Timer t) {
        return Map.of("count", p.count(), "p50_ms", round(p.percentile(50)), "p90_ms", round(p.percentile(90)),
                "p99_ms", round(p.percentile(99)), "average_ms", round(t.mean(TimeUnit.MILLISECONDS)),
                "min_ms", round(p.percentile(0)), "max_ms", round(p.percentile(100)));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
