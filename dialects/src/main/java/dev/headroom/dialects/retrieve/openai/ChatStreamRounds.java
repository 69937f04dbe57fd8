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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OpenAI Chat Completions retrieve rounds on a stream. Content deltas stream through; tool-call deltas, the finish
 * chunk and the usage chunk are held until {@code [DONE]}. The client gets its own tool calls (if any), one finish
 * chunk, summed usage and one {@code [DONE]}.
 */
public final class ChatStreamRounds implements StreamRounds {

    private final ClientSink client;

    public ChatStreamRounds(ClientSink client) {
        this.client = client;
    }

    /** One tool call assembled from its deltas. */
    private static final class Call {
        String id = "";
        String name = "";
        final StringBuilder arguments = new StringBuilder();
    }

    private static final class Round implements StreamRounds.Round {
        final StringBuilder text = new StringBuilder();
        final Map<Integer, Call> calls = new TreeMap<>();
        final List<Call> retrieves = new ArrayList<>();
        final List<Call> clientCalls = new ArrayList<>();
        final List<RetrieveCall> retrieveCalls = new ArrayList<>();
        final Usage usage = new Usage();
        ObjectNode template;
        ObjectNode finish;
        ObjectNode usageChunk;
        boolean done;

        public List<RetrieveCall> calls() {
            return retrieveCalls;
        }

        public Usage usage() {
            return usage;
        }

        public boolean complete() {
            return done;
        }

        public boolean errored() {
            return false;
        }

        void sort() {
            for (Call c : calls.values()) {
                if (c.name.equals(RetrieveTool.NAME)) {
                    retrieves.add(c);
                    retrieveCalls.add(new RetrieveCall(c.id, RetrieveCall.hashFromArguments(c.arguments.toString())));
                } else {
                    clientCalls.add(c);
                }
            }
        }
    }

    @Override
    public StreamRounds.Round read(InputStream in, boolean first, RoundsReport report) throws IOException {
        Round r = new Round();
        EventReader events = new EventReader(in, report);
        while (!r.done) {
            List<SseEvents.Event> batch = events.next();
            if (batch == null) {
                return r; // ended or failed before the round finished: the loop reports it
            }
            for (SseEvents.Event e : batch) {
                if (e.data().trim().equals("[DONE]")) {
                    r.done = true;
                    break;
                }
                JsonNode parsed;
                try {
                    parsed = Json.MAPPER.readTree(e.data());
                } catch (IOException bad) {
                    client.write(Json.event(e.name(), e.data()));
                    continue;
                }
                if (!(parsed instanceof ObjectNode chunk) || chunk.has("error")) {
                    client.write(Json.event(e.name(), e.data()));
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
                        client.write(Json.event(e.name(), e.data()));
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
                        client.write(Json.event(e.name(), rest.toString()));
                    }
                    continue;
                }
                client.write(Json.event(e.name(), e.data()));
            }
        }
        r.sort();
        return r;
    }

    @Override
    public byte[] followUp(byte[] request, StreamRounds.Round round, List<Originals.Result> results) {
        Round r = (Round) round;
        ObjectNode assistant = Json.MAPPER.createObjectNode();
        assistant.put("role", "assistant");
        if (r.text.length() > 0) {
            assistant.put("content", r.text.toString());
        } else {
            assistant.putNull("content");
        }
        ArrayNode calls = assistant.putArray("tool_calls");
        for (Call c : r.retrieves) {
            ObjectNode tc = calls.addObject();
            tc.put("id", c.id);
            tc.put("type", "function");
            tc.putObject("function").put("name", c.name).put("arguments", c.arguments.toString());
        }
        List<String> items = new ArrayList<>();
        items.add(assistant.toString());
        for (Originals.Result res : results) {
            ObjectNode tool = Json.MAPPER.createObjectNode();
            tool.put("role", "tool");
            tool.put("tool_call_id", res.call().id());
            tool.put("content", res.text());
            items.add(tool.toString());
        }
        return MessagesAppender.append(request, "messages", items.toArray(new String[0]));
    }

    @Override
    public void finish(StreamRounds.Round last, Usage total) throws IOException {
        Round r = (Round) last;
        int i = 0;
        for (Call c : r.clientCalls) {
            ObjectNode chunk = r.template != null ? r.template.deepCopy() : Json.MAPPER.createObjectNode();
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
            client.write(Json.event(null, chunk.toString()));
        }
        if (r.finish != null) {
            ObjectNode fin = r.finish.deepCopy();
            ObjectNode choice = (ObjectNode) fin.path("choices").get(0);
            if (r.clientCalls.isEmpty() && "tool_calls".equals(choice.path("finish_reason").asText())) {
                choice.put("finish_reason", "stop");
            }
            if (choice.path("delta").has("tool_calls")) {
                ((ObjectNode) choice.get("delta")).remove("tool_calls");
            }
            if (fin.hasNonNull("usage")) {
                sumInto((ObjectNode) fin.get("usage"), total);
            }
            client.write(Json.event(null, fin.toString()));
        }
        if (r.usageChunk != null) {
            ObjectNode u = r.usageChunk.deepCopy();
            sumInto((ObjectNode) u.get("usage"), total);
            client.write(Json.event(null, u.toString()));
        }
        client.write(Json.utf8("data: [DONE]\n\n"));
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
