package dev.headroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.testsupport.Api;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real pinned Codex through {@code headroom wrap codex} on a running proxy: the wrap routes it by its
 * config.toml, Codex finishes, the upstream gets compressed output, doctor sees Codex routed, and
 * {@code headroom unwrap codex} gives the user's config.toml back byte for byte.
 */
class WrapCodexIT {

    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WRAP_TIMEOUT = Duration.ofSeconds(200);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A user's own config, comments and a table included, which the wrap edits and unwrap restores. */
    private static final String USER_CONFIG = """
            # my codex settings
            model = "gpt-5.5"   # the catalog model
            approval_policy = "never"

            [features]
            plugins = false     # no plugin lookups
            [analytics]
            enabled = false
            """;

    @TempDir
    Path tmp;

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void wrapCodexRoutesTheRealCodexThroughTheProxyAndUnwrapRestoresItsConfig() throws Exception {
        Path codex = PinnedClients.codex();
        Path launcher = PinnedClients.launcher();
        Path home = tmp.resolve("home");
        Path headroomHome = tmp.resolve("headroom");
        Path project = Workspace.create(home.resolve("orders-service"));
        Path config = Files.createDirectories(home.resolve(".codex")).resolve("config.toml");
        Files.writeString(config, USER_CONFIG);
        byte[] original = Files.readAllBytes(config);
        try (FakeLlmUpstream upstream = FakeLlmUpstream.start(0).script(Scripts.readFiles());
             ProxyProcess proxy = ProxyProcess.start(launcher, headroomHome, upstream.baseUrl(), ProcessRun.baseEnv(home))) {
            diagnostics.add("fake upstream requests", () -> Diagnostics.upstreamSummary(upstream));
            diagnostics.add("proxy log", proxy::log);
            Path bin = Files.createDirectories(tmp.resolve("bin"));
            Files.createSymbolicLink(bin.resolve("codex"), codex.toAbsolutePath());
            Map<String, String> env = ProcessRun.baseEnv(home, bin);
            env.put("HEADROOM_HOME", headroomHome.toString());
            env.put("OPENAI_API_KEY", "sk-dummy");

            List<String> wrapCmd = new ArrayList<>(List.of(launcher.toString(), "wrap", "codex", "--port",
                    Integer.toString(proxy.port()), "--", "exec", "--json", "--skip-git-repo-check",
                    "--dangerously-bypass-approvals-and-sandbox", Scripts.PROMPT));
            ProcessRun wrap = ProcessRun.run(wrapCmd, env, project, WRAP_TIMEOUT);
            diagnostics.add("headroom wrap codex", wrap::describe);
            String wrappedConfig = Files.readString(config);
            diagnostics.add("config.toml while wrapped", () -> wrappedConfig);
            ProcessRun doctor = ProcessRun.run(List.of(launcher.toString(), "doctor", "--port", Integer.toString(proxy.port()),
                    "--json"), env, project, CLI_TIMEOUT);
            diagnostics.add("headroom doctor --json", doctor::describe);
            ProcessRun unwrap = ProcessRun.run(List.of(launcher.toString(), "unwrap", "codex"), env, project, CLI_TIMEOUT);
            diagnostics.add("headroom unwrap codex", unwrap::describe);
            diagnostics.verify(() -> {
                assertEquals(0, wrap.exitCode(), "wrap passes on codex's exit code");
                assertEquals(Scripts.FINAL_TEXT, Codex.lastMessage(wrap.stdout()), "codex's final answer");
                List<RecordedRequest> turns = upstream.requests(Api.RESPONSES);
                assertEquals(3, turns.size(), "codex's three turns reached the upstream through the proxy");
                assertNotNull(ToolOutputs.firstMarkerHash(ToolOutputs.of(turns.get(2)).get(0)),
                        "the JSON output reached the upstream compressed");
                assertTrue(turns.stream().allMatch(r -> "Bearer sk-dummy".equals(r.header("authorization"))),
                        "the user's OPENAI_API_KEY reached the upstream");

                JsonNode codexCheck = check(JSON.readTree(doctor.stdout()), "codex");
                assertEquals("pass", codexCheck.path("status").asText(), "doctor sees Codex routed: " + codexCheck);
                StringBuilder all = new StringBuilder();
                JSON.readTree(doctor.stdout()).path("checks").forEach(c -> all.append(c.path("name").asText()).append('=')
                        .append(c.path("status").asText()).append("; "));
                System.out.println("doctor after wrap codex: exit " + doctor.exitCode() + " (" + all + "), codex check " + codexCheck);

                assertEquals(0, unwrap.exitCode(), "unwrap's exit code");
                assertArrayEquals(original, Files.readAllBytes(config), "unwrap restores config.toml byte for byte");
                JsonNode stats = proxy.stats();
                assertTrue(stats.path("tokens").path("saved").asLong() > 0, "/stats shows tokens saved");
                System.out.println("wrap codex: " + stats.path("tokens").path("saved").asLong() + " tokens saved over "
                        + stats.path("requests").path("total").asLong() + " requests");
            });
        }
    }

    private static JsonNode check(JsonNode doctorReport, String name) {
        for (JsonNode c : doctorReport.path("checks")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        return JSON.createObjectNode();
    }
}
