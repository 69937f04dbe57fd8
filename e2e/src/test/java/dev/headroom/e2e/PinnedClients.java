package dev.headroom.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Claude Code and Codex CLIs at the versions the project pins, as {@code .ci/setup} installs them with
 * npm into {@code HEADROOM_CLIENTS_DIR} (default {@code ~/.cache/headroom-clients}, never inside the repo).
 * A clone without them skips the end-to-end tests instead of failing.
 */
final class PinnedClients {

    static final String CLAUDE_PACKAGE = "@anthropic-ai/claude-code";
    static final String CLAUDE_VERSION = "2.1.332";
    static final String CODEX_PACKAGE = "@openai/codex";
    static final String CODEX_VERSION = "0.171.0";

    private PinnedClients() {
    }

    static Path dir() {
        String prop = System.getProperty("headroom.clients.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("HEADROOM_CLIENTS_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "headroom-clients");
    }

    /** The directory holding the {@code claude} and {@code codex} links (goes on the clients' PATH). */
    static Path binDir() {
        return dir().resolve("node_modules").resolve(".bin");
    }

    /** The pinned {@code claude}, or a skipped test when it is not installed at that version. */
    static Path claude() {
        return require(CLAUDE_PACKAGE, CLAUDE_VERSION, "claude");
    }

    /** The pinned {@code codex}, or a skipped test when it is not installed at that version. */
    static Path codex() {
        return require(CODEX_PACKAGE, CODEX_VERSION, "codex");
    }

    private static Path require(String pkg, String version, String bin) {
        Path exe = binDir().resolve(bin);
        String installed = installedVersion(pkg);
        Assumptions.assumeTrue(Files.isExecutable(exe) && version.equals(installed),
                () -> pkg + "@" + version + " is not installed in " + dir() + " (found " + installed
                        + "); run .ci/setup (or set HEADROOM_CLIENTS_DIR) to run the end-to-end tests");
        return exe;
    }

    private static String installedVersion(String pkg) {
        Path manifest = dir().resolve("node_modules").resolve(pkg).resolve("package.json");
        try {
            return new ObjectMapper().readTree(manifest.toFile()).path("version").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The launcher {@code bin/headroom}, or a skipped test when the CLI is not built. */
    static Path launcher() {
        Path launcher = Path.of(System.getProperty("headroom.launcher", "../bin/headroom")).toAbsolutePath().normalize();
        Path jar = Path.of(System.getProperty("headroom.jar", "../cli/target/headroom.jar")).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isExecutable(launcher) && Files.isRegularFile(jar),
                () -> launcher + " or " + jar + " is missing; build with ./mvnw -DskipTests package");
        return launcher;
    }
}
