package dev.headroom.dialects.retrieve.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.dialects.Json;
import dev.headroom.dialects.Usage;
import dev.headroom.dialects.retrieve.JsonRounds;
import dev.headroom.dialects.retrieve.MessagesAppender;
import dev.headroom.dialects.retrieve.Originals;
import dev.headroom.dialects.retrieve.RetrieveCall;
import dev.headroom.engine.ccr.RetrieveTool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI retrieve rounds on JSON replies: Chat's {@code choices[0].message.tool_calls}, or Responses' {@code output[]}
 * function calls. The answer is the final reply, retrieve calls removed, earlier rounds' output items in front
 * (Responses) and usage summed.
 */
public final class OpenAiJsonRounds implements JsonRounds {

    private record Parsed(JsonNode reply, List<JsonNode> retrieves, List<RetrieveCall> calls, Usage usage) implements Reply {
    }

    private final boolean responses;
    private final List<JsonNode> earlierItems = new ArrayList<>();

    public OpenAiJsonRounds(boolean responses) {
        this.responses = responses;
    }

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
        List<JsonNode> retrieves = new ArrayList<>();
        List<RetrieveCall> calls = new ArrayList<>();
        for (JsonNode c : toolCalls(reply)) {
            if (name(c).equals(RetrieveTool.NAME)) {
                retrieves.add(c);
                calls.add(new RetrieveCall(responses ? c.path("call_id").asText("") : c.path("id").asText(""),
                        RetrieveCall.hashFromArguments(arguments(c))));
            }
        }
        return new Parsed(reply, retrieves, calls, u);
    }

    private List<JsonNode> toolCalls(JsonNode reply) {
        List<JsonNode> out = new ArrayList<>();
        if (responses) {
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

    private String name(JsonNode call) {
        return responses ? call.path("name").asText("") : call.path("function").path("name").asText("");
    }

    private String arguments(JsonNode call) {
        return responses ? call.path("arguments").asText("") : call.path("function").path("arguments").asText("");
    }

    @Override
    public byte[] followUp(byte[] request, Reply reply, List<Originals.Result> results) {
        Parsed p = (Parsed) reply;
        List<String> items = new ArrayList<>();
        if (responses) {
            for (JsonNode item : p.reply().path("output")) {
                boolean call = item.path("type").asText().equals("function_call");
                if (!call || name(item).equals(RetrieveTool.NAME)) {
                    items.add(item.toString());
                }
            }
        } else {
            JsonNode m = p.reply().path("choices").path(0).path("message");
            ObjectNode msg = m.isObject() ? ((ObjectNode) m).deepCopy() : Json.MAPPER.createObjectNode().put("role", "assistant");
            ArrayNode kept = Json.MAPPER.createArrayNode();
            p.retrieves().forEach(kept::add);
            msg.set("tool_calls", kept);
            items.add(msg.toString());
        }
        for (Originals.Result r : results) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            if (responses) {
                out.put("type", "function_call_output");
                out.put("call_id", r.call().id());
                out.put("output", r.text());
            } else {
                out.put("role", "tool");
                out.put("tool_call_id", r.call().id());
                out.put("content", r.text());
            }
            items.add(out.toString());
        }
        byte[] next = MessagesAppender.append(request, responses ? "input" : "messages", items.toArray(new String[0]));
        if (next != null && responses) {
            for (JsonNode item : p.reply().path("output")) {
                if (!item.path("type").asText().equals("function_call")) {
                    earlierItems.add(item);
                }
            }
        }
        return next;
    }

    @Override
    public byte[] merge(Reply last, Usage total) {
        JsonNode reply = ((Parsed) last).reply();
        ObjectNode out = reply.deepCopy();
        ObjectNode usage = out.has("usage") && out.get("usage").isObject() ? (ObjectNode) out.get("usage") : out.putObject("usage");
        if (responses) {
            ArrayNode output = Json.MAPPER.createArrayNode();
            earlierItems.forEach(output::add);
            for (JsonNode item : reply.path("output")) {
                if (!(item.path("type").asText().equals("function_call") && name(item).equals(RetrieveTool.NAME))) {
                    output.add(item);
                }
            }
            out.set("output", output);
            usage.put("input_tokens", total.input);
            usage.put("output_tokens", total.output);
        } else {
            JsonNode c = out.path("choices").path(0);
            if (c.isObject() && c.path("message").isObject()) {
                ObjectNode choice = (ObjectNode) c;
                ObjectNode msg = (ObjectNode) choice.get("message");
                ArrayNode keep = Json.MAPPER.createArrayNode();
                for (JsonNode call : msg.path("tool_calls")) {
                    if (!name(call).equals(RetrieveTool.NAME)) {
                        keep.add(call);
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
        return Json.utf8(out.toString());
    }
}
