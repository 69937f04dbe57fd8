package dev.headroom.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.headroom.engine.ccr.RetrievalStore;
import dev.headroom.engine.format.JsonFactories;
import dev.headroom.proxy.ProxyConfig;
import dev.headroom.proxy.access.Loopback;
import dev.headroom.proxy.stats.ProxyStats;
import dev.headroom.proxy.stats.SavingsRecorder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health, stats, metrics and the dashboard (open), plus retrieve (loopback only). Compression over HTTP lives
 * in {@link CompressEndpoint}.
 */
public final class AdminRoutes {

    static final ObjectMapper JSON = new ObjectMapper(JsonFactories.pooled());

    private final ProxyConfig config;
    private final ProxyStats stats;
    private final SavingsRecorder savings;
    private final RetrievalStore store;
    private final String version;
    private final long started = System.currentTimeMillis();
    private final RetrieveEndpoint retrieve;
    private final Map<String, java.util.function.Supplier<Object>> sections = new java.util.concurrent.ConcurrentHashMap<>();

    public AdminRoutes(ProxyConfig config, ProxyStats stats, SavingsRecorder savings, RetrievalStore store,
                       String version) {
        this.config = config;
        this.stats = stats;
        this.savings = savings;
        this.store = store;
        this.version = version;
        this.retrieve = new RetrieveEndpoint(store, stats);
    }

    public void register(RoutesConfig r, CompressEndpoint compress) {
        r.get("/livez", ctx -> ctx.json(Map.of("service", "headroom-proxy", "status", "ok", "alive", true,
                "version", version, "timestamp", java.time.Instant.now().toString(), "uptime_seconds", uptime())));
        r.get("/readyz", this::health);
        r.get("/health", this::health);
        r.get("/stats", ctx -> ctx.json(statsJson()));
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(stats.registry().scrape()));
        r.get("/dashboard", this::dashboard);
        r.post("/v1/compress", loopbackOnly(compress::handle));
        r.get("/v1/retrieve/stats", loopbackOnly(retrieve::stats));
        r.get("/v1/retrieve/{hash}", loopbackOnly(retrieve::get));
        r.post("/v1/retrieve/tool_call", loopbackOnly(retrieve::toolCall));
        r.post("/v1/retrieve", loopbackOnly(retrieve::post));
    }

    static Handler loopbackOnly(Handler h) {
        return ctx -> {
            if (!Loopback.isLoopbackCaller(ctx)) {
                ctx.status(404).json(Map.of("error", "not found"));
                return;
            }
            h.handle(ctx);
        };
    }

    private long uptime() {
        return (System.currentTimeMillis() - started) / 1000;
    }

    private void health(Context ctx) {
        boolean storeOk;
        try {
            store.stats();
            storeOk = true;
        } catch (RuntimeException e) {
            storeOk = false;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", storeOk ? "healthy" : "unhealthy");
        out.put("ready", storeOk);
        out.put("service", "headroom-proxy");
        out.put("version", version);
        out.put("uptime_seconds", uptime());
        out.put("pid", ProcessHandle.current().pid());
        out.put("checks", Map.of("startup", "ok", "http_client", "ok", "store", storeOk ? "ok" : "failed"));
        if (Loopback.isLoopbackCaller(ctx)) {
            Map<String, Object> cfg = new LinkedHashMap<>();
            cfg.put("host", config.host());
            cfg.put("port", config.port());
            cfg.put("anthropic_api_url", config.anthropicUrl().toString());
            cfg.put("openai_api_url", config.openaiUrl().toString());
            cfg.put("chatgpt_api_url", config.chatgptUrl().toString());
            cfg.put("mode", config.mode().label());
            cfg.put("optimize", config.optimize());
            // The reference SDK's HealthStatus.config: this proxy has no response cache and no rate limiter.
            cfg.put("cache", false);
            cfg.put("rate_limit", false);
            cfg.put("headroom_home", config.home().dir().toString());
            cfg.put("log_file", config.logFile() == null ? null : config.logFile().toString());
            cfg.put("pid", ProcessHandle.current().pid());
            out.put("config", cfg);
        }
        ctx.status(storeOk || !ctx.path().equals("/readyz") ? 200 : 503).json(out);
    }

    /** Adds a top-level /stats object owned by another part of the proxy (e.g. {@code budget}). */
    public void addStatsSection(String name, java.util.function.Supplier<Object> section) {
        sections.put(name, section);
    }

    public Map<String, Object> statsJson() {
        // The sections first: in_flight read before the counters means that when it says 0, every exchange that
        // had started is in the counters below (read after, a stream that ended in between was missing from them).
        Map<String, Object> owned = new LinkedHashMap<>();
        sections.forEach((name, section) -> owned.put(name, section.get()));
        Map<String, Object> out = new LinkedHashMap<>(stats.snapshot());
        RetrievalStore.StoreStats s = store.stats();
        Map<String, Object> ccr = RetrieveEndpoint.storeJson(s);
        Map<String, Object> compression = new LinkedHashMap<>();
        compression.put("ccr_entries", s.entries());
        compression.put("ccr_chars", s.chars());
        compression.put("ccr_hits", s.hits());
        compression.put("ccr_misses", s.misses());
        // The names the reference SDK's ProxyStats.compression reads.
        compression.put("ccr_max_entries", ccr.get("max_entries"));
        compression.put("original_tokens_cached", ccr.get("original_tokens_cached"));
        compression.put("compressed_tokens_cached", ccr.get("compressed_tokens_cached"));
        compression.put("ccr_retrievals", s.hits());
        out.put("compression", compression);
        out.put("feedback_loop", feedbackLoop(out, s.hits()));
        // Sections of the reference's /stats this proxy has nothing to put in: present (SDK users index into
        // them) and empty. No separately timed pipeline stages, no waste detector.
        out.putIfAbsent("pipeline_timing", Map.of());
        out.putIfAbsent("waste_signals", Map.of());
        out.putIfAbsent("cost", Map.of());
        out.put("persistent_savings", savings.persistent());
        out.putAll(owned);
        out.put("version", version);
        return out;
    }

    /**
     * The reference's learning-loop summary from the counts this proxy has: compressed requests, and originals
     * found in the store (by the model's retrieve tool or the API). It tracks no per-tool patterns.
     */
    private static Map<String, Object> feedbackLoop(Map<String, Object> snapshot, long retrievals) {
        long compressions = nested(snapshot, "requests", "compressed");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tools_tracked", 0);
        m.put("total_compressions", compressions);
        m.put("total_retrievals", retrievals);
        m.put("global_retrieval_rate", compressions == 0 ? 0.0 : Math.round(1000.0 * retrievals / compressions) / 1000.0);
        return m;
    }

    private static long nested(Map<String, Object> m, String section, String key) {
        return m.get(section) instanceof Map<?, ?> inner && inner.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private void dashboard(Context ctx) throws IOException {
        try (InputStream in = AdminRoutes.class.getResourceAsStream("/dashboard/index.html")) {
            if (in == null) {
                ctx.status(404).result("no dashboard in this build");
                return;
            }
            ctx.contentType("text/html; charset=utf-8").result(in.readAllBytes());
        }
    }

    static JsonNode readJson(Context ctx) {
        try {
            return JSON.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            return null;
        }
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}
