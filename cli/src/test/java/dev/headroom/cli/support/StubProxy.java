package dev.headroom.cli.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on loopback that answers the proxy's ops endpoints ({@code /livez}, {@code /readyz},
 * {@code /stats}) with JSON the test sets: the seam for CLI tests that must not depend on the proxy's
 * compression. Tests with the real proxy run too when {@code headroom proxy} exists.
 */
public final class StubProxy implements AutoCloseable {

    private final HttpServer server;
    public final AtomicReference<String> version = new AtomicReference<>("0.1.0-SNAPSHOT");
    public final AtomicReference<String> stats = new AtomicReference<>("{}");
    public final AtomicInteger livezCalls = new AtomicInteger();

    public StubProxy() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/livez", ex -> {
            livezCalls.incrementAndGet();
            send(ex, "{\"service\":\"headroom-proxy\",\"status\":\"ok\",\"alive\":true,\"version\":\"" + version.get()
                    + "\",\"uptime_seconds\":12}");
        });
        server.createContext("/readyz", ex -> send(ex, "{\"status\":\"ok\",\"ready\":true}"));
        server.createContext("/stats", ex -> send(ex, stats.get()));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
