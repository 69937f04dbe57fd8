package dev.headroom.proxy.stats;

import dev.headroom.dialects.Usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.format.JsonFactories;

/**
 * Finds the usage object in one SSE event or one JSON response, whatever the provider. Only events whose text
 * mentions "usage" are parsed, so the relay pays almost nothing for the deltas in between.
 */
public final class UsageReader {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactories.pooled());

    private UsageReader() {
    }

    /** One SSE event's data (already joined), absorbed into {@code into}. */
    public static void fromEventData(String data, Usage into) {
        if (data == null || !data.contains("usage")) {
            return;
        }
        try {
            JsonNode n = JSON.readTree(data);
            into.absorb(n.get("usage"));                       // OpenAI chat chunk, Anthropic message_delta
            model(n, into);
            JsonNode message = n.get("message");               // Anthropic message_start
            if (message != null) {
                into.absorb(message.get("usage"));
                model(message, into);
            }
            JsonNode response = n.get("response");             // Responses response.completed
            if (response != null) {
                into.absorb(response.get("usage"));
                model(response, into);
            }
        } catch (Exception e) {
            // not JSON: usage is a side channel, the relay goes on
        }
    }

    private static void model(JsonNode n, Usage into) {
        JsonNode m = n.get("model");
        if (m != null && m.isTextual() && !m.asText().isBlank()) {
            into.model = m.asText();
        }
    }

    /** A whole non-streaming JSON response. */
    public static void fromJson(byte[] body, Usage into) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null) {
                into.absorb(n.get("usage"));
                model(n, into);
                JsonNode response = n.get("response");
                if (response != null) {
                    into.absorb(response.get("usage"));
                    model(response, into);
                }
            }
        } catch (Exception e) {
            // not JSON
        }
    }
}
