package dev.headroom.dialects.retrieve.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.dialects.Json;
import dev.headroom.dialects.Usage;
import dev.headroom.dialects.retrieve.JsonRounds;
import dev.headroom.dialects.retrieve.Originals;
import dev.headroom.dialects.retrieve.RetrieveCall;
import dev.headroom.engine.ccr.RetrieveTool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic retrieve rounds on JSON replies: the calls are {@code tool_use} blocks named headroom_retrieve; the
 * answer is the final message with earlier rounds' text and thinking in front, no retrieve block, usage summed.
 */
public final class AnthropicJsonRounds implements JsonRounds {

    private record Parsed(JsonNode reply, List<RetrieveCall> calls, Usage usage) implements Reply {
    }

    private final List<JsonNode> earlier = new ArrayList<>();

    @Override
    public Reply parse(byte[] body) {
        JsonNode reply;
        try {
            reply = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (reply == null || !reply.isObject()) {
            return null;
        }
        Usage u = new Usage();
        u.absorb(reply.path("usage"));
        List<RetrieveCall> calls = new ArrayList<>();
        for (JsonNode b : reply.path("content")) {
            if (isRetrieve(b)) {
                calls.add(new RetrieveCall(b.path("id").asText(""), RetrieveCall.normalise(b.path("input").path("hash").asText(""))));
            }
        }
        return new Parsed(reply, calls, u);
    }

    private static boolean isRetrieve(JsonNode b) {
        return b.path("type").asText().equals("tool_use") && b.path("name").asText().equals(RetrieveTool.NAME);
    }

    @Override
    public byte[] followUp(byte[] request, Reply reply, List<Originals.Result> results) {
        JsonNode r = ((Parsed) reply).reply();
        List<ObjectNode> assistant = new ArrayList<>();
        for (JsonNode b : r.path("content")) {
            boolean tool = b.path("type").asText().equals("tool_use");
            if (b.isObject() && (!tool || isRetrieve(b))) {
                assistant.add((ObjectNode) b);
            }
        }
        byte[] next = AnthropicTurns.followUp(request, assistant, results);
        if (next != null) {
            for (JsonNode b : r.path("content")) {
                if (!b.path("type").asText().equals("tool_use")) {
                    earlier.add(b);
                }
            }
        }
        return next;
    }

    @Override
    public byte[] merge(Reply last, Usage total) {
        JsonNode finalReply = ((Parsed) last).reply();
        ObjectNode out = finalReply.deepCopy();
        ArrayNode content = Json.MAPPER.createArrayNode();
        earlier.forEach(content::add);
        boolean clientTool = false;
        for (JsonNode b : finalReply.path("content")) {
            if (isRetrieve(b)) {
                continue;
            }
            clientTool |= b.path("type").asText().equals("tool_use");
            content.add(b);
        }
        out.set("content", content);
        if (!clientTool && "tool_use".equals(out.path("stop_reason").asText())) {
            out.put("stop_reason", "end_turn"); // only retrieve calls were made, and they are never shown
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
        return Json.utf8(out.toString());
    }
}
