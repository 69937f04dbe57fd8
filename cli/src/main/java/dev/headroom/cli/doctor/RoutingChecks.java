package dev.headroom.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.cli.wrap.CodexConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether Claude Code, Codex and this shell send their requests through the proxy. Claude Code's effective
 * base URL is the first one set in the project's {@code .claude/settings.local.json}, {@code .claude/settings.json},
 * the global {@code ~/.claude/settings.json}, then the environment (which is how {@code wrap claude} routes it,
 * so doctor run inside a wrapped session sees the route).
 */
final class RoutingChecks {

    private final Map<String, String> env;
    private final Path home;
    private final Path project;
    private final int port;

    RoutingChecks(Map<String, String> env, Path home, Path project, int port) {
        this.env = env;
        this.home = home;
        this.project = project;
        this.port = port;
    }

    Check claude() {
        List<Path> files = List.of(project.resolve(".claude/settings.local.json"), project.resolve(".claude/settings.json"),
                home.resolve(".claude/settings.json"));
        for (Path f : files) {
            Optional<String> url = settingsBaseUrl(f);
            if (url.isPresent()) {
                return judge("claude", url.get(), f.toString(), "edit env.ANTHROPIC_BASE_URL in " + f);
            }
        }
        String fromEnv = env.get("ANTHROPIC_BASE_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return judge("claude", fromEnv, "the environment (ANTHROPIC_BASE_URL)", "unset ANTHROPIC_BASE_URL or run `headroom wrap claude`");
        }
        if (!Files.isDirectory(home.resolve(".claude")) && !onPath("claude")) {
            // Nothing to route: a warning here would turn a Codex-only setup's doctor into exit 1.
            return Check.skip("claude", "Claude Code not found (no " + home.resolve(".claude") + ", no claude on PATH)", "");
        }
        return Check.warn("claude", "not routed: no ANTHROPIC_BASE_URL in .claude/settings*.json, ~/.claude/settings.json or the environment",
                "run Claude Code as `headroom wrap claude" + portFlag() + "`");
    }

    private Check judge(String name, String url, String source, String fixElsewhere) {
        return switch (LocalUrl.classify(url, port)) {
            case "match" -> Check.pass(name, "routed to " + url + " by " + source);
            case "other-port" -> Check.warn(name, "routed to " + url + " by " + source + ", not port " + port,
                    "run `headroom doctor --port <that port>` or " + fixElsewhere);
            default -> Check.warn(name, "bypasses the proxy: " + url + " set by " + source,
                    fixElsewhere + " (or run `headroom wrap " + name + portFlag() + "`)");
        };
    }

    Check codex() {
        CodexConfig config = CodexConfig.of(env);
        boolean installed = Files.isDirectory(config.file().getParent()) || onPath("codex");
        if (!Files.exists(config.file())) {
            return installed
                    ? Check.warn("codex", "not routed: " + config.file() + " does not exist", "run Codex as `headroom wrap codex" + portFlag() + "`")
                    : Check.skip("codex", "Codex not found (no " + config.file().getParent() + ", no codex on PATH)", "");
        }
        Optional<JsonNode> toml = config.read();
        if (toml.isEmpty()) {
            return Check.warn("codex", config.file() + " is not valid TOML", "fix the file, then run `headroom wrap codex`");
        }
        String selected = toml.get().path("model_provider").asText("");
        JsonNode provider = toml.get().path("model_providers").path("headroom");
        if (provider.isMissingNode()) {
            return Check.warn("codex", "not routed: no [model_providers.headroom] in " + config.file(),
                    "run Codex as `headroom wrap codex" + portFlag() + "`");
        }
        String url = provider.path("base_url").asText("");
        if (!selected.equals("headroom")) {
            return Check.warn("codex", "the headroom provider exists but model_provider is \"" + selected + "\"",
                    "run `headroom wrap codex" + portFlag() + "`");
        }
        return judge("codex", url, config.file().toString(), "run `headroom wrap codex" + portFlag() + "`");
    }

    Check shellEnv() {
        List<String> set = new ArrayList<>();
        for (String key : List.of("ANTHROPIC_BASE_URL", "OPENAI_BASE_URL")) {
            String v = env.get(key);
            if (v != null && !v.isBlank()) {
                String c = LocalUrl.classify(v, port);
                if (!c.equals("match")) {
                    return Check.warn("shell env", key + "=" + v + " in this shell sends requests "
                            + (c.equals("other-port") ? "to another port" : "around the proxy"),
                            "export " + key + "=http://127.0.0.1:" + port + (key.startsWith("OPENAI") ? "/v1" : "") + " or unset it");
                }
                set.add(key);
            }
        }
        if (set.isEmpty()) {
            return Check.skip("shell env", "ANTHROPIC_BASE_URL / OPENAI_BASE_URL not set in this shell",
                    "fine with `headroom wrap`; for other clients export ANTHROPIC_BASE_URL=http://127.0.0.1:" + port);
        }
        return Check.pass("shell env", String.join(", ", set) + " point at the proxy");
    }

    private String portFlag() {
        return port == 8787 ? "" : " --port " + port;
    }

    private boolean onPath(String name) {
        for (String dir : env.getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> settingsBaseUrl(Path f) {
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode url = new ObjectMapper().readTree(f.toFile()).path("env").path("ANTHROPIC_BASE_URL");
            return url.isTextual() && !url.asText().isBlank() ? Optional.of(url.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
