package dev.headroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the pinned Claude Code non-interactively ({@code -p}) with the Bash tool allowed and stream-json
 * output, in a scratch HOME, with no traffic but to its base URL; and reads what it printed.
 */
final class ClaudeCode {

    static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaudeCode() {
    }

    /** The environment for a direct run against {@code baseUrl}. */
    static Map<String, String> env(Path home, String baseUrl) {
        Map<String, String> env = ProcessRun.baseEnv(home, PinnedClients.binDir());
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("ANTHROPIC_API_KEY", "sk-ant-dummy");
        if (baseUrl != null) {
            env.put("ANTHROPIC_BASE_URL", baseUrl);
        }
        return env;
    }

    /** {@code claude -p PROMPT --allowedTools Bash --output-format stream-json --verbose [--continue]}. */
    static List<String> args(String prompt, boolean continueLast) {
        List<String> args = new ArrayList<>(List.of("-p", prompt, "--allowedTools", "Bash", "--output-format", "stream-json", "--verbose"));
        if (continueLast) {
            args.add("--continue");
        }
        return args;
    }

    static ProcessRun run(Path claude, Path workDir, Map<String, String> env, String prompt, boolean continueLast)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(claude.toString());
        cmd.addAll(args(prompt, continueLast));
        return ProcessRun.run(cmd, env, workDir, TIMEOUT);
    }

    /** The stream-json events, one per line (lines that are not JSON are skipped). */
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

    /** The final {@code result} event's text, or null. */
    static String resultText(String stdout) {
        String text = null;
        for (JsonNode e : events(stdout)) {
            if ("result".equals(e.path("type").asText())) {
                text = e.path("result").asText(null);
            }
        }
        return text;
    }

    /** The tool outputs as the client held them (tool_result blocks of its "user" events). */
    static List<String> clientToolOutputs(String stdout) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events(stdout)) {
            if ("user".equals(e.path("type").asText())) {
                for (JsonNode block : e.path("message").path("content")) {
                    if ("tool_result".equals(block.path("type").asText())) {
                        JsonNode c = block.path("content");
                        out.add(c.isTextual() ? c.asText() : c.toString());
                    }
                }
            }
        }
        return out;
    }

    /** The HTTP statuses of the failed attempts Claude Code retried ({@code system/api_retry} events), in order. */
    static List<Integer> retriedStatuses(String stdout) {
        List<Integer> statuses = new ArrayList<>();
        for (JsonNode e : events(stdout)) {
            if ("system".equals(e.path("type").asText()) && "api_retry".equals(e.path("subtype").asText())) {
                statuses.add(e.path("error_status").asInt());
            }
        }
        return statuses;
    }

    /** The names of the tools the model called, as the client saw them. */
    static List<String> clientToolCalls(String stdout) {
        List<String> names = new ArrayList<>();
        for (JsonNode e : events(stdout)) {
            if ("assistant".equals(e.path("type").asText())) {
                for (JsonNode block : e.path("message").path("content")) {
                    if ("tool_use".equals(block.path("type").asText())) {
                        names.add(block.path("name").asText());
                    }
                }
            }
        }
        return names;
    }
}
