package dev.headroom.proxy.forward;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SseEventsTest {

    private static final byte[] USAGE = "usage".getBytes(StandardCharsets.US_ASCII);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void feedPassesOnCompleteEventsAndKeepsAHalfReceivedOne() {
        SseEvents events = new SseEvents();
        assertEquals(0, events.feed(b("event: a\ndata: 1\n"), 0, 17).length);
        byte[] complete = events.feed(b("\nevent: b\ndata: 2"), 0, 17);
        assertArrayEquals(b("event: a\ndata: 1\n\n"), complete);
        assertEquals(List.of(new SseEvents.Event("a", "1")), SseEvents.parse(complete));
        assertArrayEquals(b("event: b\ndata: 2"), events.drain());
    }

    @Test
    void mentionsFindsAWordAnywhereAndOnlyWholeMatches() {
        assertTrue(SseEvents.mentions(b("data: {\"usage\":{}}\n\n"), USAGE));
        assertTrue(SseEvents.mentions(b("usage"), USAGE), "the whole array");
        assertTrue(SseEvents.mentions(b("xxusage"), USAGE), "at the very end");
        assertFalse(SseEvents.mentions(b("usag"), USAGE), "shorter than the word");
        assertFalse(SseEvents.mentions(b("data: {\"type\":\"content_block_delta\"}\n\n"), USAGE));
        assertFalse(SseEvents.mentions(b("usagE"), USAGE), "case matters: the providers write it in lower case");
    }
}
