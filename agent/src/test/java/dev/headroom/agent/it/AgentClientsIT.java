package dev.headroom.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.agent.scenario.ScenarioBodies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every hooked client and version, on JDK 17 and JDK 25, in a forked JVM with the built agent jar and
 * the app's own (older) Jackson on its class path, against a recording server on loopback.
 */
class AgentClientsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] ORIGINAL = ScenarioBodies.anthropicToolResult();
    static RecordingServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new RecordingServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        String[][] clients = {
                {"JdkSender", "java.net.http", null, "retry,redirect,stream"},
                {"OkHttpSender", "okhttp-" + System.getProperty("headroom.it.okhttp3"), "okhttp-" + System.getProperty("headroom.it.okhttp3"), "stream"},
                {"OkHttpSender", "okhttp-" + System.getProperty("headroom.it.okhttp4"), "okhttp-" + System.getProperty("headroom.it.okhttp4"), "retry,redirect,stream"},
                {"OkHttpSender", "okhttp-" + System.getProperty("headroom.it.okhttp5"), "okhttp-" + System.getProperty("headroom.it.okhttp5"), "retry,redirect,stream"},
                {"Apache4Sender", "httpclient-" + System.getProperty("headroom.it.httpclient4"), "httpclient-" + System.getProperty("headroom.it.httpclient4"), "redirect,stream"},
                {"Apache5ClassicSender", "httpclient5-classic-" + System.getProperty("headroom.it.httpclient5"), "httpclient5-" + System.getProperty("headroom.it.httpclient5"), "redirect,oneshot,stream"},
                {"Apache5AsyncSender", "httpclient5-async-" + System.getProperty("headroom.it.httpclient5"), "httpclient5-" + System.getProperty("headroom.it.httpclient5"), "redirect"},
        };
        for (String jdk : new String[] {"headroom.it.jdk17", "headroom.it.jdk25"}) {
            for (String[] c : clients) {
                out.add(Arguments.of(jdk.substring(jdk.length() - 5), jdk, c[0], c[1], c[2], c[3]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("matrix")
    void compressesLlmRequestsAndLeavesEverythingElseAlone(String jdkLabel, String jdkKey, String sender, String label,
                                                           String clientDir, String extraSteps) throws Exception {
        Path jdk = ForkedApp.jdk(jdkKey);
        assumeTrue(jdk != null, jdkLabel + " is not installed here");
        server.clear();
        String steps = "llm,prefix,other-path,other-host,text,signed" + (extraSteps.isEmpty() ? "" : "," + extraSteps);
        String jackson = "jackson-" + System.getProperty("headroom.it.jackson");
        String cp = clientDir == null ? ForkedApp.classPath(jackson) : ForkedApp.classPath(clientDir, jackson);
        ForkedApp.Result r = ForkedApp.run(jdk, "hosts=127.0.0.1:" + server.port(), List.of(),
                Map.of("HEADROOM_HOME", Path.of("target", "it-home").toAbsolutePath().toString()), cp,
                sender, String.valueOf(server.port()), steps);

        assertEquals(0, r.exitCode(), r::toString);
        for (String step : steps.split(",")) {
            assertTrue(r.stdout().contains("STEP " + step + " 200"), () -> step + " did not end in 200: " + r);
        }
        assertTrue(r.line("APP-JACKSON").startsWith("APP-JACKSON " + System.getProperty("headroom.it.jackson")), r::toString);
        assertCompressed(single("llm"));
        assertCompressed(single("prefix"));
        for (String untouched : new String[] {"other-path", "other-host", "text", "signed"}) {
            assertArrayEquals(ORIGINAL, single(untouched).body(), untouched + " must go out byte for byte");
        }
        if (extraSteps.contains("redirect")) {
            List<RecordingServer.Recorded> hops = server.requests("redirect");
            assertEquals(2, hops.size(), "307 is followed once");
            assertEquals("/v1/messages", hops.get(1).path());
            hops.forEach(AgentClientsIT::assertCompressed);
        }
        if (extraSteps.contains("oneshot")) {
            assertCompressed(single("oneshot")); // read once, sent with a Content-Length
        }
        if (extraSteps.contains("stream")) {
            // Streams, one-shot and unknown-length bodies are never read.
            assertArrayEquals(ORIGINAL, single("stream").body(), "a streamed body goes out untouched");
        }
        if (extraSteps.contains("retry")) {
            List<RecordingServer.Recorded> tries = server.requests("retry");
            assertTrue(tries.size() >= 2, "the dropped connection is retried");
            tries.forEach(AgentClientsIT::assertCompressed);
        }
        assertEquals(0, r.stat("Errors"), r::toString);
        assertEquals(0, r.stat("EngineFailures"), r::toString);
        assertTrue(r.stat("RequestsCompressed") >= 2, r::toString);
        List<String> agentLines = r.stderr().lines().filter(l -> l.contains("[headroom-agent]")).toList();
        assertEquals(1, agentLines.size(), r::toString);
        assertTrue(agentLines.get(0).contains("127.0.0.1:" + server.port()), r::toString);
        // The bridge is defined in the bootstrap loader, not appended to the boot class path: no JVM CDS notice.
        assertTrue(r.stderr().lines().noneMatch(l -> l.contains("bootstrap classpath has been appended")), r::toString);
    }

    static RecordingServer.Recorded single(String step) {
        return single(server, step);
    }

    static RecordingServer.Recorded single(RecordingServer from, String step) {
        List<RecordingServer.Recorded> all = from.requests(step);
        assertEquals(1, all.size(), () -> "requests for step " + step);
        return all.get(0);
    }

    /** Smaller, valid JSON, Content-Length right, and the tool result's data unchanged (lossless). */
    static void assertCompressed(RecordingServer.Recorded r) {
        try {
            assertTrue(r.body().length < ORIGINAL.length * 0.8,
                    () -> r.step() + ": expected a compressed body, got " + r.body().length + " of " + ORIGINAL.length);
            assertEquals(String.valueOf(r.body().length), r.contentLength(), r.step() + ": Content-Length matches the body");
            JsonNode sent = JSON.readTree(r.body());
            JsonNode original = JSON.readTree(ORIGINAL);
            String sentResult = sent.at("/messages/2/content/0/content").asText();
            String originalResult = original.at("/messages/2/content/0/content").asText();
            assertFalse(sentResult.isEmpty());
            assertTrue(sentResult.length() < originalResult.length(), r.step() + ": the tool result shrank");
            // Lossless (minified JSON or a compact table): every value of every row is still there.
            for (JsonNode row : JSON.readTree(originalResult)) {
                for (JsonNode value : row) {
                    assertTrue(sentResult.contains(value.asText()), () -> r.step() + ": lost " + value);
                }
            }
            assertFalse(sentResult.contains("headroom_retrieve"), "lossless mode never offloads");
            assertEquals(original.at("/messages/0"), sent.at("/messages/0"), "other messages untouched");
        } catch (java.io.IOException e) {
            throw new AssertionError(r.step() + ": not JSON: " + new String(r.body(), StandardCharsets.UTF_8), e);
        }
    }
}
