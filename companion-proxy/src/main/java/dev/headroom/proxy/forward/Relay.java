package dev.headroom.proxy.forward;

import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.SseEvents;

import dev.headroom.proxy.record.ExchangeRecorder;
import dev.headroom.proxy.stats.UsageReader;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Copies an upstream response to the client as it arrives. Status and headers are passed on as they are
 * (errors included, bodies untouched); SSE is written event by event and flushed at once; usage is read on the
 * side. If the upstream dies mid-stream the client gets one well-formed error event; if the client goes away,
 * the upstream call is cancelled by closing its body.
 */
public final class Relay {

    /** Non-streaming JSON bodies up to this size are also parsed for usage. */
    private static final int MAX_CAPTURE = 8 << 20;
    private static final byte[] USAGE = {'u', 's', 'a', 'g', 'e'};

    private final Dialect dialect;

    public Relay(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Signals that writing to the client failed: the client is gone. */
    static final class ClientGone extends IOException {
        ClientGone(IOException cause) {
            super(cause);
        }
    }

    /** The upstream cut a non-streamed body the client has part of; the data plane aborts the client's connection. */
    public static final class UpstreamCut extends IOException {
        UpstreamCut(IOException cause) {
            super("the upstream cut the body mid-way: " + cause.getMessage(), cause);
        }
    }

    /** True when {@code response} is a Server-Sent Events stream. */
    public static boolean isEventStream(HttpResponse<?> response) {
        return response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT)
                .startsWith("text/event-stream");
    }

    public void relay(Context ctx, HttpResponse<InputStream> response, ExchangeRecorder x, Map<String, String> extraHeaders,
                      boolean head) throws IOException {
        var res = ctx.res();
        x.status(response.statusCode());
        res.setStatus(response.statusCode());
        String contentType = response.headers().firstValue("content-type").orElse("");
        boolean sse = isEventStream(response);
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            if (!HeaderPolicy.forwardResponseHeader(h.getKey())) {
                continue;
            }
            boolean first = true;
            for (String v : h.getValue()) {
                if (first) {
                    res.setHeader(h.getKey(), v); // replaces any default (Javalin presets content-type)
                    first = false;
                } else {
                    res.addHeader(h.getKey(), v);
                }
            }
        }
        if (!sse) {
            extraHeaders.forEach(res::setHeader);
            response.headers().firstValueAsLong("content-length").ifPresent(res::setContentLengthLong);
        }
        if (contentType.isEmpty()) {
            // Javalin would otherwise default it; the client must see exactly what the upstream said
            res.setContentType(null);
        }
        try (InputStream in = response.body()) {
            if (head) {
                flush(res.getOutputStream());
                return;
            }
            copy(in, res.getOutputStream(), x, sse, contentType.contains("json") && !sse);
        }
    }

    private void copy(InputStream in, OutputStream out, ExchangeRecorder x, boolean sse, boolean json) throws IOException {
        // an open stream holds its buffer for minutes, and events are small: 4 KB reads lose nothing there
        byte[] buf = new byte[sse ? 4 * 1024 : 16 * 1024];
        SseEvents events = sse ? new SseEvents() : null;
        SseEvents.Sink toClient = (b, off, len) -> {
            write(out, b, off, len);
            if (SseEvents.mentions(b, off, len, USAGE)) { // most events are deltas: no need to parse them
                for (SseEvents.Event e : SseEvents.parse(b, off, len)) {
                    x.usage(u -> UsageReader.fromEventData(e.data(), u));
                }
            }
        };
        ByteArrayOutputStream capture = json ? new ByteArrayOutputStream() : null;
        boolean first = true;
        IOException upstreamFailure = null;
        try {
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException e) {
                    upstreamFailure = e;
                    break;
                }
                if (n < 0) {
                    break;
                }
                if (first) {
                    x.firstByte();
                    first = false;
                }
                if (events != null) {
                    events.feed(buf, 0, n, toClient);
                } else {
                    write(out, buf, 0, n);
                    if (capture != null && capture.size() + n <= MAX_CAPTURE) {
                        capture.write(buf, 0, n);
                    }
                }
            }
            if (events != null) {
                if (upstreamFailure == null) {
                    byte[] rest = events.drain();
                    if (rest.length > 0) {
                        write(out, rest, 0, rest.length);
                    }
                } else {
                    x.failed("upstream failed mid-stream: " + upstreamFailure);
                    byte[] err = dialect.sseError("headroom: the upstream connection failed mid-stream ("
                            + upstreamFailure.getMessage() + "); the response is incomplete");
                    write(out, err, 0, err.length);
                }
            } else if (upstreamFailure != null) {
                x.failed("upstream failed mid-body: " + upstreamFailure);
                // the client has part of a body: only an aborted connection tells it the rest will not come
                throw new UpstreamCut(upstreamFailure);
            }
            if (first) {
                x.firstByte();
                flush(out);
            }
            if (capture != null) {
                byte[] captured = capture.toByteArray();
                x.usage(u -> UsageReader.fromJson(captured, u));
            }
        } catch (ClientGone gone) {
            x.clientGone();
            // closing the body (try-with-resources in relay) cancels the upstream exchange
        }
    }

    static void write(OutputStream out, byte[] b, int off, int len) throws ClientGone {
        try {
            out.write(b, off, len);
            out.flush();
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    private static void flush(OutputStream out) throws ClientGone {
        try {
            out.flush();
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }
}
