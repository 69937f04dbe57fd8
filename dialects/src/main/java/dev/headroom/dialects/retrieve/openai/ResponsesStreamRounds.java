package dev.headroom.dialects.retrieve.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.dialects.Json;
import dev.headroom.dialects.SseEvents;
import dev.headroom.dialects.Usage;
import dev.headroom.dialects.retrieve.ClientSink;
import dev.headroom.dialects.retrieve.EventReader;
import dev.headroom.dialects.retrieve.MessagesAppender;
import dev.headroom.dialects.retrieve.Originals;
import dev.headroom.dialects.retrieve.RetrieveCall;
import dev.headroom.dialects.retrieve.RoundsReport;
import dev.headroom.dialects.retrieve.StreamRounds;
import dev.headroom.engine.ccr.RetrieveTool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI Responses retrieve rounds on a stream (Codex). Messages and reasoning stream through; function_call items
 * are held until the response completes. The client sees one response: one {@code response.created}, output
 * indices and sequence numbers renumbered across rounds, one {@code response.completed} listing every visible item
 * with summed usage.
 */
public final class ResponsesStreamRounds implements StreamRounds {

    private final ClientSink client;
    private long nextSeq = -1;
    private int nextOutput;
    private final List<JsonNode> visibleItems = new ArrayList<>();

    public ResponsesStreamRounds(ClientSink client) {
        this.client = client;
    }

    private static final class Round implements StreamRounds.Round {
        final Map<Integer, List<ObjectNode>> heldEvents = new HashMap<>();
        final Map<Integer, Integer> outputMap = new HashMap<>();
        final List<JsonNode> items = new ArrayList<>();
        final List<RetrieveCall> calls = new ArrayList<>();
        final List<Integer> clientTools = new ArrayList<>();
        final Map<Integer, JsonNode> clientToolItems = new HashMap<>();
        final Usage usage = new Usage();
        ObjectNode completed;
        boolean errored;

        public List<RetrieveCall> calls() {
            return calls;
        }

        public Usage usage() {
            return usage;
        }

        public boolean complete() {
            return completed != null;
        }

        public boolean errored() {
            return errored;
        }
    }

    @Override
    public StreamRounds.Round read(InputStream in, boolean first, RoundsReport report) throws IOException {
        Round r = new Round();
        EventReader events = new EventReader(in, report);
        while (r.completed == null) {
            List<SseEvents.Event> batch = events.next();
            if (batch == null) {
                return r; // ended or failed before the round finished: the loop reports it
            }
            for (SseEvents.Event e : batch) {
                JsonNode parsed;
                try {
                    parsed = Json.MAPPER.readTree(e.data());
                } catch (IOException bad) {
                    client.write(Json.event(e.name(), e.data()));
                    continue;
                }
                if (!(parsed instanceof ObjectNode data)) {
                    client.write(Json.event(e.name(), e.data()));
                    continue;
                }
                String type = data.path("type").asText(e.name() == null ? "" : e.name());
                if (nextSeq < 0 && data.has("sequence_number")) {
                    nextSeq = data.get("sequence_number").asLong();
                }
                Integer idx = data.has("output_index") ? data.get("output_index").asInt() : null;
                switch (type) {
                    case "response.created", "response.in_progress", "response.queued" -> {
                        if (first) {
                            emit(e, data, null);
                        }
                    }
                    case "response.output_item.added" -> {
                        if (data.path("item").path("type").asText().equals("function_call")) {
                            r.heldEvents.computeIfAbsent(idx, k -> new ArrayList<>()).add(data);
                        } else {
                            r.outputMap.put(idx, nextOutput++);
                            emit(e, data, r.outputMap.get(idx));
                        }
                    }
                    case "response.output_item.done" -> {
                        JsonNode item = data.path("item");
                        r.items.add(item);
                        if (r.heldEvents.containsKey(idx)) {
                            r.heldEvents.get(idx).add(data);
                            if (item.path("name").asText().equals(RetrieveTool.NAME)) {
                                r.calls.add(new RetrieveCall(item.path("call_id").asText(""),
                                        RetrieveCall.hashFromArguments(item.path("arguments").asText(""))));
                            } else {
                                r.clientTools.add(idx);
                                r.clientToolItems.put(idx, item);
                            }
                        } else {
                            emit(e, data, r.outputMap.get(idx));
                            visibleItems.add(item);
                        }
                    }
                    case "response.completed" -> {
                        r.usage.absorb(data.path("response").path("usage"));
                        r.completed = data;
                    }
                    case "response.failed", "response.incomplete", "error" -> {
                        r.usage.absorb(data.path("response").path("usage"));
                        emit(e, data, null);
                        r.errored = true;
                        return r;
                    }
                    default -> {
                        if (idx != null && r.heldEvents.containsKey(idx)) {
                            r.heldEvents.get(idx).add(data);
                        } else {
                            emit(e, data, idx == null ? null : r.outputMap.getOrDefault(idx, idx));
                        }
                    }
                }
            }
        }
        return r;
    }

