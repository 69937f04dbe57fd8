package dev.headroom.proxy.retrieve;

import dev.headroom.proxy.forward.ErrorShapes;
import dev.headroom.proxy.forward.Exchange;
import dev.headroom.proxy.plane.UpstreamCall;
import dev.headroom.proxy.forward.SseEvents;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The I/O the three streamed retrieve loops (Anthropic, Chat, Responses) share: re-asking the upstream for
 * the next round, and reading an upstream event stream as complete SSE events.
 */
final class StreamRounds {

    private StreamRounds() {
    }

    /**
     * Sends the next round's body. When the upstream cannot be reached or does not answer 200 with an event
     * stream, the client gets one well-formed error event in its own dialect and null is returned.
     */
    static HttpResponse<InputStream> resend(UpstreamCall call, byte[] body, ClientStream client, Exchange x,
                                            ErrorShapes.Dialect dialect) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = call.send(body);
        } catch (IOException e) {
            x.error = "upstream unreachable in retrieve round: " + e;
            client.write(ErrorShapes.sseEvent(dialect,
                    "headroom: the upstream failed while resolving headroom_retrieve: " + e.getMessage()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        String ct = response.headers().firstValue("content-type").orElse("");
        if (response.statusCode() != 200 || !ct.startsWith("text/event-stream")) {
            String text;
            try (InputStream in = response.body()) {
                text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            x.error = "upstream answered " + response.statusCode() + " in retrieve round";
            client.write(ErrorShapes.sseEvent(dialect, "headroom: the upstream answered " + response.statusCode()
                    + " while resolving headroom_retrieve: " + text));
            return null;
        }
        return response;
    }

    /** Reads an upstream SSE body as batches of complete events, recording the time to its first byte. */
    static final class EventReader {
        private final InputStream in;
        private final Exchange x;
        private final SseEvents splitter = new SseEvents();
        private final byte[] buf = new byte[16 * 1024];

        EventReader(InputStream in, Exchange x) {
            this.in = in;
            this.x = x;
        }

        /** The complete events that arrived with the next read (possibly none), or null at the end or on a read error. */
        List<SseEvents.Event> next() {
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                return null; // the caller sees an unfinished round and reports the failure
            }
            if (n < 0) {
                return null;
            }
            if (x.ttfbNanos < 0) {
                x.ttfbNanos = System.nanoTime() - x.startedNanos;
            }
            byte[] complete = splitter.feed(buf, 0, n);
            return complete.length == 0 ? List.of() : SseEvents.parse(complete);
        }
    }
}
