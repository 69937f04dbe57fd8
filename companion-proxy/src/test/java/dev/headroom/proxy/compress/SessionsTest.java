package dev.headroom.proxy.compress;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionsTest {

    @Test
    void theSameKeyIsTheSameSession() {
        Sessions s = new Sessions();
        assertSame(s.get("a"), s.get("a"));
        assertEquals(1, s.size());
    }

    @Test
    void pastTheCapTheLeastRecentlyUsedSessionsGoAndRecentOnesStay() {
        Sessions s = new Sessions();
        Sessions.Session kept = s.get("kept");
        kept.markRetrieveTool();
        for (int i = 0; i < Sessions.MAX_SESSIONS; i++) {
            s.get("s" + i);
            if (i % 100 == 0) {
                s.get("kept"); // in use all along
            }
        }
        assertTrue(s.size() <= Sessions.MAX_SESSIONS, "size " + s.size());
        assertSame(kept, s.get("kept"));
        assertTrue(s.get("kept").retrieveTool());
        assertEquals(0, s.get("s0").turns.get(), "the oldest session was dropped and starts afresh");
    }

    @Test
    void sessionKeysComeFromHeadersElseFromAHashOfTheBody() {
        String a = Sessions.keyOf(Map.of(), body("m1", "hello"));
        assertEquals(a, Sessions.keyOf(Map.of(), body("m1", "hello")));
        assertNotEquals(a, Sessions.keyOf(Map.of(), body("m2", "hello")));
        assertTrue(a.matches("h:[0-9a-f]{16}"), a);
        assertEquals("x-claude-code-session-id:abc", Sessions.keyOf(Map.of("x-claude-code-session-id", "abc"), body("s", "m")));
    }

    @Test
    void aStringSystemPromptTellsSessionsApart() {
        byte[] one = "{\"model\":\"m\",\"system\":\"You review Go code.\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] two = "{\"model\":\"m\",\"system\":\"You write SQL.\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] instructions = "{\"model\":\"m\",\"instructions\":\"You write SQL.\",\"input\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] otherInstructions = "{\"model\":\"m\",\"instructions\":\"You review Go code.\",\"input\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        assertNotEquals(Sessions.keyOf(Map.of(), one), Sessions.keyOf(Map.of(), two));
        assertNotEquals(Sessions.keyOf(Map.of(), instructions), Sessions.keyOf(Map.of(), otherInstructions));
        assertEquals(Sessions.keyOf(Map.of(), two), Sessions.keyOf(Map.of(), two.clone()));
    }

    private static byte[] body(String model, String user) {
        return ("{\"model\":\"" + model + "\",\"system\":\"s\",\"messages\":[{\"role\":\"user\",\"content\":\"" + user
                + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }
}
