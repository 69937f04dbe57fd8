package dev.headroom.proxy.forward;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a byte stream into complete Server-Sent Events. {@link #feed} returns how many of the bytes seen so
 * far end on an event boundary (a blank line), so the relay can pass every complete event on at once while a
 * half-received event waits for its end: if the upstream then dies, the client's stream stays well-formed.
 */
public final class SseEvents {

    /** One parsed event: its {@code event:} name (or null) and its joined {@code data:} lines. */
    public record Event(String name, String data) {
    }

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private int scanFrom;

    /**
     * Appends {@code len} bytes and returns the complete events' bytes (possibly empty); the remainder is kept.
     */
    public byte[] feed(byte[] buf, int off, int len) {
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
        byte[] complete = java.util.Arrays.copyOf(all, end);
        pending.reset();
        pending.write(all, end, all.length - end);
        scanFrom = 0;
        return complete;
    }

    /** Bytes of an event that never ended (for logging when a stream dies). */
    public int pendingBytes() {
        return pending.size();
    }

    /** Drains and returns whatever is pending (the stream ended cleanly without a final blank line). */
    public byte[] drain() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        scanFrom = 0;
        return rest;
    }

    /** True when {@code bytes} contain {@code word} (ASCII): a cheap look before parsing events. */
    public static boolean mentions(byte[] bytes, byte[] word) {
        outer:
        for (int i = 0, last = bytes.length - word.length; i <= last; i++) {
            for (int j = 0; j < word.length; j++) {
                if (bytes[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Parses complete events' bytes into events. */
    public static List<Event> parse(byte[] complete) {
        List<Event> out = new ArrayList<>();
        String text = new String(complete, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
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
