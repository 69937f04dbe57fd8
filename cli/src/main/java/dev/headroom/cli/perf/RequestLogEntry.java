package dev.headroom.cli.perf;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the proxy's request log ({@code --log-file}, JSON lines). Field names follow the proxy; the
 * reference's names are accepted too, and any field may be missing (NaN / -1 / empty then).
 *
 * <pre>{"ts": 1764170000000 | "2026-11-26T18:00:00Z", "request_id", "provider", "model", "client",
 *  "tokens_before" | "input_tokens_original", "tokens_after" | "input_tokens_optimized",
 *  "compression_ms", "overhead_ms", "ttfb_ms" (or the same under "latencies"; -1 = not measured),
 *  "cache_hit", "cache_read_tokens", "cache_write_tokens" | "cache_creation_tokens",
 *  "transforms": ["name", ...] | [{"name"|"transform", "tokens_saved"|"chars_saved"}] | "transforms_applied"}</pre>
 */
record RequestLogEntry(long ts, String model, long tokensBefore, long tokensAfter, double compressionMs,
                       double overheadMs, double ttfbMs, Boolean cacheHit, long cacheReadTokens, long cacheWriteTokens,
                       List<Transform> transforms) {

    /** A transform applied to the request, with what it saved when the log says. */
    record Transform(String name, long saved) {
    }

    long saved() {
        return tokensBefore < 0 || tokensAfter < 0 ? 0 : tokensBefore - tokensAfter;
    }

    static RequestLogEntry parse(JsonNode n) {
        JsonNode lat = n.path("latencies");
        Boolean hit = n.path("cache_hit").isBoolean() ? n.path("cache_hit").asBoolean() : null;
        long read = longOf(n, "cache_read_tokens", "cache_read_input_tokens");
        if (hit == null && read >= 0) {
            hit = read > 0;
        }
        return new RequestLogEntry(time(first(n, "ts", "timestamp", "time")), n.path("model").asText(""),
                longOf(n, "tokens_before", "input_tokens_original"), longOf(n, "tokens_after", "input_tokens_optimized"),
                doubleOf(n, lat, "compression_ms"), doubleOf(n, lat, "overhead_ms"), doubleOf(n, lat, "ttfb_ms"), hit, Math.max(0, read),
                Math.max(0, longOf(n, "cache_write_tokens", "cache_creation_tokens")), transforms(n));
    }

    private static List<Transform> transforms(JsonNode n) {
        JsonNode t = first(n, "transforms", "transforms_applied");
        List<Transform> out = new ArrayList<>();
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (x.isTextual()) {
                    out.add(new Transform(x.asText(), -1));
                } else if (x.isObject()) {
                    String name = first(x, "name", "transform").asText("unknown");
                    JsonNode saved = first(x, "tokens_saved", "saved");
                    out.add(new Transform(name, saved.isNumber() ? saved.asLong() : -1));
                }
            }
        } else if (t.isObject()) {
            t.fields().forEachRemaining(e -> out.add(new Transform(e.getKey(), e.getValue().isNumber() ? e.getValue().asLong() : -1)));
        }
        return out;
    }

    private static JsonNode first(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.path(name);
            if (!v.isMissingNode() && !v.isNull()) {
                return v;
            }
        }
        return n.path(names[0]);
    }

    private static long longOf(JsonNode n, String... names) {
        JsonNode v = first(n, names);
        return v.isNumber() ? v.asLong() : -1;
    }

    private static double doubleOf(JsonNode n, JsonNode latencies, String name) {
        JsonNode v = n.path(name).isNumber() ? n.path(name) : latencies.path(name);
        // The proxy logs -1 for a time it did not measure.
        return v.isNumber() && v.asDouble() >= 0 ? v.asDouble() : Double.NaN;
    }

    private static long time(JsonNode v) {
        if (v.isNumber()) {
            double d = v.asDouble();
            return d < 100_000_000_000L ? (long) (d * 1000) : (long) d;
        }
        if (v.isTextual()) {
            try {
                return java.time.Instant.parse(v.asText()).toEpochMilli();
            } catch (RuntimeException e) {
                return -1;
            }
        }
        return -1;
    }
}