    @Override
    public byte[] followUp(byte[] request, StreamRounds.Round round, List<Originals.Result> results) {
        Round r = (Round) round;
        boolean stored = !new String(request, StandardCharsets.UTF_8).contains("\"store\":false");
        List<String> items = new ArrayList<>();
        for (JsonNode item : r.items) {
            String type = item.path("type").asText();
            if (type.equals("function_call") && !item.path("name").asText().equals(RetrieveTool.NAME)) {
                continue; // the client's own calls are dropped; the model re-issues them after reading
            }
            if (type.equals("reasoning") && !stored && !item.hasNonNull("encrypted_content")) {
                continue; // cannot be referenced without server-side storage
            }
            items.add(item.toString());
        }
        for (Originals.Result res : results) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.put("type", "function_call_output");
            out.put("call_id", res.call().id());
            out.put("output", res.text());
            items.add(out.toString());
        }
        return MessagesAppender.append(request, "input", items.toArray(new String[0]));
    }

    @Override
    public void finish(StreamRounds.Round last, Usage total) throws IOException {
        Round r = (Round) last;
        for (int idx : r.clientTools) {
            int clientIdx = nextOutput++;
            for (ObjectNode ev : r.heldEvents.get(idx)) {
                emit(new SseEvents.Event(ev.path("type").asText(), ev.toString()), ev, clientIdx);
            }
            visibleItems.add(r.clientToolItems.get(idx));
        }
        ObjectNode done = r.completed.deepCopy();
        ObjectNode resp = done.has("response") && done.get("response").isObject() ? (ObjectNode) done.get("response")
                : done.putObject("response");
        ArrayNode output = resp.putArray("output");
        visibleItems.forEach(output::add);
        ObjectNode usage = resp.has("usage") && resp.get("usage").isObject() ? (ObjectNode) resp.get("usage")
                : resp.putObject("usage");
        usage.put("input_tokens", total.input);
        usage.put("output_tokens", total.output);
        usage.put("total_tokens", total.input + total.output);
        if (usage.has("input_tokens_details") && usage.get("input_tokens_details").isObject()) {
            ((ObjectNode) usage.get("input_tokens_details")).put("cached_tokens", total.cacheRead);
        }
        emit(new SseEvents.Event("response.completed", done.toString()), done, null);
    }

    /** Writes one event, renumbering its sequence number and output index when they differ from the client's. */
    private void emit(SseEvents.Event e, ObjectNode data, Integer outputIdx) throws IOException {
        boolean changed = false;
        ObjectNode out = data;
        if (data.has("sequence_number") && nextSeq >= 0) {
            long seq = nextSeq++;
            if (data.get("sequence_number").asLong() != seq) {
                out = out.deepCopy();
                out.put("sequence_number", seq);
                changed = true;
            }
        }
        if (outputIdx != null && data.has("output_index") && data.get("output_index").asInt() != outputIdx) {
            out = changed ? out : out.deepCopy();
            out.put("output_index", outputIdx);
            changed = true;
        }
        client.write(Json.event(e.name(), changed ? out.toString() : e.data()));
    }
}
