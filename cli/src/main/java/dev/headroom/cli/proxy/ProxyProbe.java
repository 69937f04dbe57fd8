package dev.headroom.cli.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Talks to a local proxy's ops endpoints ({@code /livez}, {@code /readyz}, {@code /stats}) on loopback with
 * short timeouts. Uses HttpURLConnection rather than java.net.http because it starts faster, which matters
 * for {@code doctor}.
 */
public final class ProxyProbe {

    private final int port;

    public ProxyProbe(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The parsed {@code /livez} answer when the proxy is alive, else empty. */
    public Optional<JsonNode> livez() {
        return getJson("/livez", 2000);
    }

    public boolean ready() {
        return get("/readyz", 2000).map(r -> r.status() == 200).orElse(false);
    }

    public Optional<JsonNode> stats() {
        return getJson("/stats", 5000);
    }

    private Optional<JsonNode> getJson(String path, int timeoutMillis) {
        return get(path, timeoutMillis).filter(r -> r.status() == 200).flatMap(r -> {
            try {
                return Optional.of(new ObjectMapper().readTree(r.body()));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** One GET; empty when nothing answers (refused, timeout, not HTTP). */
    public Optional<Response> get(String path, int timeoutMillis) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create(baseUrl() + path).toURL().openConnection(java.net.Proxy.NO_PROXY);
            c.setConnectTimeout(Math.min(timeoutMillis, 1000));
            c.setReadTimeout(timeoutMillis);
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(new Response(status, body));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** A status and body. */
    public record Response(int status, String body) {
    }
}
