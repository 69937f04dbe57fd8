package dev.headroom.proxy.retrieve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.ccr.RetrievalStore;
import dev.headroom.engine.ccr.RetrieveTool;
import dev.headroom.proxy.forward.Exchange;
import dev.headroom.proxy.plane.UpstreamCall;
import dev.headroom.proxy.stats.Usage;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Transparent retrieval for non-streaming Anthropic replies. A reply without headroom_retrieve calls goes to the
 * client byte for byte; otherwise the proxy resolves the calls, re-asks, and answers with one merged message
 * (earlier rounds' text and thinking first, usage summed, no headroom_retrieve block).
 */
final class AnthropicJsonLoop {

    private final RetrievalStore store;
    private final int maxRounds;

    AnthropicJsonLoop(RetrievalStore store, int maxRounds) {
        this.store = store;
        this.maxRounds = maxRounds;
    }

    void run(ClientStream client, Exchange x, UpstreamCall call, byte[] body,
             HttpResponse<InputStream> first, Map<String, String> extraHeaders) throws IOException {
        HttpResponse<InputStream> response = first;
        List<JsonNode> earlier = new ArrayList<>();
        Usage total = new Usage();
        for (int round = 0; ; round++) {
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = in.readAllBytes();
            }
            if (x.ttfbNanos < 0) {
                x.ttfbNanos = System.nanoTime() - x.startedNanos;
            }
            JsonNode reply = null;
            try {
                reply = AnthropicBlock.JSON.readTree(bytes);
            } catch (IOException notJson) {
                // relayed as is below
            }
            Usage u = new Usage();
            if (reply != null) {
                u.absorb(reply.path("usage"));
            }
            total.add(u);
            x.usage.add(u);
            List<ObjectNode> calls = new ArrayList<>();
            List<ObjectNode> assistant = new ArrayList<>();
            if (response.statusCode() == 200 && reply != null && reply.path("content").isArray()) {
                for (JsonNode b : reply.get("content")) {
                    boolean tool = b.path("type").asText().equals("tool_use");
                    if (tool && b.path("name").asText().equals(RetrieveTool.NAME)) {
                        calls.add((ObjectNode) b);
                        assistant.add((ObjectNode) b);
                    } else if (!tool) {
                        assistant.add((ObjectNode) b);
                    }
                }
            }
            if (calls.isEmpty() && round == 0) {
                // the common case: the reply goes through untouched
                x.status = response.statusCode();
                client.commit(response.statusCode(), response.headers(), extraHeaders);
                client.write(bytes);
                return;
            }
            byte[] next = calls.isEmpty() || round >= maxRounds ? null
                    : Retrievals.followUp(body, assistant, calls, store, x);
            if (next == null || response.statusCode() != 200) {
                x.status = response.statusCode();
                client.commit(response.statusCode(), response.headers(), extraHeaders);
                client.write(response.statusCode() == 200 && reply != null
                        ? merged(reply, earlier, total).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : bytes);
                return;
            }
            for (JsonNode b : reply.get("content")) {
                if (!b.path("type").asText().equals("tool_use")) {
                    earlier.add(b);
                }
            }
            x.retrieveRounds++;
            body = next;
            try {
                response = call.send(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The final reply with earlier rounds' visible blocks in front, retrieve calls removed, usage summed. */
    private static ObjectNode merged(JsonNode finalReply, List<JsonNode> earlier, Usage total) {
        ObjectNode out = (ObjectNode) finalReply.deepCopy();
        ArrayNode content = AnthropicBlock.JSON.createArrayNode();
        earlier.forEach(content::add);
        boolean clientTool = false;
        for (JsonNode b : finalReply.path("content")) {
            boolean tool = b.path("type").asText().equals("tool_use");
            if (tool && b.path("name").asText().equals(RetrieveTool.NAME)) {
                continue;
            }
            clientTool |= tool;
            content.add(b);
        }
        out.set("content", content);
        if (!clientTool && "tool_use".equals(out.path("stop_reason").asText())) {
            out.put("stop_reason", "end_turn");
        }
        ObjectNode usage = out.has("usage") && out.get("usage").isObject() ? (ObjectNode) out.get("usage")
                : out.putObject("usage");
        usage.put("input_tokens", total.input);
        usage.put("output_tokens", total.output);
        if (usage.has("cache_read_input_tokens")) {
            usage.put("cache_read_input_tokens", total.cacheRead);
        }
        if (usage.has("cache_creation_input_tokens")) {
            usage.put("cache_creation_input_tokens", total.cacheCreation);
        }
        return out;
    }
}
