package dev.headroom.proxy.forward;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StickyBetaEvictionTest {

    @Test
    void pastTheCapTheLeastRecentlyUsedSessionsAreForgottenAndActiveOnesKept() {
        StickyBetaHeaders sticky = new StickyBetaHeaders();
        sticky.merge("active", List.of("a-1"));
        for (int i = 0; i < StickyBetaHeaders.MAX_SESSIONS; i++) {
            sticky.merge("s" + i, List.of("x-" + i));
            if (i % 100 == 0) {
                assertEquals("a-1", sticky.merge("active", List.of()), "still remembered at " + i);
            }
        }
        assertTrue(sticky.size() <= StickyBetaHeaders.MAX_SESSIONS, "size " + sticky.size());
        assertEquals("a-1", sticky.merge("active", List.of()));
        assertEquals("y-1", sticky.merge("s0", List.of("y-1")), "the oldest session starts afresh");
    }
}
