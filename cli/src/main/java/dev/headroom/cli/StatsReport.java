package dev.headroom.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;

import java.nio.charset.StandardCharsets;

/** The {@code --stats} report of {@code headroom compress}: exact token counts, named by their tokenizer. */
final class StatsReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CompressionResult result;
    private final TokenCounter counter;
    private final long tokensBefore;
    private final long tokensAfter;

    private StatsReport(CompressionResult result, TokenCounter counter, long before, long after) {
        this.result = result;
        this.counter = counter;
        this.tokensBefore = before;
        this.tokensAfter = after;
    }

    static StatsReport of(CompressionResult result, byte[] original) {
        TokenCounter counter = TokenCounters.forModel(result.model(), result.format() == WireFormat.ANTHROPIC);
        long before = counter.count(new String(original, StandardCharsets.UTF_8));
        long after = result.modified() ? counter.count(new String(result.body(), StandardCharsets.UTF_8)) : before;
        return new StatsReport(result, counter, before, after);
    }

    long tokensBefore() {
        return tokensBefore;
    }

    long tokensAfter() {
        return tokensAfter;
    }

    String tokenizer() {
        return counter.label();
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", result.format() == null ? "unknown" : result.format().label());
        root.put("model", result.model());
        root.put("tokenizer", counter.label());
        root.put("tokens_estimated", counter.estimate());
        root.put("tokens_before", tokensBefore);
        root.put("tokens_after", tokensAfter);
        root.put("tokens_saved", tokensBefore - tokensAfter);
        root.put("savings_percent", tokensBefore == 0 ? 0.0
                : Math.round(1000.0 * (tokensBefore - tokensAfter) / tokensBefore) / 10.0);
        root.put("bytes_before", result.units().isEmpty() && !result.modified() ? result.body().length : -1);
        root.put("modified", result.modified());
        root.put("retrieve_tool_injected", result.retrieveToolInjected());
        if (result.passthroughReason() != null) {
            root.put("passthrough_reason", result.passthroughReason());
        }
        root.put("elapsed_ms", Math.round(result.elapsedNanos() / 10_000.0) / 100.0);
        long unitsBefore = 0;
        long unitsAfter = 0;
        ArrayNode units = root.putArray("units");
        for (UnitReport u : result.units()) {
            int b = counter.count(u.original());
            int a = u.compressed() ? counter.count(u.result()) : b;
            unitsBefore += b;
            unitsAfter += a;
            ObjectNode n = units.addObject();
            n.put("index", u.index());
            n.put("tool", u.toolName());
            n.put("content_type", u.contentType());
            n.put("transform", u.transform());
            n.put("lossy", u.lossy());
            n.put("memo_hit", u.memoHit());
            n.put("chars_before", u.charsBefore());
            n.put("chars_after", u.charsAfter());
            n.put("tokens_before", b);
            n.put("tokens_after", a);
        }
        root.put("tool_output_tokens_before", unitsBefore);
        root.put("tool_output_tokens_after", unitsAfter);
        ArrayNode hashes = root.putArray("ccr_hashes");
        result.ccrHashes().forEach(hashes::add);
        root.remove("bytes_before");
        return root.toString();
    }
}
