package dev.headroom.dialects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.dialects.retrieve.ClientSink;
import dev.headroom.dialects.retrieve.JsonRounds;
import dev.headroom.dialects.retrieve.StreamRounds;
import dev.headroom.dialects.retrieve.anthropic.AnthropicJsonRounds;
import dev.headroom.dialects.retrieve.anthropic.AnthropicStreamRounds;
import dev.headroom.engine.format.WireFormat;

/** Anthropic Messages ({@code /v1/messages}): {@code {"type":"error","error":{type, message}}} and {@code event: error}. */
final class AnthropicMessages implements Dialect {

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public WireFormat format() {
        return WireFormat.ANTHROPIC;
    }

    @Override
    public byte[] errorJson(String type, String message) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("type", "error");
        ObjectNode e = root.putObject("error");
        e.put("type", type);
        e.put("message", message);
        return Json.utf8(root.toString());
    }

    @Override
    public byte[] sseError(String message) {
        return Json.event("error", new String(errorJson("api_error", message), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public JsonRounds jsonRounds() {
        return new AnthropicJsonRounds();
    }

    @Override
    public StreamRounds streamRounds(ClientSink client) {
        return new AnthropicStreamRounds(client);
    }

    @Override
    public String toString() {
        return name();
    }
}
