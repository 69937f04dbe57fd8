package dev.headroom.dialects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte stream into complete Server-Sent Events. {@link #feed} passes on the bytes seen so far up to the
 * last event boundary (a blank line), so the relay can pass every complete event on at once while a half-received
 * event waits for its end: if the upstream then dies, the client's stream stays well-formed.
 */
public final class SseEvents {

    /** One parsed event: its {@code event:} name (or null) and its joined {@code data:} lines. */
    public record Event(String name, String data) {
    }

    /** Receives complete events' bytes where they lie; the bytes are valid only during the call. */
    @FunctionalInterface
    public interface Sink {
        void accept(byte[] bytes, int off, int len) throws IOException;
    }

    private static final byte[] NONE = new byte[0];
    /** A pending event larger than this gives its buffer back once it is passed on, not keeping it for the stream. */
    private static final int KEEP_MAX = 16 * 1024;

    private byte[] pending = NONE;
    private int pendingLen;
    private int scanFrom;

    /**
     * Takes {@code len} more bytes and hands the complete events among all the bytes seen so far to {@code sink}
     * (not at all when none ended); the remainder is kept. When nothing is pending and the bytes end on an event
     * boundary, as an upstream's reads usually do, the events go to the sink straight from {@code buf}, uncopied.
     */
    public void feed(byte[] buf, int off, int len, Sink sink) throws IOException {
        if (pendingLen == 0) {
            int end = lastEventEnd(buf, off, off + len, off + 1);
            if (end < 0) {
                keep(buf, off, len);
                scanFrom = len;
                return;
            }
            sink.accept(buf, off, end - off);
            keep(buf, end, off + len - end);
            scanFrom = 0;
            return;
        }
        keep(buf, off, len);
        int end = lastEventEnd(pending, 0, pendingLen, Math.max(1, scanFrom));
        if (end < 0) {
            scanFrom = pendingLen;
            return;
        }
        sink.accept(pending, 0, end);
        System.arraycopy(pending, end, pending, 0, pendingLen - end);
        pendingLen -= end;
        scanFrom = 0;
        if (pendingLen == 0 && pending.length > KEEP_MAX) {
            pending = NONE;
        }
    }

    /** The complete events' bytes among those seen so far, as a copy (possibly empty); the remainder is kept. */
    public byte[] feed(byte[] buf, int off, int len) {
        byte[][] complete = {NONE};
        try {
            feed(buf, off, len, (b, o, l) -> complete[0] = Arrays.copyOfRange(b, o, o + l));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink above never throws
        }
        return complete[0];
    }

    /** The end (exclusive) of the last event boundary (a blank line) in {@code a[from, to)}, looking from {@code start}. */
    private static int lastEventEnd(byte[] a, int from, int to, int start) {
        int end = -1;
        for (int i = start; i < to; i++) {
            byte c = a[i];
            if (c == '\n' && (a[i - 1] == '\n' || (i - 2 >= from && a[i - 1] == '\r' && a[i - 2] == '\n'))) {
                end = i + 1;
            } else if (c == '\r' && a[i - 1] == '\r') {
                end = i + 1;
            }
        }
        return end;
    }

    private void keep(byte[] buf, int off, int len) {
        if (len == 0) {
            return;
        }
        if (pendingLen + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(Math.max(256, pending.length * 2), pendingLen + len));
        }
        System.arraycopy(buf, off, pending, pendingLen, len);
        pendingLen += len;
    }

    /** Bytes of an event that never ended (for logging when a stream dies). */
    public int pendingBytes() {
        return pendingLen;
    }

    /** Drains and returns whatever is pending (the stream ended cleanly without a final blank line). */
    public byte[] drain() {
        byte[] rest = Arrays.copyOf(pending, pendingLen);
        pending = NONE;
        pendingLen = 0;
        scanFrom = 0;
        return rest;
    }

    /** True when {@code bytes} contain {@code word} (ASCII): a cheap look before parsing events. */
    public static boolean mentions(byte[] bytes, byte[] word) {
        return mentions(bytes, 0, bytes.length, word);
    }

    /** True when {@code bytes[off, off + len)} contain {@code word} (ASCII). */
    public static boolean mentions(byte[] bytes, int off, int len, byte[] word) {
        return indexOf(bytes, word, off, off + len) >= 0;
    }

    /** Where {@code word} first lies wholly inside {@code a[from, to)}, or -1. */
    public static int indexOf(byte[] a, byte[] word, int from, int to) {
        outer:
        for (int i = from, last = to - word.length; i <= last; i++) {
            for (int k = 0; k < word.length; k++) {
                if (a[i + k] != word[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Parses complete events' bytes into events. */
    public static List<Event> parse(byte[] complete) {
        return parse(complete, 0, complete.length);
    }

    /** Parses the complete events in {@code bytes[off, off + len)}. */
    public static List<Event> parse(byte[] bytes, int off, int len) {
        List<Event> out = new ArrayList<>();
        String text = new String(bytes, off, len, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
        for (String block : text.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String name = null;
            StringBuilder data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String d = line.substring(5);
                    if (d.startsWith(" ")) {
                        d = d.substring(1);
                    }
                    data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
                }
            }
            if (name != null || data != null) {
                out.add(new Event(name, data == null ? "" : data.toString()));
            }
        }
        return out;
    }
}
