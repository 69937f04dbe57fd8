package dev.headroom.testsupport;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes replies to an exchange, applying a {@link Fault}: delay before the first byte, pauses between SSE
 * events or body chunks, and dropping the connection mid-reply.
 */
final class ExchangeWriter {

    /** Thrown out of the handler so that the JDK server closes the socket without ending the chunked body. */
    static final class ConnectionDropped extends RuntimeException {
        ConnectionDropped() {
            super("fake upstream dropped the connection on purpose", null, false, false);
        }
    }

    private static final int JSON_CHUNK = 256;

    private ExchangeWriter() {
    }

    static void json(HttpExchange ex, int status, String body, Fault fault) throws IOException {
        pause(fault.delayMillis());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("request-id", "req_fake_" + System.nanoTime());
        if (status == 429 || status == 529 || status == 503) {
            ex.getResponseHeaders().set("retry-after", "1");
        }
        boolean chunked = fault.dropAfterEvents() >= 0 || fault.chunkDelayMillis() > 0;
        ex.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        OutputStream out = ex.getResponseBody();
        if (!chunked) {
            out.write(bytes);
            out.close();
            return;
        }
        int sent = 0;
        for (int off = 0; off < bytes.length; off += JSON_CHUNK) {
            if (fault.dropAfterEvents() >= 0 && sent >= fault.dropAfterEvents()) {
                out.flush();
                throw new ConnectionDropped();
            }
            if (sent > 0) {
                pause(fault.chunkDelayMillis());
            }
            out.write(bytes, off, Math.min(JSON_CHUNK, bytes.length - off));
            out.flush();
            sent++;
        }
        out.close();
    }

    static void sse(HttpExchange ex, List<SseEvent> events, Fault fault) throws IOException {
        pause(fault.delayMillis());
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("request-id", "req_fake_" + System.nanoTime());
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        int sent = 0;
        for (SseEvent e : events) {
            if (fault.dropAfterEvents() >= 0 && sent >= fault.dropAfterEvents()) {
                out.flush();
                throw new ConnectionDropped();
            }
            if (sent > 0) {
                pause(fault.chunkDelayMillis());
            }
            out.write(e.bytes());
            out.flush();
            sent++;
        }
        out.close();
    }

    static void plain(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
