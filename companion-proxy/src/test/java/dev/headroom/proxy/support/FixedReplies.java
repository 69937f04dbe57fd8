package dev.headroom.proxy.support;

import com.sun.net.httpserver.HttpExchange;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The fixed Anthropic reply the proxy's tests read exactly (text and usage), for the shared fake's responder. */
public final class FixedReplies {

    private FixedReplies() {
    }

    /** A plain Anthropic reply: JSON, or SSE when the request asked to stream. */
    public static void anthropicText(RecordedRequest r, HttpExchange ex) throws IOException {
        if (r.bodyText().contains("\"stream\":true")) {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (String e : AnthropicSse.textEvents("Hello from the fake", 10, 5)) {
                    out.write(e.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
            return;
        }
        FakeLlmUpstream.send(ex, 200, "application/json", ("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Hello from the fake\"}],\"stop_reason\":\"end_turn\","
                + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5,\"cache_read_input_tokens\":3,"
                + "\"cache_creation_input_tokens\":2}}").getBytes(StandardCharsets.UTF_8), "request-id", "req_fake");
    }

    /** The shared fake, answering with {@link #anthropicText} until a test says otherwise. */
    public static FakeLlmUpstream upstream() throws IOException {
        return FakeLlmUpstream.start(0).respond(FixedReplies::anthropicText);
    }
}
