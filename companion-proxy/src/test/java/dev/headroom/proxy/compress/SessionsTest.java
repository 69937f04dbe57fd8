package dev.headroom.proxy.compress;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void onlyASessionTheClientNamesIsOne() {
        assertEquals("conv-1", Sessions.keyOf(Map.of("x-headroom-session-id", " conv-1 ")));
        assertEquals("x-claude-code-session-id:abc", Sessions.keyOf(Map.of("x-claude-code-session-id", "abc")));
        assertEquals("session_id:019a", Sessions.keyOf(Map.of("session_id", "019a")), "Codex's header");
        assertNull(Sessions.keyOf(Map.of()), "no header: no session, whatever the body says");
        assertNull(Sessions.keyOf(Map.of("x-headroom-session-id", "  ")));
    }
}
