package dev.headroom.dialects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Token usage as the provider reported it, read on the side of a relayed response. Knows the Anthropic
 * ({@code input_tokens}, {@code cache_read_input_tokens}, {@code cache_creation_input_tokens}) and OpenAI
 * ({@code prompt_tokens}/{@code input_tokens}, {@code *_tokens_details.cached_tokens}) spellings. Later reports
 * overwrite earlier ones field by field (Anthropic's {@code message_delta} carries the final output count).
 */
public final class Usage {
    public long input;
    public long output;
    public long cacheRead;
    public long cacheCreation;
    public boolean seen;
    /** The model the provider says answered (prices the budget when the request's model was not read). */
    public String model;

    /** Reads a provider {@code usage} object. */
    public void absorb(JsonNode u) {
        if (u == null || !u.isObject()) {
            return;
        }
        seen = true;
        input = pick(u, input, "input_tokens", "prompt_tokens");
        output = pick(u, output, "output_tokens", "completion_tokens");
        cacheRead = pick(u, cacheRead, "cache_read_input_tokens");
        cacheCreation = pick(u, cacheCreation, "cache_creation_input_tokens");
        for (String details : new String[] {"prompt_tokens_details", "input_tokens_details"}) {
            JsonNode d = u.get(details);
            if (d != null && d.has("cached_tokens")) {
                cacheRead = d.get("cached_tokens").asLong();
            }
        }
    }

    /** Adds another round's usage (the transparent retrieve loop sums its upstream calls). */
    public void add(Usage o) {
        input += o.input;
        output += o.output;
        cacheRead += o.cacheRead;
        cacheCreation += o.cacheCreation;
        seen |= o.seen;
        model = model == null ? o.model : model;
    }

    private static long pick(JsonNode u, long current, String... names) {
        for (String n : names) {
            JsonNode v = u.get(n);
            if (v != null && v.isNumber()) {
                return v.asLong();
            }
        }
        return current;
    }
}
