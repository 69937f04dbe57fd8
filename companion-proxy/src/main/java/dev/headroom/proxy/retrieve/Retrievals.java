package dev.headroom.proxy.retrieve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.ccr.RetrievalStore;
import dev.headroom.proxy.forward.Exchange;

import java.util.List;
import java.util.Optional;

/** Builds the follow-up request of a retrieve round: the assistant turn, then the tool results from the store. */
final class Retrievals {

    private Retrievals() {
    }

    /**
     * @param assistantBlocks the model's blocks, client tool calls already removed
     * @param calls           the headroom_retrieve tool_use blocks (id, input.hash)
     * @return the follow-up body, or null when the messages array cannot be found
     */
    static byte[] followUp(byte[] body, List<ObjectNode> assistantBlocks, List<ObjectNode> calls,
                           RetrievalStore store, Exchange x) {
        ObjectNode assistant = AnthropicBlock.JSON.createObjectNode();
        assistant.put("role", "assistant");
        ArrayNode content = assistant.putArray("content");
        assistantBlocks.forEach(content::add);
        ObjectNode user = AnthropicBlock.JSON.createObjectNode();
        user.put("role", "user");
        ArrayNode results = user.putArray("content");
        for (ObjectNode call : calls) {
            String hash = call.path("input").path("hash").asText("").trim().toLowerCase(java.util.Locale.ROOT);
            if (hash.startsWith("hash=")) {
                hash = hash.substring(5);
            }
            Optional<String> original = hash.matches("[0-9a-f]{8,64}") ? store.get(hash) : Optional.empty();
            ObjectNode r = results.addObject();
            r.put("type", "tool_result");
            r.put("tool_use_id", call.path("id").asText(""));
            if (original.isPresent()) {
                r.put("content", original.get());
                x.retrievalsResolved++;
            } else {
                r.put("content", "headroom: no original for hash " + hash + " (unknown or expired); continue without it");
                r.put("is_error", true);
                x.retrievalsMissed++;
            }
        }
        return MessagesAppender.append(body, "messages", assistant.toString(), user.toString());
    }
}
