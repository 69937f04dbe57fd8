package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic Messages replies: the JSON message and the SSE sequence Claude Code 2.1.332 accepts
 * (message_start, content_block_start, ping, content_block_delta, content_block_stop, message_delta, message_stop).
 */
final class AnthropicReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicReplies() {
    }

    static String json(Reply reply, String model, long seq, Usage usage) {
        ObjectNode msg = message(model, seq, usage, false);
        ObjectNode block = msg.putArray("content").addObject();
        if (reply.isToolCall()) {
            block.put("type", "tool_use").put("id", toolId(seq)).put("name", reply.toolName());
            block.set("input", reply.toolArguments());
        } else {
            block.put("type", "text").put("text", reply.text());
        }
        msg.put("stop_reason", reply.isToolCall() ? "tool_use" : "end_turn");
        return msg.toString();
    }

    static List<SseEvent> events(Reply reply, String model, long seq, Usage usage, int deltaChars) {
        List<SseEvent> out = new ArrayList<>();
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode msg = message(model, seq, usage, true);
        msg.putArray("content");
        msg.putNull("stop_reason");
        start.set("message", msg);
        out.add(new SseEvent("message_start", start.toString()));

        ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        ObjectNode block = blockStart.putObject("content_block");
        if (reply.isToolCall()) {
            block.put("type", "tool_use").put("id", toolId(seq)).put("name", reply.toolName()).putObject("input");
        } else {
            block.put("type", "text").put("text", "");
        }
        out.add(new SseEvent("content_block_start", blockStart.toString()));
        out.add(new SseEvent("ping", "{\"type\":\"ping\"}"));

        for (String piece : reply.deltas(deltaChars)) {
            ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            if (reply.isToolCall()) {
                delta.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
            } else {
                delta.putObject("delta").put("type", "text_delta").put("text", piece);
            }
            out.add(new SseEvent("content_block_delta", delta.toString()));
        }
        out.add(new SseEvent("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));

        ObjectNode md = JSON.createObjectNode().put("type", "message_delta");
        md.putObject("delta").put("stop_reason", reply.isToolCall() ? "tool_use" : "end_turn").putNull("stop_sequence");
        usageNode(md.putObject("usage"), usage, false);
        out.add(new SseEvent("message_delta", md.toString()));
        out.add(new SseEvent("message_stop", "{\"type\":\"message_stop\"}"));
        return out;
    }

    static String toolId(long seq) {
        return "toolu_fake_" + seq;
    }

    private static ObjectNode message(String model, long seq, Usage usage, boolean streamingStart) {
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", "msg_fake_" + seq).put("type", "message").put("role", "assistant").put("model", model);
        msg.putNull("stop_sequence");
        usageNode(msg.putObject("usage"), usage, streamingStart);
        return msg;
    }

    private static void usageNode(ObjectNode u, Usage usage, boolean streamingStart) {
        u.put("input_tokens", usage.inputTokens());
        u.put("cache_creation_input_tokens", usage.cacheCreationTokens());
        u.put("cache_read_input_tokens", usage.cacheReadTokens());
        u.put("output_tokens", streamingStart ? 1 : usage.outputTokens());
    }
}
