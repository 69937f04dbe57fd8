package dev.headroom.cli.wrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment {@code wrap claude} gives Claude Code: the proxy as {@code ANTHROPIC_BASE_URL},
 * {@code ENABLE_TOOL_SEARCH=true} unless the user chose a value, and an {@code X-Headroom-Project} header
 * (the working directory's name) appended to {@code ANTHROPIC_CUSTOM_HEADERS} so savings are attributed.
 * Nothing is written to disk: routing lives in the launched process, so there is nothing to undo later.
 */
public final class ClaudeEnvironment {

    public static final String PROJECT_HEADER = "X-Headroom-Project";

    private ClaudeEnvironment() {
    }

    public static Map<String, String> apply(Map<String, String> base, int port, Path workingDir) {
        Map<String, String> env = new LinkedHashMap<>(base);
        String url = "http://127.0.0.1:" + port;
        env.put("ANTHROPIC_BASE_URL", url);
        String toolSearch = env.get("ENABLE_TOOL_SEARCH");
        if (toolSearch == null || toolSearch.isBlank()) {
            env.put("ENABLE_TOOL_SEARCH", "true");
        }
        Path name = workingDir.toAbsolutePath().normalize().getFileName();
        String header = PROJECT_HEADER + ": " + (name == null ? "root" : name.toString());
        String existing = env.get("ANTHROPIC_CUSTOM_HEADERS");
        if (existing == null || existing.isBlank()) {
            env.put("ANTHROPIC_CUSTOM_HEADERS", header);
        } else if (!existing.toLowerCase().contains(PROJECT_HEADER.toLowerCase() + ":")) {
            env.put("ANTHROPIC_CUSTOM_HEADERS", existing + "\n" + header);
        }
        env.put("HEADROOM_PORT", Integer.toString(port));
        return env;
    }

    /**
     * A settings file whose {@code env.ANTHROPIC_BASE_URL} points somewhere other than the proxy: Claude Code
     * applies settings' env over the process environment, so that file would take the session around the proxy.
     */
    public static Optional<String> conflictingSettings(Path home, Path project, int port) {
        String ours = "http://127.0.0.1:" + port;
        for (Path f : List.of(project.resolve(".claude/settings.local.json"), project.resolve(".claude/settings.json"),
                home.resolve(".claude/settings.json"))) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            try {
                JsonNode url = new ObjectMapper().readTree(f.toFile()).path("env").path("ANTHROPIC_BASE_URL");
                if (url.isTextual() && !url.asText().isBlank()) {
                    String u = url.asText().replaceAll("/+$", "");
                    boolean same = u.equals(ours) || u.equals("http://localhost:" + port);
                    return same ? Optional.empty() : Optional.of(f + " sets env.ANTHROPIC_BASE_URL=" + url.asText());
                }
            } catch (IOException e) {
                // unreadable settings: Claude Code will complain about them itself
            }
        }
        return Optional.empty();
    }
}
