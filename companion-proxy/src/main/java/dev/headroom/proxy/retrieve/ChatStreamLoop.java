package dev.headroom.proxy.retrieve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.ccr.RetrievalStore;
import dev.headroom.engine.ccr.RetrieveTool;
import dev.headroom.proxy.forward.ErrorShapes;
import dev.headroom.proxy.forward.Exchange;
import dev.headroom.proxy.plane.UpstreamCall;
import dev.headroom.proxy.forward.SseEvents;
import dev.headroom.proxy.stats.Usage;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Transparent retrieval on an OpenAI Chat Completions stream. Content deltas stream through; tool-call deltas,
 * the finish chunk and the usage chunk are held until {@code [DONE]}. Retrieve calls are answered with
 * {@code role:"tool"} messages and the request re-asked; the client gets its own tool calls (if any), one
 * finish chunk, summed usage and one {@code [DONE]}.
 */
final class ChatStreamLoop {

    private final RetrievalStore store;
    private final int maxRounds;

    ChatStreamLoop(RetrievalStore store, int maxRounds) {
        this.store = store;
        this.maxRounds = maxRounds;
    }

    /** One tool call assembled from its deltas. */
    private static final class Call {
        String id = "";
        String name = "";
        final StringBuilder arguments = new StringBuilder();
    }

    private static final class Round {
        final StringBuilder text = new StringBuilder();
        final Map<Integer, Call> calls = new TreeMap<>();
        final Usage usage = new Usage();
        ObjectNode template;
        ObjectNode finish;
        ObjectNode usageChunk;
        boolean done;
    }

    void run(ClientStream client, Exchange x, UpstreamCall call, byte[] body,
             HttpResponse<InputStream> first) throws IOException {
        client.commit(first.statusCode(), first.headers(), Map.of());
        HttpResponse<InputStream> response = first;
        Usage total = new Usage();
        for (int round = 0; ; round++) {
            Round r;
            try (InputStream in = response.body()) {
                r = readRound(in, client, x);
            }
            total.add(r.usage);
            x.usage.add(r.usage);
            if (!r.done) {
                x.error = "upstream stream ended early in retrieve round " + round;
                client.write(ErrorShapes.sseEvent(ErrorShapes.Dialect.OPENAI_CHAT,
                        "headroom: the upstream connection failed mid-stream; the response is incomplete"));
                return;
            }
            List<Call> retrieves = new ArrayList<>();
            List<Call> clientCalls = new ArrayList<>();
            for (Call c : r.calls.values()) {
                (c.name.equals(RetrieveTool.NAME) ? retrieves : clientCalls).add(c);
            }
            if (!retrieves.isEmpty() && round < maxRounds) {
                byte[] next = followUp(body, r, retrieves, x);
                if (next != null) {
                    x.retrieveRounds++;
                    body = next;
                    response = StreamRounds.resend(call, body, client, x, ErrorShapes.Dialect.OPENAI_CHAT);
                    if (response == null) {
                        return;
                    }
                    continue;
                }
            }
            finish(client, r, clientCalls, total);
            return;
        }
    }

    private byte[] followUp(byte[] body, Round r, List<Call> retrieves, Exchange x) {
        ObjectNode assistant = AnthropicBlock.JSON.createObjectNode();
        assistant.put("role", "assistant");
        if (r.text.length() > 0) {
            assistant.put("content", r.text.toString());
        } else {
            assistant.putNull("content");
        }
        ArrayNode calls = assistant.putArray("tool_calls");
        List<String> items = new ArrayList<>();
        items.add(null);
        for (Call c : retrieves) {
            ObjectNode tc = calls.addObject();
            tc.put("id", c.id);
            tc.put("type", "function");
            tc.putObject("function").put("name", c.name).put("arguments", c.arguments.toString());
            String hash = ResponsesStreamLoop.hashOf(c.arguments.toString());
            Optional<String> original = hash.matches("[0-9a-f]{8,64}") ? store.get(hash) : Optional.empty();
            ObjectNode tool = AnthropicBlock.JSON.createObjectNode();
            tool.put("role", "tool");
            tool.put("tool_call_id", c.id);
            tool.put("content", original.orElse("headroom: no original for hash " + hash
                    + " (unknown or expired); continue without it"));
            if (original.isPresent()) {
                x.retrievalsResolved++;
            } else {
                x.retrievalsMissed++;
            }
            items.add(tool.toString());
        }
        items.set(0, assistant.toString());
        return MessagesAppender.append(body, "messages", items.toArray(new String[0]));
    }

