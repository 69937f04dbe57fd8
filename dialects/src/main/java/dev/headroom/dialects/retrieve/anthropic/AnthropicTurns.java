package dev.headroom.dialects.retrieve.anthropic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.dialects.Json;
import dev.headroom.dialects.retrieve.MessagesAppender;
import dev.headroom.dialects.retrieve.Originals;

import java.util.List;

/** The follow-up request of an Anthropic retrieve round: the assistant turn, then a user turn of tool results. */
final class AnthropicTurns {

    private AnthropicTurns() {
    }

    /**
     * @param assistantBlocks the model's blocks, client tool calls already removed (the model re-issues them)
     * @return the follow-up body, or null when the messages array cannot be found
     */
    static byte[] followUp(byte[] body, List<ObjectNode> assistantBlocks, List<Originals.Result> results) {
        ObjectNode assistant = Json.MAPPER.createObjectNode();
        assistant.put("role", "assistant");
        ArrayNode content = assistant.putArray("content");
        assistantBlocks.forEach(content::add);
        ObjectNode user = Json.MAPPER.createObjectNode();
        user.put("role", "user");
        ArrayNode out = user.putArray("content");
        for (Originals.Result r : results) {
            ObjectNode tr = out.addObject();
            tr.put("type", "tool_result");
            tr.put("tool_use_id", r.call().id());
            tr.put("content", r.text());
            if (!r.found()) {
                tr.put("is_error", true);
            }
        }
        return MessagesAppender.append(body, "messages", assistant.toString(), user.toString());
    }
}
