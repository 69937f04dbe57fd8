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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transparent retrieval on an OpenAI Responses stream (Codex). Messages and reasoning stream through as they
 * arrive; function_call items are held until the response completes. When the model called
 * {@code headroom_retrieve}, the proxy appends the call and its {@code function_call_output} to {@code input},
 * re-asks, and continues the same client-visible response: one {@code response.created}, output indices and
 * sequence numbers renumbered, one {@code response.completed} listing every visible item with summed usage.
 */
final class ResponsesStreamLoop {

    private final RetrievalStore store;
    private final int maxRounds;

    ResponsesStreamLoop(RetrievalStore store, int maxRounds) {
        this.store = store;
        this.maxRounds = maxRounds;
    }

    /** Client-side numbering that continues across rounds. */
    private static final class Numbering {
        long nextSeq = -1;
        int nextOutput;
        final List<JsonNode> visibleItems = new ArrayList<>();
    }

    private static final class Round {
        final Map<Integer, List<ObjectNode>> heldEvents = new HashMap<>();
        final Map<Integer, Integer> outputMap = new HashMap<>();
        final List<JsonNode> items = new ArrayList<>();
        final List<JsonNode> retrieves = new ArrayList<>();
        final List<Integer> clientTools = new ArrayList<>();
        final Map<Integer, JsonNode> clientToolItems = new HashMap<>();
        final Usage usage = new Usage();
        ObjectNode completed;
        boolean errored;
    }

    void run(ClientStream client, Exchange x, UpstreamCall call, byte[] body,
             HttpResponse<InputStream> first) throws IOException {
        client.commit(first.statusCode(), first.headers(), Map.of());
        HttpResponse<InputStream> response = first;
        Numbering num = new Numbering();
        Usage total = new Usage();
        for (int round = 0; ; round++) {
            Round r;
            try (InputStream in = response.body()) {
                r = readRound(in, client, round == 0, num, x);
            }
            total.add(r.usage);
            x.usage.add(r.usage);
            if (r.errored) {
                return;
            }
            if (r.completed == null) {
                x.error = "upstream stream ended early in retrieve round " + round;
                client.write(ErrorShapes.sseEvent(ErrorShapes.Dialect.OPENAI_RESPONSES,
                        "headroom: the upstream connection failed mid-stream; the response is incomplete"));
                return;
            }
            if (!r.retrieves.isEmpty() && round < maxRounds) {
                byte[] next = followUp(body, r, x);
                if (next != null) {
                    x.retrieveRounds++;
                    body = next;
                    response = StreamRounds.resend(call, body, client, x, ErrorShapes.Dialect.OPENAI_RESPONSES);
                    if (response == null) {
                        return;
                    }
                    continue;
                }
            }
            finish(client, r, num, total);
            return;
        }
    }

    private byte[] followUp(byte[] body, Round r, Exchange x) {
        boolean stored = !new String(body, StandardCharsets.UTF_8).contains("\"store\":false");
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
        for (JsonNode call : r.retrieves) {
            String hash = hashOf(call.path("arguments").asText(""));
            Optional<String> original = hash.matches("[0-9a-f]{8,64}") ? store.get(hash) : Optional.empty();
            ObjectNode out = AnthropicBlock.JSON.createObjectNode();
            out.put("type", "function_call_output");
            out.put("call_id", call.path("call_id").asText(""));
            out.put("output", original.orElse("headroom: no original for hash " + hash
                    + " (unknown or expired); continue without it"));
            if (original.isPresent()) {
                x.retrievalsResolved++;
            } else {
                x.retrievalsMissed++;
            }
            items.add(out.toString());
        }
        return MessagesAppender.append(body, "input", items.toArray(new String[0]));
    }

    static String hashOf(String arguments) {
        try {
            String h = AnthropicBlock.JSON.readTree(arguments).path("hash").asText("").trim().toLowerCase(java.util.Locale.ROOT);
            return h.startsWith("hash=") ? h.substring(5) : h;
        } catch (IOException e) {
            return "";
        }
    }

