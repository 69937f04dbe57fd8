package dev.headroom.proxy.retrieve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.ccr.RetrievalStore;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Transparent retrieval on an Anthropic stream. Text and thinking go to the client as they arrive; tool_use blocks
 * are held until the message ends. If the model called {@code headroom_retrieve}, the proxy answers from the store,
 * re-asks upstream with the assistant turn and the results appended, and continues the same client-visible message:
 * one {@code message_start}, block indices renumbered, usage summed, one stop. Client tool calls in a turn that
 * also retrieved are dropped (the model re-issues them after reading). The client never sees headroom_retrieve.
 */
final class AnthropicStreamLoop {

    private final RetrievalStore store;
    private final int maxRounds;

    AnthropicStreamLoop(RetrievalStore store, int maxRounds) {
        this.store = store;
        this.maxRounds = maxRounds;
    }

    /** What one upstream round produced. */
    private static final class Round {
        final List<AnthropicBlock> blocks = new ArrayList<>();
        final List<AnthropicBlock> clientTools = new ArrayList<>();
        final List<AnthropicBlock> retrieves = new ArrayList<>();
        final Usage usage = new Usage();
        ObjectNode messageDelta;
        boolean stopped;
        boolean errored;
    }

    /** Streams {@code first} (an SSE 200) and any follow-up rounds to the client. */
    void run(ClientStream client, Exchange x, UpstreamCall call, byte[] body,
             HttpResponse<InputStream> first, Map<String, String> extraHeaders) throws IOException {
        client.commit(first.statusCode(), first.headers(), Map.of());
        HttpResponse<InputStream> response = first;
        int[] clientIndex = {0};
        Usage total = new Usage();
        for (int round = 0; ; round++) {
            Round r;
            try (InputStream in = response.body()) {
                r = readRound(in, client, round == 0, clientIndex, x);
            }
            total.add(r.usage);
            x.usage.add(r.usage);
            if (r.errored) {
                return;
            }
            if (!r.stopped) {
                x.error = "upstream stream ended early in retrieve round " + round;
                client.write(ErrorShapes.sseEvent(ErrorShapes.Dialect.ANTHROPIC,
                        "headroom: the upstream connection failed mid-stream; the response is incomplete"));
                return;
            }
            if (!r.retrieves.isEmpty() && round < maxRounds) {
                List<ObjectNode> assistant = new ArrayList<>();
                List<ObjectNode> calls = new ArrayList<>();
                for (AnthropicBlock b : r.blocks) {
                    if (b.isRetrieve()) {
                        calls.add(b.asContent());
                        assistant.add(b.asContent());
                    } else if (!b.isToolUse()) {
                        assistant.add(b.asContent());
                    }
                }
                byte[] next = Retrievals.followUp(body, assistant, calls, store, x);
                if (next != null) {
                    x.retrieveRounds++;
                    body = next;
                    response = StreamRounds.resend(call, body, client, x, ErrorShapes.Dialect.ANTHROPIC);
                    if (response == null) {
                        return;
                    }
                    continue;
                }
            }
            finish(client, r, clientIndex, total);
            return;
        }
    }

