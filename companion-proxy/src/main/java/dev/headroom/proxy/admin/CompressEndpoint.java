package dev.headroom.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;
import dev.headroom.proxy.record.ExchangeRecord;
import dev.headroom.proxy.record.ExchangeRecorder;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code POST /v1/compress} {@code {messages, model}} → {@code {messages, tokens_before, tokens_after, tokens_saved,
 * compression_ratio, transforms_applied, ccr_hashes}}, the shape the reference's SDKs expect. Counts feed /stats,
 * /metrics and the ledger like proxied requests do.
 */
public final class CompressEndpoint {

    private final HeadroomEngine engine;
    private final Consumer<ExchangeRecord> onDone;

    public CompressEndpoint(HeadroomEngine engine, Consumer<ExchangeRecord> onDone) {
        this.engine = engine;
        this.onDone = onDone;
    }

    public void handle(Context ctx) throws IOException {
        JsonNode in = AdminRoutes.readJson(ctx);
        if (in == null || !in.path("messages").isArray()) {
            // {error: {type, message}} is what the reference SDK turns into a thrown HeadroomCompressError(400).
            error(ctx, 400, "invalid_request_error", "expected JSON {\"messages\": [...], \"model\": \"...\"}");
            return;
        }
        String model = in.path("model").asText("");
        boolean openai = model.startsWith("gpt") || model.startsWith("o1") || model.startsWith("o3")
                || model.startsWith("o4") || hasOpenAiShapes(in.get("messages"));
        WireFormat format = openai ? WireFormat.OPENAI_CHAT : WireFormat.ANTHROPIC;
        ObjectNode request = AdminRoutes.JSON.createObjectNode();
        request.put("model", model);
        request.set("messages", in.get("messages"));
        byte[] body = AdminRoutes.JSON.writeValueAsBytes(request);
        CompressionResult r;
        try {
            r = engine.compress(body, RequestOptions.defaults().withFormat(format));
        } catch (RuntimeException e) {
            // A 5xx lets the SDK retry and then fall back to the uncompressed messages (fail-open).
            error(ctx, 500, "compression_error", "compression failed: " + e);
            return;
        }
        TokenCounter counter = TokenCounters.forModel(model, format == WireFormat.ANTHROPIC);
        long before = r.unitTokensBefore(counter);
        long after = r.unitTokensAfter(counter);
        JsonNode messages = in.get("messages");
        if (r.modified()) {
            messages = AdminRoutes.JSON.readTree(r.body()).get("messages");
        }
        Set<String> transforms = new LinkedHashSet<>();
        for (UnitReport u : r.units()) {
            if (u.compressed()) {
                transforms.add(u.transform().toLowerCase(Locale.ROOT));
            }
        }
        ObjectNode out = AdminRoutes.JSON.createObjectNode();
        out.set("messages", messages);
        out.put("tokens_before", before);
        out.put("tokens_after", after);
        out.put("tokens_saved", before - after);
        out.put("compression_ratio", before == 0 ? 1.0 : (double) after / before);
        var t = out.putArray("transforms_applied");
        transforms.forEach(t::add);
        var h = out.putArray("ccr_hashes");
        r.ccrHashes().forEach(h::add);
        out.put("tokenizer", counter.label());
        out.put("tokens_estimated", counter.estimate());
        ctx.json(out);

        ExchangeRecorder x = new ExchangeRecorder(UUID.randomUUID().toString());
        x.route("POST", "/v1/compress", openai ? "openai" : "anthropic");
        x.status(200);
        x.engineRan(model, body.length, r.body().length, r.modified());
        x.figures(before, after, counter.label());
        transforms.forEach(x::transform);
        x.ccrHashes(r.ccrHashes());
        onDone.accept(x.finish());
    }

    private static void error(Context ctx, int status, String type, String message) {
        ctx.status(status).json(java.util.Map.of("error", java.util.Map.of("type", type, "message", message)));
    }

    private static boolean hasOpenAiShapes(JsonNode messages) {
        for (JsonNode m : messages) {
            if (m.path("role").asText().equals("tool") || m.has("tool_calls")) {
                return true;
            }
        }
        return false;
    }
}
