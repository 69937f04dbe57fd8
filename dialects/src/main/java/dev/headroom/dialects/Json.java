package dev.headroom.dialects;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.format.JsonFactories;

import java.nio.charset.StandardCharsets;

/** The dialects' one JSON mapper, and UTF-8 bytes of a string. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactories.pooled());

    private Json() {
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One event as it goes on the wire: {@code event: name} (when named), the data line, a blank line. */
    public static byte[] event(String name, String data) {
        return utf8((name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n");
    }
}
