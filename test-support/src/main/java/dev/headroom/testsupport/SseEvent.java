package dev.headroom.testsupport;

import java.nio.charset.StandardCharsets;

/** One server-sent event; {@code event} is null for OpenAI Chat, which sends bare {@code data:} lines. */
public record SseEvent(String event, String data) {

    public byte[] bytes() {
        String s = (event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