    private Round readRound(InputStream in, ClientStream client, Exchange x) throws IOException {
        Round r = new Round();
        StreamRounds.EventReader events = new StreamRounds.EventReader(in, x);
        while (!r.done) {
            List<SseEvents.Event> batch = events.next();
            if (batch == null) {
                return r; // ended or failed before the round finished: the caller reports it
            }
            for (SseEvents.Event e : batch) {
                if (e.data().trim().equals("[DONE]")) {
                    r.done = true;
                    break;
                }
                JsonNode parsed;
                try {
                    parsed = AnthropicBlock.JSON.readTree(e.data());
                } catch (IOException bad) {
                    client.write(AnthropicStreamLoop.raw(e.name(), e.data()));
                    continue;
                }
                if (!(parsed instanceof ObjectNode chunk)) {
                    client.write(AnthropicStreamLoop.raw(e.name(), e.data()));
                    continue;
                }
                if (chunk.has("error")) {
                    client.write(AnthropicStreamLoop.raw(e.name(), e.data()));
                    continue;
                }
                if (r.template == null) {
                    r.template = chunk;
                }
                if (chunk.hasNonNull("usage")) {
                    r.usage.absorb(chunk.get("usage"));
                }
                JsonNode choices = chunk.path("choices");
                if (!choices.isArray() || choices.isEmpty()) {
                    if (chunk.hasNonNull("usage")) {
                        r.usageChunk = chunk;
                    } else {
                        client.write(AnthropicStreamLoop.raw(e.name(), e.data()));
                    }
                    continue;
                }
                JsonNode choice = choices.get(0);
                JsonNode delta = choice.path("delta");
                boolean hasTools = delta.has("tool_calls") && delta.get("tool_calls").isArray();
                if (hasTools) {
                    for (JsonNode tc : delta.get("tool_calls")) {
                        Call c = r.calls.computeIfAbsent(tc.path("index").asInt(), k -> new Call());
                        if (tc.hasNonNull("id")) {
                            c.id = tc.get("id").asText();
                        }
                        JsonNode f = tc.path("function");
                        if (f.hasNonNull("name")) {
                            c.name += f.get("name").asText();
                        }
                        if (f.hasNonNull("arguments")) {
                            c.arguments.append(f.get("arguments").asText());
                        }
                    }
                }
                if (delta.hasNonNull("content")) {
                    r.text.append(delta.get("content").asText());
                }
                if (choice.hasNonNull("finish_reason")) {
                    r.finish = chunk;
                    continue;
                }
                if (hasTools) {
                    ObjectNode rest = chunk.deepCopy();
                    ObjectNode d = (ObjectNode) rest.path("choices").get(0).path("delta");
                    d.remove("tool_calls");
                    if (d.hasNonNull("content") || d.hasNonNull("reasoning_content")) {
                        client.write(AnthropicStreamLoop.raw(e.name(), rest.toString()));
                    }
                    continue;
                }
                client.write(AnthropicStreamLoop.raw(e.name(), e.data()));
            }
        }
        return r;
    }

    private void finish(ClientStream client, Round r, List<Call> clientCalls, Usage total) throws IOException {
        int i = 0;
        for (Call c : clientCalls) {
            ObjectNode chunk = r.template.deepCopy();
            chunk.remove("usage");
            ArrayNode choices = chunk.putArray("choices");
            ObjectNode choice = choices.addObject();
            choice.put("index", 0);
            ObjectNode tc = choice.putObject("delta").putArray("tool_calls").addObject();
            tc.put("index", i++);
            tc.put("id", c.id);
            tc.put("type", "function");
            tc.putObject("function").put("name", c.name).put("arguments", c.arguments.toString());
            choice.putNull("finish_reason");
            client.write(AnthropicStreamLoop.raw(null, chunk.toString()));
        }
        if (r.finish != null) {
            ObjectNode fin = r.finish.deepCopy();
            ObjectNode choice = (ObjectNode) fin.path("choices").get(0);
            if (clientCalls.isEmpty() && "tool_calls".equals(choice.path("finish_reason").asText())) {
                choice.put("finish_reason", "stop");
            }
            if (choice.path("delta").has("tool_calls")) {
                ((ObjectNode) choice.get("delta")).remove("tool_calls");
            }
            if (fin.hasNonNull("usage")) {
                sumInto((ObjectNode) fin.get("usage"), total);
            }
            client.write(AnthropicStreamLoop.raw(null, fin.toString()));
        }
        if (r.usageChunk != null) {
            ObjectNode u = r.usageChunk.deepCopy();
            sumInto((ObjectNode) u.get("usage"), total);
            client.write(AnthropicStreamLoop.raw(null, u.toString()));
        }
        client.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void sumInto(ObjectNode usage, Usage total) {
        usage.put("prompt_tokens", total.input);
        usage.put("completion_tokens", total.output);
        usage.put("total_tokens", total.input + total.output);
        if (usage.path("prompt_tokens_details").isObject()) {
            ((ObjectNode) usage.get("prompt_tokens_details")).put("cached_tokens", total.cacheRead);
        }
    }
}
