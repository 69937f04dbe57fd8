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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transparent retrieval for non-streaming OpenAI replies (Chat {@code choices[0].message.tool_calls}, Responses
 * {@code output[]} function calls). Replies without retrieve calls go through byte for byte; otherwise the proxy
 * re-asks and answers with the final reply, retrieve calls removed and usage summed.
 */
final class OpenAiJsonLoop {

    private final RetrievalStore store;
    private final int maxRounds;

    OpenAiJsonLoop(RetrievalStore store, int maxRounds) {
        this.store = store;
        this.maxRounds = maxRounds;
    }

    void run(ClientStream client, Exchange x, UpstreamCall call, byte[] body,
             HttpResponse<InputStream> first, Map<String, String> extra, boolean responsesApi) throws IOException {
        HttpResponse<InputStream> response = first;
        Usage total = new Usage();
        List<JsonNode> earlierItems = new ArrayList<>();
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
                // relayed as is
            }
            Usage u = new Usage();
            if (reply != null) {
                u.absorb(reply.path("usage"));
            }
            total.add(u);
            x.usage.add(u);
            List<JsonNode> retrieves = new ArrayList<>();
            if (response.statusCode() == 200 && reply != null) {
                for (JsonNode c : calls(reply, responsesApi)) {
                    if (name(c, responsesApi).equals(RetrieveTool.NAME)) {
                        retrieves.add(c);
                    }
                }
            }
            if (retrieves.isEmpty() && round == 0) {
                x.status = response.statusCode();
                client.commit(response.statusCode(), response.headers(), extra);
                client.write(bytes);
                return;
            }
            byte[] next = retrieves.isEmpty() || round >= maxRounds ? null
                    : followUp(body, reply, retrieves, responsesApi, x);
            if (next == null || response.statusCode() != 200) {
                x.status = response.statusCode();
                client.commit(response.statusCode(), response.headers(), extra);
                client.write(response.statusCode() == 200 && reply != null
                        ? finalReply((ObjectNode) reply, earlierItems, total, responsesApi).toString()
                        .getBytes(StandardCharsets.UTF_8) : bytes);
                return;
            }
            if (responsesApi) {
                for (JsonNode item : reply.path("output")) {
                    if (!item.path("type").asText().equals("function_call")) {
                        earlierItems.add(item);
                    }
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

    private static List<JsonNode> calls(JsonNode reply, boolean responsesApi) {
        List<JsonNode> out = new ArrayList<>();
        if (responsesApi) {
            for (JsonNode item : reply.path("output")) {
                if (item.path("type").asText().equals("function_call")) {
                    out.add(item);
                }
            }
        } else {
            reply.path("choices").path(0).path("message").path("tool_calls").forEach(out::add);
        }
        return out;
    }

    private static String name(JsonNode call, boolean responsesApi) {
        return responsesApi ? call.path("name").asText("") : call.path("function").path("name").asText("");
    }

    private static String arguments(JsonNode call, boolean responsesApi) {
        return responsesApi ? call.path("arguments").asText("") : call.path("function").path("arguments").asText("");
    }

    private byte[] followUp(byte[] body, JsonNode reply, List<JsonNode> retrieves, boolean responsesApi, Exchange x) {
        List<String> items = new ArrayList<>();
        if (responsesApi) {
            for (JsonNode item : reply.path("output")) {
                boolean call = item.path("type").asText().equals("function_call");
                if (!call || name(item, true).equals(RetrieveTool.NAME)) {
                    items.add(item.toString());
                }
            }
        } else {
            ObjectNode msg = ((ObjectNode) reply.path("choices").path(0).path("message")).deepCopy();
            ArrayNode kept = AnthropicBlock.JSON.createArrayNode();
            retrieves.forEach(kept::add);
            msg.set("tool_calls", kept);
            items.add(msg.toString());
        }
        for (JsonNode c : retrieves) {
            String hash = ResponsesStreamLoop.hashOf(arguments(c, responsesApi));
            Optional<String> original = hash.matches("[0-9a-f]{8,64}") ? store.get(hash) : Optional.empty();
            String text = original.orElse("headroom: no original for hash " + hash + " (unknown or expired); continue without it");
            if (original.isPresent()) {
                x.retrievalsResolved++;
            } else {
                x.retrievalsMissed++;
            }
            ObjectNode out = AnthropicBlock.JSON.createObjectNode();
            if (responsesApi) {
                out.put("type", "function_call_output");
                out.put("call_id", c.path("call_id").asText(""));
                out.put("output", text);
            } else {
                out.put("role", "tool");
                out.put("tool_call_id", c.path("id").asText(""));
                out.put("content", text);
            }
            items.add(out.toString());
        }
        return MessagesAppender.append(body, responsesApi ? "input" : "messages", items.toArray(new String[0]));
    }

    private static ObjectNode finalReply(ObjectNode reply, List<JsonNode> earlierItems, Usage total, boolean responsesApi) {
        ObjectNode out = reply.deepCopy();
        ObjectNode usage = out.has("usage") && out.get("usage").isObject() ? (ObjectNode) out.get("usage") : out.putObject("usage");
        if (responsesApi) {
            ArrayNode output = AnthropicBlock.JSON.createArrayNode();
            earlierItems.forEach(output::add);
            for (JsonNode item : reply.path("output")) {
                if (!(item.path("type").asText().equals("function_call") && name(item, true).equals(RetrieveTool.NAME))) {
                    output.add(item);
                }
            }
            out.set("output", output);
            usage.put("input_tokens", total.input);
            usage.put("output_tokens", total.output);
        } else {
            ObjectNode choice = (ObjectNode) out.path("choices").path(0);
            if (choice.path("message").isObject()) {
                ObjectNode msg = (ObjectNode) choice.get("message");
                ArrayNode keep = AnthropicBlock.JSON.createArrayNode();
                for (JsonNode c : msg.path("tool_calls")) {
                    if (!name(c, false).equals(RetrieveTool.NAME)) {
                        keep.add(c);
                    }
                }
                if (keep.isEmpty()) {
                    msg.remove("tool_calls");
                    if ("tool_calls".equals(choice.path("finish_reason").asText())) {
                        choice.put("finish_reason", "stop");
                    }
                } else {
                    msg.set("tool_calls", keep);
                }
            }
            usage.put("prompt_tokens", total.input);
            usage.put("completion_tokens", total.output);
        }
        usage.put("total_tokens", total.input + total.output);
        return out;
    }
}
