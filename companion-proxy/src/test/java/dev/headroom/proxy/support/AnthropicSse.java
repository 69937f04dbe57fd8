package dev.headroom.proxy.support;

import java.util.ArrayList;
import java.util.List;

/** Builds Anthropic Messages SSE events for tests (the minimal sequence Claude Code accepts). */
public final class AnthropicSse {

    private AnthropicSse() {
    }

    public static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    public static String messageStart(int input) {
        return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,"
                + "\"usage\":{\"input_tokens\":" + input + ",\"output_tokens\":1,\"cache_read_input_tokens\":0,"
                + "\"cache_creation_input_tokens\":0}}}");
    }

    public static String textBlock(int index, String text) {
        return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
                + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
                + ",\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}")
                + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
    }

    public static String toolUse(int index, String id, String name, String inputJson) {
        String escaped = inputJson.replace("\\", "\\\\").replace("\"", "\\\"");
        int mid = escaped.length() / 2;
        // split the JSON in two deltas, as providers do
        while (mid > 0 && escaped.charAt(mid - 1) == '\\') {
            mid--;
        }
        return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index
                + ",\"content_block\":{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"input\":{}}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
                + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"" + escaped.substring(0, mid) + "\"}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + index
                + ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"" + escaped.substring(mid) + "\"}}")
                + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
    }

    public static String end(String stopReason, int output) {
        return event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + output + "}}")
                + event("message_stop", "{\"type\":\"message_stop\"}");
    }

    /** A complete text reply as separate events. */
    public static List<String> textEvents(String text, int input, int output) {
        List<String> out = new ArrayList<>();
        out.add(messageStart(input));
        out.add(textBlock(0, text));
        out.add(end("end_turn", output));
        return out;
    }
}
