package dev.headroom.dialects;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    @Test
    void wholeEventsInOneReadGoToTheSinkUncopiedAndTheRestWaits() throws Exception {
        byte[] read = b("xxevent: a\ndata: 1\n\nevent: b\ndata: 2\r\n\r\nevent: c\n");
        List<byte[]> arrays = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        SseEvents events = new SseEvents();
        events.feed(read, 2, read.length - 2, (bytes, off, len) -> {
            arrays.add(bytes);
            passed.add(new String(bytes, off, len, StandardCharsets.UTF_8));
        });
        assertSame(read, arrays.get(0), "straight from the read buffer");
        assertEquals(List.of("event: a\ndata: 1\n\nevent: b\ndata: 2\r\n\r\n"), passed);
        assertEquals(9, events.pendingBytes());
        assertArrayEquals(b("event: c\n"), events.drain());
        assertEquals(0, events.pendingBytes());
    }

    @Test
    void aSinkThatFailsStopsTheFeed() {
        SseEvents events = new SseEvents();
        assertThrows(IOException.class, () -> events.feed(b("data: 1\n\n"), 0, 9, (bytes, off, len) -> {
            throw new IOException("client gone");
        }));
    }

    /**
     * Any stream cut into any reads gives the same events as the splitter before it passed bytes on in place (kept
     * below as the reference): \n, \r\n and \r line ends, boundaries across reads, events longer than a read.
     */
    @Test
    void randomStreamsSplitAnyWayMatchTheReferenceSplitter() throws Exception {
        Random random = new Random(42);
        String[] pieces = {"event: x", "data: {\"a\":1}", "\n", "\n", "\r\n", "\r", ":", "data: ", "é", "usage"};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] stream = b(text.toString());
            SseEvents events = new SseEvents();
            ReferenceSplitter reference = new ReferenceSplitter();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int at = 0; at < stream.length; ) {
                int n = 1 + random.nextInt(Math.min(12, stream.length - at));
                byte[] read = new byte[n + 4]; // the read lies at an offset in a larger buffer, as in the relay
                System.arraycopy(stream, at, read, 3, n);
                List<String> passed = new ArrayList<>();
                events.feed(read, 3, n, (bytes, off, len) -> {
                    passed.add(new String(bytes, off, len, StandardCharsets.UTF_8));
                    got.write(bytes, off, len);
                });
                byte[] want = reference.feed(stream, at, n);
                expected.write(want);
                assertEquals(want.length == 0 ? List.of() : List.of(new String(want, StandardCharsets.UTF_8)), passed,
                        "stream " + text + " read at " + at);
                at += n;
            }
            got.write(events.drain());
            expected.write(reference.drain());
            assertArrayEquals(expected.toByteArray(), got.toByteArray());
            assertArrayEquals(stream, got.toByteArray(), "every byte passed on once, in order");
        }
    }

    /** The splitter as it was before it passed bytes on in place: one copy of everything pending per read. */
    private static final class ReferenceSplitter {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private int scanFrom;

        byte[] feed(byte[] buf, int off, int len) {
            pending.write(buf, off, len);
            byte[] all = pending.toByteArray();
            int end = -1;
            for (int i = Math.max(1, scanFrom); i < all.length; i++) {
                byte c = all[i];
                if (c == '\n' && (all[i - 1] == '\n' || (i >= 2 && all[i - 1] == '\r' && all[i - 2] == '\n'))) {
                    end = i + 1;
                } else if (c == '\r' && all[i - 1] == '\r') {
                    end = i + 1;
                }
            }
            if (end < 0) {
                scanFrom = all.length;
                return new byte[0];
            }
            pending.reset();
            pending.write(all, end, all.length - end);
            scanFrom = 0;
            return Arrays.copyOf(all, end);
        }

        byte[] drain() {
            return pending.toByteArray();
        }
    }
}
