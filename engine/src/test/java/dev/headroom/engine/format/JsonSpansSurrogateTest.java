package dev.headroom.engine.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lone UTF-16 surrogates (sent as backslash-u escapes) come back out as the same escapes, never as '?'. */
class JsonSpansSurrogateTest {

    @Test
    void encodeWritesLoneSurrogatesAsEscapes() throws Exception {
        String text = "a\uD800b\uDC01c \uD83D\uDE00 \"q\"";
        byte[] literal = JsonSpans.encode(text);
        String json = new String(literal, StandardCharsets.UTF_8);
        assertTrue(json.contains("\\uD800") && json.contains("\\uDC01"), json);
        assertTrue(json.contains("\uD83D\uDE00"), "a valid pair stays as it is");
        assertEquals(text, new ObjectMapper().readValue(literal, String.class), "decodes to the same string");
        assertEquals(text, JsonSpans.decode(literal, 0, literal.length));
    }

    @Test
    void detectsOnlyLoneOnes() {
        assertFalse(JsonSpans.hasLoneSurrogate("plain \uD83D\uDE00"));
        assertTrue(JsonSpans.hasLoneSurrogate("end \uD83D"));
        assertTrue(JsonSpans.hasLoneSurrogate("\uDE00 start"));
        assertEquals("{\"k\":\"x\\uDE00\"}", JsonSpans.escapeLoneSurrogates("{\"k\":\"x\uDE00\"}"));
        String same = "no surrogates";
        assertTrue(same == JsonSpans.escapeLoneSurrogates(same));
    }
}
