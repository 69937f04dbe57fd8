package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** OpenAI Chat Completions replies: the JSON completion and the chunk stream ending in {@code data: [DONE]}. */
final class ChatReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatReplies() {
    }

    static String json(Reply reply, String model, long seq, Usage usage) {
        ObjectNode c = base(model, seq, "chat.completion");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (reply.isToolCall()) {
            message.putNull("content");
            toolCall(message.putArray("tool_calls").addObject(), reply, seq, true);
        } else {
            message.put("content", reply.text());
        }
        choice.put("finish_reason", reply.isToolCall() ? "tool_calls" : "stop");
        usageNode(c.putObject("usage"), usage);
        return c.toString();
    }

    static List<SseEvent> events(Reply reply, String model, long seq, Usage usage, boolean includeUsage, int deltaChars) {
        List<SseEvent> out = new ArrayList<>();
        ObjectNode first = base(model, seq, "chat.completion.chunk");
        ObjectNode choice = first.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta").put("role", "assistant");
        if (reply.isToolCall()) {
            delta.putNull("content");
            toolCall(delta.putArray("tool_calls").addObject().put("index", 0), reply, seq, true);
        } else {
            delta.put("content", "");
        }
        choice.putNull("finish_reason");
        out.add(new SseEvent(null, first.toString()));
        if (!reply.isToolCall()) {
            for (String piece : reply.deltas(deltaChars)) {
                ObjectNode chunk = base(model, seq, "chat.completion.chunk");
                ObjectNode c = chunk.putArray("choices").addObject().put("index", 0);
                c.putObject("delta").put("content", piece);
                c.putNull("finish_reason");
                out.add(new SseEvent(null, chunk.toString()));
            }
        }

        ObjectNode last = base(model, seq, "chat.completion.chunk");
        ObjectNode lastChoice = last.putArray("choices").addObject().put("index", 0);
        lastChoice.putObject("delta");
        lastChoice.put("finish_reason", reply.isToolCall() ? "tool_calls" : "stop");
        out.add(new SseEvent(null, last.toString()));
        if (includeUsage) {
            ObjectNode u = base(model, seq, "chat.completion.chunk");
            u.putArray("choices");
            usageNode(u.putObject("usage"), usage);
            out.add(new SseEvent(null, u.toString()));
        }
        out.add(new SseEvent(null, "[DONE]"));
        return out;
    }

    private static void toolCall(ObjectNode call, Reply reply, long seq, boolean withArguments) {
        call.put("id", ResponsesReplies.callId(seq)).put("type", "function");
        call.putObject("function").put("name", reply.toolName())
                .put("arguments", withArguments ? reply.toolArguments().toString() : "");
    }

    private static ObjectNode base(String model, long seq, String object) {
        return JSON.createObjectNode().put("id", "chatcmpl-fake-" + seq).put("object", object)
                .put("created", System.currentTimeMillis() / 1000).put("model", model);
    }

    private static void usageNode(ObjectNode u, Usage usage) {
        u.put("prompt_tokens", usage.inputTokens() + usage.cacheReadTokens());
        u.put("completion_tokens", usage.outputTokens());
        u.put("total_tokens", usage.inputTokens() + usage.cacheReadTokens() + usage.outputTokens());
        u.putObject("prompt_tokens_details").put("cached_tokens", usage.cacheReadTokens());
    }
}
