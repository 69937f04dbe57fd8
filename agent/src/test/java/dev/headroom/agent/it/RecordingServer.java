package dev.headroom.agent.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A fake LLM upstream on loopback that records every request. {@code /redirect/...} answers 307 to the
 * same path without the prefix; step {@code retry} has its first connection dropped before any response.
 */
final class RecordingServer implements AutoCloseable {

    record Recorded(String step, String path, String contentLength, String transferEncoding, byte[] body) {
    }

    private final HttpServer server;
    private final List<Recorded> requests = new ArrayList<>();
    private final Set<String> dropped = new HashSet<>();

    RecordingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "recording-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String step = String.valueOf(exchange.getRequestHeaders().getFirst("X-Step"));
        String path = exchange.getRequestURI().getRawPath();
        synchronized (this) {
            requests.add(new Recorded(step, path, exchange.getRequestHeaders().getFirst("Content-Length"),
                    exchange.getRequestHeaders().getFirst("Transfer-Encoding"), body));
            if (step.equals("retry") && dropped.add(step)) {
                exchange.close(); // no response headers: the connection is closed, the client retries
                return;
            }
        }
        if (path.startsWith("/redirect/")) {
            exchange.getResponseHeaders().add("Location", path.substring("/redirect".length()));
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
            return;
        }
        byte[] reply = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    synchronized List<Recorded> requests(String step) {
        return requests.stream().filter(r -> r.step().equals(step)).collect(Collectors.toList());
    }

    synchronized void clear() {
        requests.clear();
        dropped.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
