package dev.headroom.dialects;

import dev.headroom.dialects.retrieve.ClientSink;
import dev.headroom.dialects.retrieve.JsonRounds;
import dev.headroom.dialects.retrieve.StreamRounds;
import dev.headroom.dialects.retrieve.openai.ChatStreamRounds;
import dev.headroom.dialects.retrieve.openai.OpenAiJsonRounds;
import dev.headroom.engine.format.WireFormat;

/** OpenAI Chat Completions ({@code /v1/chat/completions}): {@code {"error":{...}}}, and a bare {@code data:} event. */
final class ChatCompletions implements Dialect {

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public WireFormat format() {
        return WireFormat.OPENAI_CHAT;
    }

    @Override
    public byte[] errorJson(String type, String message) {
        return OpenAiErrors.json(type, message);
    }

    @Override
    public byte[] sseError(String message) {
        return Json.event(null, new String(errorJson("server_error", message), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public JsonRounds jsonRounds() {
        return new OpenAiJsonRounds(false);
    }

    @Override
    public StreamRounds streamRounds(ClientSink client) {
        return new ChatStreamRounds(client);
    }

    @Override
    public String toString() {
        return name();
    }
}
