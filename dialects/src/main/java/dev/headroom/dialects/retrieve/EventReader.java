package dev.headroom.dialects.retrieve;

import dev.headroom.dialects.SseEvents;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Reads an upstream event stream as batches of complete events, noting when its first byte came. */
public final class EventReader {

    private final InputStream in;
    private final RoundsReport report;
    private final SseEvents splitter = new SseEvents();
    private final byte[] buf = new byte[16 * 1024];

    public EventReader(InputStream in, RoundsReport report) {
        this.in = in;
        this.report = report;
    }

    /** The complete events that came with the next read (possibly none), or null at the end or on a read error. */
    public List<SseEvents.Event> next() {
        int n;
        try {
            n = in.read(buf);
        } catch (IOException e) {
            return null; // the caller sees an unfinished round and reports the failure
        }
        if (n < 0) {
            return null;
        }
        if (report.firstByteNanos < 0) {
            report.firstByteNanos = System.nanoTime();
        }
        byte[] complete = splitter.feed(buf, 0, n);
        return complete.length == 0 ? List.of() : SseEvents.parse(complete);
    }
}
