package dev.headroom.proxy.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.format.JsonFactories;

import java.nio.charset.StandardCharsets;

/**
 * Errors the proxy itself has to report, in the shape the client's SDK already understands: Anthropic's
 * {@code {"type":"error","error":{...}}}, OpenAI's {@code {"error":{...}}}, and the matching SSE events for a
 * stream that the upstream abandoned half way.
 */
public final class ErrorShapes {

    /** Which dialect a client speaks. */
    public enum Dialect { ANTHROPIC, OPENAI_CHAT, OPENAI_RESPONSES }

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactories.pooled());

    private ErrorShapes() {
    }

    public static Dialect dialectFor(String path, boolean anthropicProvider) {
        if (path.startsWith("/v1/messages")) {
            return Dialect.ANTHROPIC;
        }
        if (path.contains("/responses")) {
            return Dialect.OPENAI_RESPONSES;
        }
        if (path.contains("/chat/")) {
            return Dialect.OPENAI_CHAT;
        }
        return anthropicProvider ? Dialect.ANTHROPIC : Dialect.OPENAI_CHAT;
    }

    /** A JSON error body (for a non-streaming reply the proxy has to make up, e.g. upstream unreachable). */
    public static byte[] json(Dialect d, String type, String message) {
        ObjectNode root = JSON.createObjectNode();
        if (d == Dialect.ANTHROPIC) {
            root.put("type", "error");
            ObjectNode e = root.putObject("error");
            e.put("type", type);
            e.put("message", message);
        } else {
            ObjectNode e = root.putObject("error");
            e.put("message", message);
            e.put("type", type);
            e.putNull("param");
            e.put("code", type);
        }
        return bytes(root.toString());
    }

    /** A complete SSE event telling the client the stream failed, so it does not wait or misparse. */
    public static byte[] sseEvent(Dialect d, String message) {
        return switch (d) {
            case ANTHROPIC -> bytes("event: error\ndata: " + new String(json(d, "api_error", message),
                    StandardCharsets.UTF_8) + "\n\n");
            case OPENAI_CHAT -> bytes("data: " + new String(json(d, "server_error", message), StandardCharsets.UTF_8)
                    + "\n\n");
            case OPENAI_RESPONSES -> {
                ObjectNode root = JSON.createObjectNode();
                root.put("type", "response.failed");
                ObjectNode r = root.putObject("response");
                r.put("status", "failed");
                ObjectNode e = r.putObject("error");
                e.put("code", "server_error");
                e.put("message", message);
                yield bytes("event: response.failed\ndata: " + root + "\n\n");
            }
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
