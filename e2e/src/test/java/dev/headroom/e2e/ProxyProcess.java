package dev.headroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged companion proxy as a user starts it: {@code bin/headroom proxy --port N --anthropic-api-url U
 * --openai-api-url U}, with its own HEADROOM_HOME, in the background until {@link #close()}.
 */
final class ProxyProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The proxy's JVM starts slowly on a loaded 2-core machine. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;
    private final Path headroomHome;

    private ProxyProcess(Process process, int port, Path log, Path headroomHome) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.headroomHome = headroomHome;
    }

    /** Starts the proxy on a free port, forwarding both APIs to {@code upstream}, and waits until /readyz answers. */
    static ProxyProcess start(Path launcher, Path headroomHome, String upstream, Map<String, String> env)
            throws IOException, InterruptedException {
        return start(launcher, headroomHome, upstream, env, freePort());
    }

    static ProxyProcess start(Path launcher, Path headroomHome, String upstream, Map<String, String> env, int port)
            throws IOException, InterruptedException {
        Files.createDirectories(headroomHome);
        Path log = headroomHome.resolve("proxy-e2e.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(launcher.toString(), "proxy", "--port", Integer.toString(port),
                "--anthropic-api-url", upstream, "--openai-api-url", upstream));
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("HEADROOM_HOME", headroomHome.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ProxyProcess proxy = new ProxyProcess(pb.start(), port, log, headroomHome);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (proxy.ready()) {
                return proxy;
            }
            if (!proxy.process.isAlive()) {
                throw new IOException("the proxy exited with " + proxy.process.exitValue() + ":\n" + proxy.log());
            }
            Thread.sleep(200);
        }
        proxy.close();
        throw new IOException("the proxy was not ready within " + READY_TIMEOUT.toSeconds() + " s:\n" + proxy.log());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path headroomHome() {
        return headroomHome;
    }

    boolean ready() {
        return get(baseUrl(), "/readyz") != null;
    }

    /** GET /stats as JSON. */
    /**
     * /stats once no proxied request is in flight (up to 5 s): a client can have a stream's last byte before the
     * proxy has finished counting that exchange, which it does once the stream has ended and its figures are final.
     */
    JsonNode stats() throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            String body = get(baseUrl(), "/stats");
            if (body == null) {
                throw new IOException("GET " + baseUrl() + "/stats did not answer 200");
            }
            JsonNode stats = JSON.readTree(body);
            if (stats.path("in_flight").asInt() == 0 || System.nanoTime() > deadline) {
                return stats;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stats;
            }
        }
    }

    /** The proxy's console output and the tail of its request log. */
    String log() {
        StringBuilder b = new StringBuilder();
        try {
            b.append(Files.readString(log));
        } catch (IOException e) {
            b.append("(no proxy console log: ").append(e.getMessage()).append(")");
        }
        Path requests = headroomHome.resolve("logs").resolve("requests.jsonl");
        if (Files.exists(requests)) {
            try {
                b.append("\n--- ").append(requests.getFileName()).append(" ---\n").append(Diagnostics.cut(Files.readString(requests), 8000));
            } catch (IOException ignored) {
                // the console log is enough
            }
        }
        return b.toString();
    }

    /** Body of GET url+path when it answers 200 within a few seconds, else null. */
    static String get(String url, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        // bin/headroom execs java, so this is the proxy's JVM; SIGTERM runs its shutdown hook (flushes the ledger).
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