    private Round readRound(InputStream in, ClientStream client, boolean firstRound, int[] clientIndex, Exchange x)
            throws IOException {
        Round r = new Round();
        Map<Integer, AnthropicBlock> open = new HashMap<>();
        Map<Integer, Integer> indexMap = new HashMap<>();
        StreamRounds.EventReader events = new StreamRounds.EventReader(in, x);
        while (!r.stopped) {
            List<SseEvents.Event> batch = events.next();
            if (batch == null) {
                return r; // ended or failed before the round finished: the caller reports it
            }
            for (SseEvents.Event e : batch) {
                JsonNode data;
                try {
                    data = AnthropicBlock.JSON.readTree(e.data());
                } catch (IOException bad) {
                    client.write(raw(e.name(), e.data()));
                    continue;
                }
                String type = e.name() != null ? e.name() : data.path("type").asText("");
                switch (type) {
                    case "message_start" -> {
                        r.usage.absorb(data.path("message").path("usage"));
                        if (firstRound) {
                            client.write(raw(e.name(), e.data()));
                        }
                    }
                    case "content_block_start" -> {
                        int idx = data.path("index").asInt();
                        AnthropicBlock b = new AnthropicBlock(idx, data.get("content_block"));
                        open.put(idx, b);
                        r.blocks.add(b);
                        if (b.isToolUse()) {
                            b.held = true;
                            b.heldEvents.add((ObjectNode) data);
                        } else {
                            indexMap.put(idx, clientIndex[0]++);
                            client.write(renumbered(e.name(), (ObjectNode) data, indexMap.get(idx), e.data()));
                        }
                    }
                    case "content_block_delta", "content_block_stop" -> {
                        int idx = data.path("index").asInt();
                        AnthropicBlock b = open.get(idx);
                        if (b == null) {
                            client.write(raw(e.name(), e.data()));
                            continue;
                        }
                        if (type.equals("content_block_delta")) {
                            b.apply(data.path("delta"));
                        }
                        if (b.held) {
                            b.heldEvents.add((ObjectNode) data);
                            if (type.equals("content_block_stop")) {
                                (b.isRetrieve() ? r.retrieves : r.clientTools).add(b);
                            }
                        } else {
                            client.write(renumbered(e.name(), (ObjectNode) data, indexMap.get(idx), e.data()));
                        }
                    }
                    case "message_delta" -> {
                        r.usage.absorb(data.path("usage"));
                        r.messageDelta = (ObjectNode) data;
                    }
                    case "message_stop" -> r.stopped = true;
                    case "ping" -> {
                        if (firstRound) {
                            client.write(raw(e.name(), e.data()));
                        }
                    }
                    case "error" -> {
                        client.write(raw(e.name(), e.data()));
                        r.errored = true;
                        return r;
                    }
                    default -> client.write(raw(e.name(), e.data()));
                }
            }
        }
        return r;
    }

    /** Releases held client tool calls, then one message_delta with the summed usage, then message_stop. */
    private void finish(ClientStream client, Round r, int[] clientIndex, Usage total) throws IOException {
        for (AnthropicBlock b : r.clientTools) {
            int idx = clientIndex[0]++;
            for (ObjectNode ev : b.heldEvents) {
                ObjectNode copy = ev.deepCopy();
                copy.put("index", idx);
                client.write(raw(copy.path("type").asText(), copy.toString()));
            }
        }
        ObjectNode delta = r.messageDelta != null ? r.messageDelta.deepCopy() : AnthropicBlock.JSON.createObjectNode();
        delta.put("type", "message_delta");
        ObjectNode d = delta.has("delta") && delta.get("delta").isObject() ? (ObjectNode) delta.get("delta")
                : delta.putObject("delta");
        if (r.clientTools.isEmpty() && "tool_use".equals(d.path("stop_reason").asText())) {
            d.put("stop_reason", "end_turn"); // only headroom_retrieve calls were made, and they were never shown
        }
        ObjectNode usage = delta.has("usage") && delta.get("usage").isObject() ? (ObjectNode) delta.get("usage")
                : delta.putObject("usage");
        usage.put("output_tokens", total.output);
        if (usage.has("input_tokens")) {
            usage.put("input_tokens", total.input);
        }
        if (usage.has("cache_read_input_tokens")) {
            usage.put("cache_read_input_tokens", total.cacheRead);
        }
        if (usage.has("cache_creation_input_tokens")) {
            usage.put("cache_creation_input_tokens", total.cacheCreation);
        }
        client.write(raw("message_delta", delta.toString()));
        client.write(raw("message_stop", "{\"type\":\"message_stop\"}"));
    }

    private static byte[] renumbered(String name, ObjectNode data, int clientIdx, String original) {
        if (data.path("index").asInt() == clientIdx) {
            return raw(name, original);
        }
        ObjectNode copy = data.deepCopy();
        copy.put("index", clientIdx);
        return raw(name, copy.toString());
    }

    static byte[] raw(String name, String data) {
        String s = (name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n";
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
