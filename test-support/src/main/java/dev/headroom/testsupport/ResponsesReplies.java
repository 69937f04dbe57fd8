package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI Responses replies: the JSON response and the SSE sequence Codex 0.171.0 accepts. Codex prints no
 * answer unless the stream carries {@code response.output_item.done}, so it is always sent.
 */
final class ResponsesReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponsesReplies() {
    }

    static String json(Reply reply, String model, long seq, Usage usage) {
        ObjectNode resp = response(model, seq, "completed");
        resp.putArray("output").add(item(reply, seq, true));
        usageNode(resp.putObject("usage"), usage);
        return resp.toString();
    }

    static List<SseEvent> events(Reply reply, String model, long seq, Usage usage, int deltaChars) {
        List<SseEvent> out = new ArrayList<>();
        int[] n = {0};
        ObjectNode created = event("response.created", n);
        created.set("response", response(model, seq, "in_progress").putNull("usage"));
        out.add(sse(created));
        ObjectNode inProgress = event("response.in_progress", n);
        inProgress.set("response", response(model, seq, "in_progress").putNull("usage"));
        out.add(sse(inProgress));

        ObjectNode added = event("response.output_item.added", n).put("output_index", 0);
        added.set("item", item(reply, seq, false));
        out.add(sse(added));
        String itemId = itemId(reply, seq);
        if (reply.isToolCall()) {
            String args = reply.toolArguments().toString();
            for (String piece : reply.deltas(deltaChars)) {
                out.add(sse(event("response.function_call_arguments.delta", n)
                        .put("item_id", itemId).put("output_index", 0).put("delta", piece)));
            }
            out.add(sse(event("response.function_call_arguments.done", n)
                    .put("item_id", itemId).put("output_index", 0).put("arguments", args)));
        } else {
            ObjectNode partAdded = event("response.content_part.added", n)
                    .put("item_id", itemId).put("output_index", 0).put("content_index", 0);
            partAdded.putObject("part").put("type", "output_text").put("text", "").putArray("annotations");
            out.add(sse(partAdded));
            for (String piece : reply.deltas(deltaChars)) {
                out.add(sse(event("response.output_text.delta", n).put("item_id", itemId).put("output_index", 0)
                        .put("content_index", 0).put("delta", piece)));
            }
            out.add(sse(event("response.output_text.done", n).put("item_id", itemId).put("output_index", 0)
                    .put("content_index", 0).put("text", reply.text())));
            ObjectNode partDone = event("response.content_part.done", n)
                    .put("item_id", itemId).put("output_index", 0).put("content_index", 0);
            partDone.putObject("part").put("type", "output_text").put("text", reply.text()).putArray("annotations");
            out.add(sse(partDone));
        }
        ObjectNode done = event("response.output_item.done", n).put("output_index", 0);
        done.set("item", item(reply, seq, true));
        out.add(sse(done));

        ObjectNode completed = event("response.completed", n);
        ObjectNode resp = response(model, seq, "completed");
        resp.putArray("output").add(item(reply, seq, true));
        usageNode(resp.putObject("usage"), usage);
        completed.set("response", resp);
        out.add(sse(completed));
        return out;
    }

    private static ObjectNode event(String type, int[] counter) {
        return JSON.createObjectNode().put("type", type).put("sequence_number", counter[0]++);
    }

    private static SseEvent sse(ObjectNode node) {
        return new SseEvent(node.path("type").asText(), node.toString());
    }

    private static String itemId(Reply reply, long seq) {
        return (reply.isToolCall() ? "fc_fake_" : "msg_fake_") + seq;
    }

    static String callId(long seq) {
        return "call_fake_" + seq;
    }

    private static ObjectNode response(String model, long seq, String status) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", "resp_fake_" + seq).put("object", "response").put("created_at", System.currentTimeMillis() / 1000)
                .put("status", status).put("model", model);
        if (!"completed".equals(status)) {
            r.putArray("output");
        }
        return r;
    }

    private static ObjectNode item(Reply reply, long seq, boolean complete) {
        ObjectNode item = JSON.createObjectNode().put("id", itemId(reply, seq));
        if (reply.isToolCall()) {
            item.put("type", "function_call").put("status", complete ? "completed" : "in_progress")
                    .put("call_id", callId(seq)).put("name", reply.toolName())
                    .put("arguments", complete ? reply.toolArguments().toString() : "");
        } else {
            item.put("type", "message").put("status", complete ? "completed" : "in_progress").put("role", "assistant");
            var content = item.putArray("content");
            if (complete) {
                content.addObject().put("type", "output_text").put("text", reply.text()).putArray("annotations");
            }
        }
        return item;
    }

    private static void usageNode(ObjectNode u, Usage usage) {
        u.put("input_tokens", usage.inputTokens() + usage.cacheReadTokens());
        u.putObject("input_tokens_details").put("cached_tokens", usage.cacheReadTokens());
        u.put("output_tokens", usage.outputTokens());
        u.putObject("output_tokens_details").put("reasoning_tokens", 0);
        u.put("total_tokens", usage.inputTokens() + usage.cacheReadTokens() + usage.outputTokens());
    }
}
