package dev.headroom.proxy.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A small recording LLM upstream on loopback for the proxy's tests (the shared test-support fake replaces it
 * once that module lands). Each request is recorded; the reply comes from a scripted {@link Responder}.
 */
public final class LocalFakeUpstream implements AutoCloseable {

    /** One request as the upstream saw it. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Writes the reply for one request. */
    @FunctionalInterface
    public interface Responder {
        void respond(Recorded request, HttpExchange exchange) throws Exception;
    }

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Responder responder = LocalFakeUpstream::anthropicText;

    public LocalFakeUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            try {
                Map<String, List<String>> headers = new TreeMap<>();
                ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
                Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                        ex.getRequestURI().getRawQuery(), headers, ex.getRequestBody().readAllBytes());
                requests.add(r);
                responder.respond(r, ex);
            } catch (Exception e) {
                // the test sees the failure through the client
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return requests;
    }

    public Recorded last() {
        return requests.get(requests.size() - 1);
    }

    public void respond(Responder r) {
        this.responder = r;
    }

    /** Sends {@code body} with {@code status} and {@code contentType}, plus extra headers. */
    public static void send(HttpExchange ex, int status, String contentType, byte[] body, String... headers)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** A plain Anthropic reply: JSON, or SSE when the request asked to stream. */
    public static void anthropicText(Recorded r, HttpExchange ex) throws IOException {
        if (r.bodyText().contains("\"stream\":true")) {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (String e : AnthropicSse.textEvents("Hello from the fake", 10, 5)) {
                    out.write(e.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
            return;
        }
        send(ex, 200, "application/json", ("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Hello from the fake\"}],\"stop_reason\":\"end_turn\","
                + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5,\"cache_read_input_tokens\":3,"
                + "\"cache_creation_input_tokens\":2}}").getBytes(StandardCharsets.UTF_8), "request-id", "req_fake");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
