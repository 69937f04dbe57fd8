package dev.headroom.dialects.retrieve.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.ccr.RetrieveTool;
import dev.headroom.dialects.Json;
import dev.headroom.dialects.retrieve.RetrieveCall;

import java.util.ArrayList;
import java.util.List;

/**
 * One content block of a streamed Anthropic message, rebuilt from its start and delta events so it can be sent
 * back to the model as part of the assistant turn, and (for held tool calls) replayed to the client later.
 */
final class AnthropicBlock {

    final int upstreamIndex;
    final ObjectNode block;
    final StringBuilder partialJson = new StringBuilder();
    final List<ObjectNode> heldEvents = new ArrayList<>();
    boolean held;

    AnthropicBlock(int upstreamIndex, JsonNode contentBlock) {
        this.upstreamIndex = upstreamIndex;
        this.block = contentBlock != null && contentBlock.isObject() ? ((ObjectNode) contentBlock).deepCopy()
                : Json.MAPPER.createObjectNode();
    }

    String type() {
        return block.path("type").asText("");
    }

    boolean isToolUse() {
        return type().equals("tool_use");
    }

    boolean isRetrieve() {
        return isToolUse() && block.path("name").asText("").equals(RetrieveTool.NAME);
    }

    /** Folds one {@code content_block_delta}'s delta into the block. */
    void apply(JsonNode delta) {
        switch (delta.path("type").asText("")) {
            case "text_delta" -> block.put("text", block.path("text").asText("") + delta.path("text").asText(""));
            case "thinking_delta" -> block.put("thinking", block.path("thinking").asText("")
                    + delta.path("thinking").asText(""));
            case "signature_delta" -> block.put("signature", block.path("signature").asText("")
                    + delta.path("signature").asText(""));
            case "input_json_delta" -> partialJson.append(delta.path("partial_json").asText(""));
            case "citations_delta" -> {
                if (!block.has("citations") || !block.get("citations").isArray()) {
                    block.putArray("citations");
                }
                ((com.fasterxml.jackson.databind.node.ArrayNode) block.get("citations")).add(delta.path("citation"));
            }
            default -> {
                // unknown delta kinds are replayed to the client as received; nothing to fold
            }
        }
    }

    /** The block as the assistant turn of a follow-up request carries it. */
    ObjectNode asContent() {
        ObjectNode out = block.deepCopy();
        if (partialJson.length() > 0) {
            try {
                out.set("input", Json.MAPPER.readTree(partialJson.toString()));
            } catch (Exception e) {
                out.putObject("input");
            }
        }
        return out;
    }

    /** The call this block makes, when it is a headroom_retrieve call. */
    RetrieveCall call() {
        return new RetrieveCall(block.path("id").asText(""), RetrieveCall.normalise(asContent().path("input").path("hash").asText("")));
    }
}
