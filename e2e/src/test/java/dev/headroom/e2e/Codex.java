package dev.headroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the pinned Codex non-interactively ({@code codex exec --json}) with a custom Responses provider in a
 * scratch CODEX_HOME (its built-in provider ignores base URLs), plugins and analytics off so it dials nothing
 * but the provider; and reads its JSONL events.
 */
final class Codex {

    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final String PROVIDER = "e2e";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Codex() {
    }

    /** Writes {@code HOME/.codex/config.toml} with a provider at {@code baseUrl + "/v1"}; returns CODEX_HOME. */
    static Path configure(Path home, String baseUrl) throws IOException {
        Path codexHome = home.resolve(".codex");
        Files.createDirectories(codexHome);
        Files.writeString(codexHome.resolve("config.toml"), """
                model = "gpt-5.5"
                model_provider = "%s"
                [model_providers.%s]
                name = "Headroom proxy (e2e)"
                base_url = "%s/v1"
                env_key = "E2E_OPENAI_KEY"
                wire_api = "responses"
                request_max_retries = 0
                stream_max_retries = 0
                """.formatted(PROVIDER, PROVIDER, baseUrl));
        return codexHome;
    }

    static Map<String, String> env(Path home, Path codexHome) {
        Map<String, String> env = ProcessRun.baseEnv(home, PinnedClients.binDir());
        env.put("CODEX_HOME", codexHome.toString());
        env.put("E2E_OPENAI_KEY", "sk-dummy");
        return env;
    }

    /** {@code codex exec [resume --last] --json --disable plugins -c analytics.enabled=false ... PROMPT}. */
    static ProcessRun run(Path codex, Path workDir, Map<String, String> env, String prompt, boolean resumeLast)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(codex.toString(), "exec"));
        if (resumeLast) {
            cmd.addAll(List.of("resume", "--last"));
        }
        cmd.addAll(List.of("--json", "--disable", "plugins", "-c", "analytics.enabled=false", "--skip-git-repo-check",
                "--dangerously-bypass-approvals-and-sandbox", prompt));
        return ProcessRun.run(cmd, env, workDir, TIMEOUT);
    }

    static List<JsonNode> events(String stdout) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("{")) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException ignored) {
                    // a partial line
                }
            }
        }
        return events;
    }

    /** The text of the last completed agent_message, or null. */
    static String lastMessage(String stdout) {
        String text = null;
        for (JsonNode e : events(stdout)) {
            JsonNode item = e.path("item");
            if ("item.completed".equals(e.path("type").asText()) && "agent_message".equals(item.path("type").asText())) {
                text = item.path("text").asText(null);
            }
        }
        return text;
    }

    /** The completed command executions as Codex saw them: command and aggregated output. */
    static List<JsonNode> commands(String stdout) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : events(stdout)) {
            JsonNode item = e.path("item");
            if ("item.completed".equals(e.path("type").asText()) && "command_execution".equals(item.path("type").asText())) {
                out.add(item);
            }
        }
        return out;
    }
}
