package dev.headroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.testsupport.Api;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4's end-to-end run: the real pinned Claude Code through {@code headroom wrap claude} against the fake
 * upstream, then {@code headroom doctor} and {@code headroom savings} as a user would run them.
 */
class WrapClaudeIT {

    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);
    /** Proxy start-up (a JVM on a busy machine) plus the claude run. */
    private static final Duration WRAP_TIMEOUT = Duration.ofSeconds(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void wrapStartsAProxyAimedAtTheConfiguredUpstreamRunsClaudeAndStopsTheProxyAfterwards() throws Exception {
        Path claude = PinnedClients.claude();
        Path launcher = PinnedClients.launcher();
        Path home = tmp.resolve("home");
        Path headroomHome = tmp.resolve("headroom");
        Path project = Workspace.create(home.resolve("orders-service"));
        int port = ProxyProcess.freePort();
        try (FakeLlmUpstream upstream = FakeLlmUpstream.start(0).script(Scripts.readFiles())) {
            diagnostics.add("fake upstream requests", () -> Diagnostics.upstreamSummary(upstream));
            diagnostics.add("proxy log (started by wrap)", () -> read(headroomHome.resolve("logs").resolve("proxy-stdio.log")));
            Map<String, String> env = userEnv(home, headroomHome, claude);
            // The proxy that wrap starts inherits the environment: this is how it learns the upstream.
            env.put("ANTHROPIC_TARGET_API_URL", upstream.baseUrl());

            ProcessRun wrap = ProcessRun.run(wrapCommand(launcher, port), env, project, WRAP_TIMEOUT);
            diagnostics.add("headroom wrap claude", wrap::describe);
            ProcessRun savings = ProcessRun.run(List.of(launcher.toString(), "savings", "--json"), env, project, CLI_TIMEOUT);
            diagnostics.add("headroom savings --json", savings::describe);
            diagnostics.verify(() -> {
                assertEquals(0, wrap.exitCode(), "wrap passes on claude's exit code");
                assertTrue(wrap.stderr().contains("starting a proxy"), "wrap started its own proxy");
                assertEquals(Scripts.FINAL_TEXT, ClaudeCode.resultText(wrap.stdout()), "claude's final answer");
                List<RecordedRequest> turns = upstream.requests(Api.ANTHROPIC);
                assertEquals(3, turns.size(), "claude's three turns reached the upstream through the started proxy");
                String json = ToolOutputs.of(turns.get(2)).get(0);
                assertNotNull(ToolOutputs.firstMarkerHash(json), "the JSON tool output reached the upstream compressed");
                assertNull(ProxyProcess.get("http://127.0.0.1:" + port, "/livez"), "wrap stopped the proxy it started");

                assertEquals(0, savings.exitCode(), "savings' exit code");
                JsonNode allTime = JSON.readTree(savings.stdout()).path("windows").path("all_time");
                assertEquals(3, allTime.path("requests").asLong(), "savings counts claude's requests");
                assertTrue(allTime.path("tokens_saved").asLong() > 0, "savings shows tokens saved");
                System.out.println("wrap claude (own proxy): savings --json all_time " + allTime);
            });
        }
    }

    @Test
    void afterAWrappedRunOnARunningProxyDoctorPassesAndSavingsShowsTheTokensSaved() throws Exception {
        Path claude = PinnedClients.claude();
        Path launcher = PinnedClients.launcher();
        Path home = tmp.resolve("home");
        Path headroomHome = tmp.resolve("headroom");
        Path project = Workspace.create(home.resolve("orders-service"));
        try (FakeLlmUpstream upstream = FakeLlmUpstream.start(0).script(Scripts.readFiles());
             ProxyProcess proxy = ProxyProcess.start(launcher, headroomHome, upstream.baseUrl(), ProcessRun.baseEnv(home))) {
            diagnostics.add("fake upstream requests", () -> Diagnostics.upstreamSummary(upstream));
            diagnostics.add("proxy log", proxy::log);
            Map<String, String> env = userEnv(home, headroomHome, claude);

            ProcessRun wrap = ProcessRun.run(wrapCommand(launcher, proxy.port()), env, project, WRAP_TIMEOUT);
            diagnostics.add("headroom wrap claude", wrap::describe);
            // doctor as run inside the wrapped session (where wrap routes Claude Code: its environment) ...
            Map<String, String> wrapped = new java.util.LinkedHashMap<>(env);
            wrapped.put("ANTHROPIC_BASE_URL", proxy.baseUrl());
            ProcessRun doctor = ProcessRun.run(doctorCommand(launcher, proxy.port()), wrapped, project, CLI_TIMEOUT);
            diagnostics.add("headroom doctor --json (wrapped session)", doctor::describe);
            // ... and in the user's plain shell after wrap exited, for the record (wrap changes no settings file).
            ProcessRun plainDoctor = ProcessRun.run(doctorCommand(launcher, proxy.port()), env, project, CLI_TIMEOUT);
            diagnostics.add("headroom doctor --json (plain shell)", plainDoctor::describe);
            ProcessRun savings = ProcessRun.run(List.of(launcher.toString(), "savings", "--json"), env, project, CLI_TIMEOUT);
            diagnostics.add("headroom savings --json", savings::describe);
            diagnostics.verify(() -> {
                assertEquals(0, wrap.exitCode(), "wrap passes on claude's exit code");
                assertTrue(wrap.stderr().contains("using the proxy already running"), "wrap reused the running proxy");
                assertEquals(Scripts.FINAL_TEXT, ClaudeCode.resultText(wrap.stdout()), "claude's final answer");
                assertTrue(proxy.ready(), "the proxy wrap did not start is still up");
                List<RecordedRequest> turns = upstream.requests(Api.ANTHROPIC);
                assertEquals(3, turns.size(), "claude's three turns reached the upstream");
                assertTrue(turns.stream().allMatch(r -> r.header("x-headroom-project") == null
                                || "orders-service".equals(r.header("x-headroom-project"))),
                        "wrap's project header names the working directory (when forwarded)");

                JsonNode report = JSON.readTree(doctor.stdout());
                System.out.println("doctor (wrapped session): exit " + doctor.exitCode() + " " + statuses(report));
                System.out.println("doctor (plain shell after wrap): exit " + plainDoctor.exitCode() + " "
                        + statuses(JSON.readTree(plainDoctor.stdout())));
                assertEquals(0, doctor.exitCode(), "doctor passes: " + statuses(report));
                assertEquals(0, report.path("exit_code").asInt(), "doctor's JSON exit_code");

                assertEquals(0, savings.exitCode(), "savings' exit code");
                JsonNode allTime = JSON.readTree(savings.stdout()).path("windows").path("all_time");
                assertEquals(3, allTime.path("requests").asLong(), "savings counts claude's requests");
                assertTrue(allTime.path("tokens_saved").asLong() > 0, "savings shows tokens saved");
                assertEquals(proxy.stats().path("persistent_savings").path("lifetime").path("tokens_saved").asLong(),
                        allTime.path("tokens_saved").asLong(), "savings and the proxy's /stats agree");
                System.out.println("wrap claude (running proxy): savings --json all_time " + allTime);
            });
        }
    }

    /** A user's shell: scratch HOME and HEADROOM_HOME, and a PATH with Claude Code but not Codex on it. */
    private Map<String, String> userEnv(Path home, Path headroomHome, Path claude) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = bin.resolve("claude");
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, claude.toAbsolutePath());
        }
        Map<String, String> env = ProcessRun.baseEnv(home, bin);
        env.put("HEADROOM_HOME", headroomHome.toString());
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("ANTHROPIC_API_KEY", "sk-ant-dummy");
        env.put("HEADROOM_WRAP_PROXY_TIMEOUT", "90"); // a JVM start on a busy 2-core CI machine
        return env;
    }

    private static List<String> wrapCommand(Path launcher, int port) {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "wrap", "claude", "--port", Integer.toString(port), "--"));
        cmd.addAll(ClaudeCode.args(Scripts.PROMPT, false));
        return cmd;
    }

    private static List<String> doctorCommand(Path launcher, int port) {
        return List.of(launcher.toString(), "doctor", "--port", Integer.toString(port), "--json");
    }

    private static String statuses(JsonNode doctorReport) {
        StringBuilder b = new StringBuilder();
        for (JsonNode c : doctorReport.path("checks")) {
            b.append(c.path("name").asText()).append('=').append(c.path("status").asText());
            if (!"pass".equals(c.path("status").asText()) && !"skip".equals(c.path("status").asText())) {
                b.append(" (").append(c.path("summary").asText()).append(')');
            }
            b.append("; ");
        }
        return b.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + ": " + e.getMessage() + ")";
        }
    }
}
