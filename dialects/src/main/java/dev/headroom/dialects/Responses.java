package dev.headroom.dialects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.dialects.retrieve.ClientSink;
import dev.headroom.dialects.retrieve.JsonRounds;
import dev.headroom.dialects.retrieve.StreamRounds;
import dev.headroom.dialects.retrieve.openai.OpenAiJsonRounds;
import dev.headroom.dialects.retrieve.openai.ResponsesStreamRounds;
import dev.headroom.engine.format.WireFormat;

/** OpenAI Responses ({@code /v1/responses}, Codex): {@code {"error":{...}}}, and a {@code response.failed} event. */
final class Responses implements Dialect {

    @Override
    public String name() {
        return "responses";
    }

    @Override
    public WireFormat format() {
        return WireFormat.OPENAI_RESPONSES;
    }

    @Override
    public byte[] errorJson(String type, String message) {
        return OpenAiErrors.json(type, message);
    }

    @Override
    public byte[] sseError(String message) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("type", "response.failed");
        ObjectNode r = root.putObject("response");
        r.put("status", "failed");
        ObjectNode e = r.putObject("error");
        e.put("code", "server_error");
        e.put("message", message);
        return Json.event("response.failed", root.toString());
    }

    @Override
    public JsonRounds jsonRounds() {
        return new OpenAiJsonRounds(true);
    }

    @Override
    public StreamRounds streamRounds(ClientSink client) {
        return new ResponsesStreamRounds(client);
    }

    @Override
    public String toString() {
        return name();
    }
}