    private Round readRound(InputStream in, ClientStream client, boolean firstRound, Numbering num, Exchange x)
            throws IOException {
        Round r = new Round();
        StreamRounds.EventReader events = new StreamRounds.EventReader(in, x);
        while (r.completed == null) {
            List<SseEvents.Event> batch = events.next();
            if (batch == null) {
                return r; // ended or failed before the round finished: the caller reports it
            }
            for (SseEvents.Event e : batch) {
                JsonNode parsed;
                try {
                    parsed = AnthropicBlock.JSON.readTree(e.data());
                } catch (IOException bad) {
                    client.write(AnthropicStreamLoop.raw(e.name(), e.data()));
                    continue;
                }
                if (!(parsed instanceof ObjectNode data)) {
                    client.write(AnthropicStreamLoop.raw(e.name(), e.data()));
                    continue;
                }
                String type = data.path("type").asText(e.name() == null ? "" : e.name());
                if (num.nextSeq < 0 && data.has("sequence_number")) {
                    num.nextSeq = data.get("sequence_number").asLong();
                }
                Integer idx = data.has("output_index") ? data.get("output_index").asInt() : null;
                switch (type) {
                    case "response.created", "response.in_progress", "response.queued" -> {
                        if (firstRound) {
                            emit(client, e, data, num, null);
                        }
                    }
                    case "response.output_item.added" -> {
                        if (data.path("item").path("type").asText().equals("function_call")) {
                            r.heldEvents.computeIfAbsent(idx, k -> new ArrayList<>()).add(data);
                        } else {
                            r.outputMap.put(idx, num.nextOutput++);
                            emit(client, e, data, num, r.outputMap.get(idx));
                        }
                    }
                    case "response.output_item.done" -> {
                        JsonNode item = data.path("item");
                        r.items.add(item);
                        if (r.heldEvents.containsKey(idx)) {
                            r.heldEvents.get(idx).add(data);
                            if (item.path("name").asText().equals(RetrieveTool.NAME)) {
                                r.retrieves.add(item);
                            } else {
                                r.clientTools.add(idx);
                                r.clientToolItems.put(idx, item);
                            }
                        } else {
                            emit(client, e, data, num, r.outputMap.get(idx));
                            num.visibleItems.add(item);
                        }
                    }
                    case "response.completed" -> {
                        r.usage.absorb(data.path("response").path("usage"));
                        r.completed = data;
                    }
                    case "response.failed", "response.incomplete", "error" -> {
                        r.usage.absorb(data.path("response").path("usage"));
                        emit(client, e, data, num, null);
                        r.errored = true;
                        return r;
                    }
                    default -> {
                        if (idx != null && r.heldEvents.containsKey(idx)) {
                            r.heldEvents.get(idx).add(data);
                        } else {
                            emit(client, e, data, num, idx == null ? null : r.outputMap.getOrDefault(idx, idx));
                        }
                    }
                }
            }
        }
        return r;
    }

    private void finish(ClientStream client, Round r, Numbering num, Usage total) throws IOException {
        for (int idx : r.clientTools) {
            int clientIdx = num.nextOutput++;
            for (ObjectNode ev : r.heldEvents.get(idx)) {
                emit(client, new SseEvents.Event(ev.path("type").asText(), ev.toString()), ev, num, clientIdx);
            }
            num.visibleItems.add(r.clientToolItems.get(idx));
        }
        ObjectNode done = r.completed.deepCopy();
        ObjectNode resp = done.has("response") && done.get("response").isObject() ? (ObjectNode) done.get("response")
                : done.putObject("response");
        ArrayNode output = resp.putArray("output");
        num.visibleItems.forEach(output::add);
        ObjectNode usage = resp.has("usage") && resp.get("usage").isObject() ? (ObjectNode) resp.get("usage")
                : resp.putObject("usage");
        usage.put("input_tokens", total.input);
        usage.put("output_tokens", total.output);
        usage.put("total_tokens", total.input + total.output);
        if (usage.has("input_tokens_details") && usage.get("input_tokens_details").isObject()) {
            ((ObjectNode) usage.get("input_tokens_details")).put("cached_tokens", total.cacheRead);
        }
        emit(client, new SseEvents.Event("response.completed", done.toString()), done, num, null);
    }

    /** Writes one event, renumbering its sequence number and output index when they differ from the client's. */
    private static void emit(ClientStream client, SseEvents.Event e, ObjectNode data, Numbering num, Integer outputIdx)
            throws IOException {
        boolean changed = false;
        ObjectNode out = data;
        if (data.has("sequence_number") && num.nextSeq >= 0) {
            long seq = num.nextSeq++;
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
        client.write(AnthropicStreamLoop.raw(e.name(), changed ? out.toString() : e.data()));
    }
}
