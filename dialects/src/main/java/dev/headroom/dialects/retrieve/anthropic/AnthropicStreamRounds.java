package dev.headroom.dialects.retrieve.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.dialects.Json;
import dev.headroom.dialects.SseEvents;
import dev.headroom.dialects.Usage;
import dev.headroom.dialects.retrieve.ClientSink;
import dev.headroom.dialects.retrieve.EventReader;
import dev.headroom.dialects.retrieve.Originals;
import dev.headroom.dialects.retrieve.RetrieveCall;
import dev.headroom.dialects.retrieve.RoundsReport;
import dev.headroom.dialects.retrieve.StreamRounds;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic retrieve rounds on a stream. Text and thinking go to the client as they arrive; tool_use blocks are held
 * until the message ends. The client sees one message: one {@code message_start}, block indices renumbered across
 * rounds, usage summed in one {@code message_delta}, one {@code message_stop}. Client tool calls of a turn that also
 * retrieved are dropped (the model re-issues them after reading).
 */
public final class AnthropicStreamRounds implements StreamRounds {

    private final ClientSink client;
    private int clientIndex;

    public AnthropicStreamRounds(ClientSink client) {
        this.client = client;
    }

    private static final class Round implements StreamRounds.Round {
        final List<AnthropicBlock> blocks = new ArrayList<>();
        final List<AnthropicBlock> clientTools = new ArrayList<>();
        final List<RetrieveCall> calls = new ArrayList<>();
        final Usage usage = new Usage();
        ObjectNode messageDelta;
        boolean stopped;
        boolean errored;

        public List<RetrieveCall> calls() {
            return calls;
        }

        public Usage usage() {
            return usage;
        }

        public boolean complete() {
            return stopped;
        }

        public boolean errored() {
            return errored;
        }
    }

    @Override
    public StreamRounds.Round read(InputStream in, boolean first, RoundsReport report) throws IOException {
        Round r = new Round();
        Map<Integer, AnthropicBlock> open = new HashMap<>();
        Map<Integer, Integer> indexMap = new HashMap<>();
        EventReader events = new EventReader(in, report);
        while (!r.stopped) {
            List<SseEvents.Event> batch = events.next();
            if (batch == null) {
                return r; // ended or failed before the round finished: the loop reports it
            }
            for (SseEvents.Event e : batch) {
                JsonNode data;
                try {
                    data = Json.MAPPER.readTree(e.data());
                } catch (IOException bad) {
                    client.write(Json.event(e.name(), e.data()));
                    continue;
                }
                String type = e.name() != null ? e.name() : data.path("type").asText("");
                switch (type) {
                    case "message_start" -> {
                        r.usage.absorb(data.path("message").path("usage"));
                        if (first) {
                            client.write(Json.event(e.name(), e.data()));
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
                            indexMap.put(idx, clientIndex++);
                            client.write(renumbered(e.name(), (ObjectNode) data, indexMap.get(idx), e.data()));
                        }
                    }
                    case "content_block_delta", "content_block_stop" -> {
                        AnthropicBlock b = open.get(data.path("index").asInt());
                        if (b == null) {
                            client.write(Json.event(e.name(), e.data()));
                            continue;
                        }
                        if (type.equals("content_block_delta")) {
                            b.apply(data.path("delta"));
                        }
                        if (b.held) {
                            b.heldEvents.add((ObjectNode) data);
                            if (type.equals("content_block_stop")) {
                                if (b.isRetrieve()) {
                                    r.calls.add(b.call());
                                } else {
                                    r.clientTools.add(b);
                                }
                            }
                        } else {
                            client.write(renumbered(e.name(), (ObjectNode) data, indexMap.get(b.upstreamIndex), e.data()));
                        }
                    }
                    case "message_delta" -> {
                        r.usage.absorb(data.path("usage"));
                        r.messageDelta = (ObjectNode) data;
                    }
                    case "message_stop" -> r.stopped = true;
                    case "ping" -> {
                        if (first) {
                            client.write(Json.event(e.name(), e.data()));
                        }
                    }
                    case "error" -> {
                        client.write(Json.event(e.name(), e.data()));
                        r.errored = true;
                        return r;
                    }
                    default -> client.write(Json.event(e.name(), e.data()));
                }
            }
        }
        return r;
    }

    @Override
    public byte[] followUp(byte[] request, StreamRounds.Round round, List<Originals.Result> results) {
        List<ObjectNode> assistant = new ArrayList<>();
        for (AnthropicBlock b : ((Round) round).blocks) {
            if (b.isRetrieve() || !b.isToolUse()) {
                assistant.add(b.asContent());
            }
        }
        return AnthropicTurns.followUp(request, assistant, results);
    }

    /** Releases held client tool calls, then one message_delta with the summed usage, then message_stop. */
    @Override
    public void finish(StreamRounds.Round last, Usage total) throws IOException {
        Round r = (Round) last;
        for (AnthropicBlock b : r.clientTools) {
            int idx = clientIndex++;
            for (ObjectNode ev : b.heldEvents) {
                ObjectNode copy = ev.deepCopy();
                copy.put("index", idx);
                client.write(Json.event(copy.path("type").asText(), copy.toString()));
            }
        }
        ObjectNode delta = r.messageDelta != null ? r.messageDelta.deepCopy() : Json.MAPPER.createObjectNode();
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
        client.write(Json.event("message_delta", delta.toString()));
        client.write(Json.event("message_stop", "{\"type\":\"message_stop\"}"));
    }

    private static byte[] renumbered(String name, ObjectNode data, int clientIdx, String original) {
        if (data.path("index").asInt() == clientIdx) {
            return Json.event(name, original);
        }
        ObjectNode copy = data.deepCopy();
        copy.put("index", clientIdx);
        return Json.event(name, copy.toString());
    }
}
