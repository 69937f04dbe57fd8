package dev.headroom.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.dialects.retrieve.Originals;
import dev.headroom.dialects.retrieve.RetrieveCall;
import dev.headroom.engine.ccr.RetrievalStore;
import dev.headroom.engine.ccr.RetrieveTool;
import dev.headroom.engine.format.JsonSpans;
import dev.headroom.proxy.stats.ProxyStats;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CCR retrieve API in the shapes the reference's SDKs read ({@code headroom-ai} {@code retrieve()},
 * {@code getCCRStats()}, {@code handleToolCall()}): {@code POST /v1/retrieve {hash[, query]}},
 * {@code GET /v1/retrieve/{hash}}, {@code GET /v1/retrieve/stats}, {@code POST /v1/retrieve/tool_call}.
 * The store keeps only hash → original, so what it cannot know (the tool's name, the compressed size) is
 * reported as null rather than made up.
 */
final class RetrieveEndpoint {

    /** How many search hits a query answer carries at most (the reference's default top-k is of this order). */
    private static final int MAX_SEARCH_RESULTS = 50;
    private static final int RECENT = 20;
    /** Per-hash API retrieval counts kept for {@code retrieval_count}; the oldest hashes fall out first. */
    private static final int COUNTED_HASHES = 10_000;

    private final RetrievalStore store;
    private final ProxyStats stats;
    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();
    private final Map<String, Long> counts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > COUNTED_HASHES;
        }
    };

    RetrieveEndpoint(RetrievalStore store, ProxyStats stats) {
        this.store = store;
        this.stats = stats;
    }

    void post(Context ctx) {
        JsonNode body = AdminRoutes.readJson(ctx);
        String query = body == null ? "" : body.path("query").asText("").trim();
        retrieve(ctx, body == null ? "" : body.path("hash").asText(""), query);
    }

    void get(Context ctx) {
        retrieve(ctx, ctx.pathParam("hash"), "");
    }

    void stats(Context ctx) {
        RetrievalStore.StoreStats s = store.stats();
        Map<String, Object> inner = storeJson(s);
        Map<String, Object> out = new LinkedHashMap<>();
        // The flat counts came first and stay for existing callers; "store" and "recent_retrievals" are the SDK's.
        out.put("entries", s.entries());
        out.put("chars", s.chars());
        out.put("hits", s.hits());
        out.put("misses", s.misses());
        out.put("store", inner);
        synchronized (recent) {
            out.put("recent_retrievals", new ArrayList<>(recent));
        }
        ctx.json(out);
    }

    /** The CCR store's counts as both /v1/retrieve/stats and /stats {@code compression} report them. */
    static Map<String, Object> storeJson(RetrievalStore.StoreStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entries", s.entries());
        m.put("chars", s.chars());
        m.put("hits", s.hits());
        m.put("misses", s.misses());
        m.put("max_entries", null); // bounded by characters and time-to-live, not by an entry count
        m.put("original_tokens_cached", estimateTokens(s.chars()));
        m.put("compressed_tokens_cached", null); // the store never sees the compressed text
        m.put("retrievals", s.hits());
        return m;
    }

    private void retrieve(Context ctx, String rawHash, String query) {
        String hash = RetrieveCall.normalise(rawHash);
        Optional<String> original = Originals.lookup(store, hash);
        stats.recordApiRetrieval(original.isPresent());
        if (original.isEmpty()) {
            ctx.status(404).json(Map.of("error", "no original for hash " + hash + " (unknown or expired)",
                    "hash", hash));
            return;
        }
        String text = original.get();
        List<Object> items = items(text);
        long count = countRetrieval(hash);
        if (!query.isEmpty()) {
            List<Object> hits = search(items, query);
            remember(hash, query, hits.size(), items.size(), "search");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("hash", hash);
            out.put("query", query);
            out.put("results", hits);
            out.put("count", hits.size());
            json(ctx, out);
            return;
        }
        remember(hash, null, items.size(), items.size(), "full");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hash", hash);
        out.put("original_content", text);
        out.put("original_tokens", estimateTokens(text.length()));
        out.put("original_chars", text.length());
        out.put("tokens_estimated", true);
        out.put("original_item_count", items.size());
        out.put("compressed_item_count", null);
        out.put("tool_name", null);
        out.put("retrieval_count", count);
        json(ctx, out);
    }

    /**
     * Writes {@code value} as JSON with any lone UTF-16 surrogate as its backslash-u escape: an original keeps the
     * exact text a client sent (Javalin's mapper, through a Java string, would send {@code ?}).
     */
    private static void json(Context ctx, Object value) {
        try {
            String text = JsonSpans.escapeLoneSurrogates(AdminRoutes.JSON.writeValueAsString(value));
            ctx.contentType("application/json").result(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Resolves a model's {@code headroom_retrieve} call for a client that runs its own tool loop. Accepts an
     * Anthropic {@code tool_use} block or an OpenAI tool call (optionally wrapped in {@code tool_call}) and answers
     * with the matching tool result.
     */
    void toolCall(Context ctx) {
        JsonNode body = AdminRoutes.readJson(ctx);
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
        if (!name.equals(RetrieveTool.NAME)) {
            ctx.json(Map.of("handled", false, "reason", "not a headroom_retrieve call"));
            return;
        }
        String hash = input == null ? "" : RetrieveCall.normalise(input.path("hash").asText(""));
        Optional<String> original = Originals.lookup(store, hash);
        stats.recordApiRetrieval(original.isPresent());
        if (original.isPresent()) {
            countRetrieval(hash);
            int n = items(original.get()).size();
            remember(hash, null, n, n, "tool_call");
        }
        String content = original.orElse("headroom: no original for hash " + hash + " (unknown or expired)");
        ObjectNode result = AdminRoutes.JSON.createObjectNode();
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
        ObjectNode out = AdminRoutes.JSON.createObjectNode();
        out.put("handled", true);
        out.put("success", original.isPresent());
        out.put("hash", hash);
        out.set("tool_result", result);
        ctx.json(out);
    }

    /** The reference's SDK counts tokens of originals; the store holds characters, so this is an estimate. */
    private static long estimateTokens(long chars) {
        return Math.round(chars / 3.5);
    }

    private long countRetrieval(String hash) {
        synchronized (counts) {
            return counts.merge(hash, 1L, Long::sum);
        }
    }

    private void remember(String hash, String query, int retrieved, int total, String type) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("hash", hash);
        r.put("query", query);
        r.put("items_retrieved", retrieved);
        r.put("total_items", total);
        r.put("tool_name", null);
        r.put("retrieval_type", type);
        r.put("timestamp", java.time.Instant.now().toString());
        synchronized (recent) {
            recent.addFirst(r);
            while (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
    }

    /** The original's items: the elements of a JSON array (what the row crusher omits), else its lines. */
    private static List<Object> items(String text) {
        String t = text.strip();
        if (t.startsWith("[")) {
            try {
                JsonNode n = AdminRoutes.JSON.readTree(t);
                if (n.isArray()) {
                    List<Object> out = new ArrayList<>(n.size());
                    n.forEach(out::add);
                    return out;
                }
            } catch (IOException e) {
                // not JSON after all: lines
            }
        }
        return new ArrayList<>(text.lines().toList());
    }

    /** Items naming any query term (case-insensitive), those matching more terms first, original order otherwise. */
    private static List<Object> search(List<Object> items, String query) {
        String[] terms = query.toLowerCase(Locale.ROOT).split("\\s+");
        List<Object> out = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        for (Object item : items) {
            String hay = (item instanceof JsonNode j ? j.toString() : item.toString()).toLowerCase(Locale.ROOT);
            int score = 0;
            for (String term : terms) {
                if (!term.isEmpty() && hay.contains(term)) {
                    score++;
                }
            }
            if (score > 0) {
                int at = 0;
                while (at < scores.size() && scores.get(at) >= score) {
                    at++;
                }
                out.add(at, item);
                scores.add(at, score);
            }
        }
        return out.size() > MAX_SEARCH_RESULTS ? new ArrayList<>(out.subList(0, MAX_SEARCH_RESULTS)) : out;
    }

    private static JsonNode parseArgs(JsonNode args) {
        if (args == null || args.isMissingNode() || args.isNull()) {
            return null;
        }
        if (args.isObject()) {
            return args;
        }
        try {
            return AdminRoutes.JSON.readTree(args.asText());
        } catch (IOException e) {
            return null;
        }
    }
}
