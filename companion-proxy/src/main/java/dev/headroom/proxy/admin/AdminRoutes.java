package dev.headroom.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.ccr.RetrievalStore;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Health, stats, metrics and the dashboard (open), plus retrieve (loopback only). Compression over HTTP lives
 * in {@link CompressEndpoint}.
 */
public final class AdminRoutes {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ProxyConfig config;
    private final ProxyStats stats;
    private final SavingsRecorder savings;
    private final RetrievalStore store;
    private final String version;
    private final long started = System.currentTimeMillis();
    private final Map<String, java.util.function.Supplier<Object>> sections = new java.util.concurrent.ConcurrentHashMap<>();

    public AdminRoutes(ProxyConfig config, ProxyStats stats, SavingsRecorder savings, RetrievalStore store,
                       String version) {
        this.config = config;
        this.stats = stats;
        this.savings = savings;
        this.store = store;
        this.version = version;
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
        r.get("/v1/retrieve/stats", loopbackOnly(ctx -> {
            RetrievalStore.StoreStats s = store.stats();
            ctx.json(Map.of("entries", s.entries(), "chars", s.chars(), "hits", s.hits(), "misses", s.misses(),
                    "store", Map.of("entries", s.entries(), "chars", s.chars(), "hits", s.hits(), "misses", s.misses())));
        }));
        r.get("/v1/retrieve/{hash}", loopbackOnly(ctx -> retrieve(ctx, ctx.pathParam("hash"))));
        r.post("/v1/retrieve/tool_call", loopbackOnly(this::toolCall));
        r.post("/v1/retrieve", loopbackOnly(ctx -> {
            JsonNode body = readJson(ctx);
            retrieve(ctx, body == null ? "" : body.path("hash").asText(""));
        }));
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
        Map<String, Object> out = new LinkedHashMap<>(stats.snapshot());
        RetrievalStore.StoreStats s = store.stats();
        out.put("compression", Map.of("ccr_entries", s.entries(), "ccr_chars", s.chars(), "ccr_hits", s.hits(),
                "ccr_misses", s.misses()));
        out.put("persistent_savings", savings.persistent());
        sections.forEach((name, section) -> out.put(name, section.get()));
        out.put("version", version);
        return out;
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

    private void retrieve(Context ctx, String rawHash) {
        String hash = rawHash.trim().toLowerCase(Locale.ROOT);
        if (hash.startsWith("hash=")) {
            hash = hash.substring(5);
        }
        Optional<String> original = hash.matches("[0-9a-f]{8,64}") ? store.get(hash) : Optional.empty();
        stats.recordApiRetrieval(original.isPresent());
        if (original.isEmpty()) {
            ctx.status(404).json(Map.of("error", "no original for hash " + hash + " (unknown or expired)",
                    "hash", hash));
            return;
        }
        ctx.json(Map.of("hash", hash, "original_content", original.get(),
                "original_tokens", Math.round(original.get().length() / 3.5),
                "original_chars", original.get().length(), "tokens_estimated", true));
    }

    /**
     * Resolves a model's {@code headroom_retrieve} call for a client that runs its own tool loop. Accepts an
     * Anthropic {@code tool_use} block or an OpenAI tool call (optionally wrapped in {@code tool_call}) and answers
     * with the matching tool result.
     */
    private void toolCall(Context ctx) {
        JsonNode body = readJson(ctx);
        JsonNode call = body == null ? null : body.has("tool_call") ? body.get("tool_call") : body;
        if (call == null || !call.isObject()) {
            ctx.status(400).json(Map.of("error", "expected a JSON tool call"));
            return;
        }
        String provider = body.path("provider").asText(call.has("function") ? "openai" : "anthropic");
        String name = call.has("function") ? call.path("function").path("name").asText("") : call.path("name").asText("");
        JsonNode input = call.has("function") ? parseArgs(call.path("function").path("arguments"))
                : call.has("input") ? call.get("input") : parseArgs(call.path("arguments"));
        String id = call.path("id").asText(call.path("call_id").asText(""));
        if (!name.equals(dev.headroom.engine.ccr.RetrieveTool.NAME)) {
            ctx.json(Map.of("handled", false, "reason", "not a headroom_retrieve call"));
            return;
        }
        String hash = input == null ? "" : input.path("hash").asText("").trim().toLowerCase(Locale.ROOT);
        Optional<String> original = hash.matches("[0-9a-f]{8,64}") ? store.get(hash) : Optional.empty();
        stats.recordApiRetrieval(original.isPresent());
        String content = original.orElse("headroom: no original for hash " + hash + " (unknown or expired)");
        ObjectNode result = JSON.createObjectNode();
        if (provider.startsWith("openai")) {
            result.put("role", "tool");
            result.put("tool_call_id", id);
            result.put("content", content);
        } else {
            result.put("type", "tool_result");
            result.put("tool_use_id", id);
            result.put("content", content);
            if (original.isEmpty()) {
                result.put("is_error", true);
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("handled", true);
        out.put("success", original.isPresent());
        out.put("hash", hash);
        out.set("tool_result", result);
        ctx.json(out);
    }

    private static JsonNode parseArgs(JsonNode args) {
        if (args == null || args.isMissingNode() || args.isNull()) {
            return null;
        }
        if (args.isObject()) {
            return args;
        }
        try {
            return JSON.readTree(args.asText());
        } catch (IOException e) {
            return null;
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
