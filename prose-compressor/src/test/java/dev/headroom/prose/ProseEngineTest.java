package dev.headroom.prose;

import com.sun.net.httpserver.HttpServer;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.prose.ProseEngineStatus.State;
import dev.headroom.prose.model.ModelLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model resolution: explicit path, HF cache layout, background download, and honest "why not" states. */
class ProseEngineTest {

    private static final String TEXT = "The cat sat on the mat and the dog was in the garden of the house.";

    @TempDir
    Path tmp;

    private static ProseEngineStatus settle(ProseEngine engine) throws InterruptedException {
        return engine.startInBackground().awaitSettled(Duration.ofSeconds(60));
    }

    @Test
    void beforeStartingNothingIsLoadedAndProsePassesThrough() {
        try (ProseEngine engine = ProseEngine.fromEnvironment(Map.of("HF_HUB_OFFLINE", "1"))) {
            assertEquals(State.IDLE, engine.status().state());
            assertNull(new ProseCompressor(engine).compress(TEXT, TransformContext.of(ContentHash.of(TEXT))));
        }
    }

    @Test
    void offlineWithAnEmptyCacheIsUnavailableAndSaysWhy() throws Exception {
        try (ProseEngine engine = ProseEngine.fromEnvironment(Map.of("HF_HOME", tmp.toString(), "HF_HUB_OFFLINE", "1"))) {
            ProseEngineStatus s = settle(engine);
            assertEquals(State.UNAVAILABLE, s.state());
            assertTrue(s.reason().contains("HF_HUB_OFFLINE=1") && s.reason().contains(tmp.resolve("hub").toString()), s.reason());
            assertNull(new ProseCompressor(engine).compress(TEXT, TransformContext.of(ContentHash.of(TEXT))));
        }
    }

    @Test
    void anExplicitPathWithoutAModelIsUnavailable() throws Exception {
        try (ProseEngine engine = ProseEngine.fromEnvironment(Map.of("HEADROOM_KOMPRESS_MODEL", tmp.resolve("none").toString()))) {
            ProseEngineStatus s = settle(engine);
            assertEquals(State.UNAVAILABLE, s.state());
            assertTrue(s.reason().startsWith("HEADROOM_KOMPRESS_MODEL="), s.reason());
        }
    }

    @Test
    void findsTheModelInTheHuggingFaceCacheLayoutWithoutTheNetwork() throws Exception {
        Path repo = tmp.resolve("hub").resolve("models--chopratejas--kompress-v2-base");
        Path snapshot = repo.resolve("snapshots").resolve("abc123");
        Files.createDirectories(snapshot.resolve("onnx"));
        Files.write(snapshot.resolve("onnx/kompress-fp32.onnx"), TinyKompressModel.onnxBytes());
        // The tokenizer comes from the base model's repo, as for the real Kompress.
        Path base = tmp.resolve("hub").resolve("models--answerdotai--ModernBERT-base").resolve("snapshots").resolve("def456");
        Files.createDirectories(base);
        Files.writeString(base.resolve("tokenizer.json"), TinyKompressModel.tokenizerJson());
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs/main"), "abc123");

        try (ProseEngine engine = ProseEngine.fromEnvironment(Map.of("HF_HOME", tmp.toString(), "HF_HUB_OFFLINE", "1"))) {
            ProseEngineStatus s = settle(engine);
            assertTrue(s.available(), s.reason());
            assertEquals(snapshot.resolve("onnx/kompress-fp32.onnx"), s.model().model());
            assertNotNull(new ProseCompressor(engine).compress(TEXT, TransformContext.of(ContentHash.of(TEXT))));
        }
    }

    @Test
    void downloadsFromHfEndpointInTheBackgroundIntoTheCacheLayout() throws Exception {
        byte[] onnx = TinyKompressModel.onnxBytes();
        byte[] tokenizer = TinyKompressModel.tokenizerJson().getBytes(StandardCharsets.UTF_8);
        List<String> requested = new CopyOnWriteArrayList<>();
        HttpServer hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            byte[] body = switch (path) {
                case "/chopratejas/kompress-v2-base/resolve/main/onnx/kompress-fp32.onnx" -> onnx;
                case "/chopratejas/kompress-v2-base/resolve/main/tokenizer.json" -> tokenizer;
                default -> null;
            };
            exchange.getResponseHeaders().add("X-Repo-Commit", "0123abcd");
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        hub.start();
        try (ProseEngine engine = ProseEngine.fromEnvironment(Map.of("HF_HOME", tmp.toString(),
                "HF_ENDPOINT", "http://127.0.0.1:" + hub.getAddress().getPort()))) {
            ProseEngineStatus s = settle(engine);
            assertTrue(s.available(), s.reason());
            assertEquals(List.of("/chopratejas/kompress-v2-base/resolve/main/onnx/kompress-int8-wo.onnx",
                    "/chopratejas/kompress-v2-base/resolve/main/onnx/kompress-fp32.onnx",
                    "/chopratejas/kompress-v2-base/resolve/main/tokenizer.json"), requested);
            // A later process finds it in the cache with no network.
            assertEquals(new ModelLocator(Map.of("HF_HOME", tmp.toString())).cached().orElseThrow().model(),
                    tmp.resolve("hub/models--chopratejas--kompress-v2-base/snapshots/0123abcd/onnx/kompress-fp32.onnx"));
        } finally {
            hub.stop(0);
        }
    }

    @Test
    void anUnreachableHubLeavesTheEngineUnavailableNotTheRequestWaiting() throws IOException, InterruptedException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ProseEngine engine = ProseEngine.fromEnvironment(Map.of("HF_HOME", tmp.toString(),
                "HF_ENDPOINT", "http://127.0.0.1:" + closedPort))) {
            engine.startInBackground();
            // The request path never blocks on the download.
            assertNull(new ProseCompressor(engine).compress(TEXT, TransformContext.of(ContentHash.of(TEXT))));
            ProseEngineStatus s = engine.awaitSettled(Duration.ofSeconds(60));
            assertEquals(State.UNAVAILABLE, s.state());
            assertTrue(s.reason().contains("HF_ENDPOINT"), s.reason());
        }
    }
}
