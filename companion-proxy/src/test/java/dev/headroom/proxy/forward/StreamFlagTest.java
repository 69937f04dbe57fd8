package dev.headroom.proxy.forward;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cheap {@code "stream": true} look that labels requests in logs and stats. */
class StreamFlagTest {

    private static boolean streams(String body) {
        return StreamFlag.isSet(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsTheFlagWithAnySpacingAndAtAnyDepth() {
        assertTrue(streams("{\"model\":\"m\",\"stream\":true}"));
        assertTrue(streams("{\"stream\" :\n\ttrue}"));
        assertTrue(streams("{\"stream\":false,\"x\":{\"stream\": true}}"), "a later occurrence counts");
        assertTrue(streams("\"stream\":true"), "at the very end");
    }

    @Test
    void doesNotFindWhatIsNotThere() {
        assertFalse(streams(""));
        assertFalse(streams("{\"stream\":false}"));
        assertFalse(streams("{\"stream\":tru"), "cut short");
        assertFalse(streams("{\"streams\":true}"));
        assertFalse(streams("{\"stream\":\"true\"}"), "a string is not the flag");
    }

    @Test
    void looksOnlyAtTheFirstMegabyte() {
        String pad = "{\"pad\":\"" + "x".repeat(1 << 20) + "\",";
        assertFalse(streams(pad + "\"stream\":true}"));
        assertTrue(streams("{\"stream\":true," + pad.substring(1) + "\"y\":1}"));
    }
}
