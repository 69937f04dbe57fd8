package dev.headroom.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.cli.support.Cli;
import dev.headroom.cli.support.StubProxy;
import dev.headroom.cli.support.UserShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code headroom wrap claude} with a fake {@code claude} that records what it was given. */
class WrapClaudeIT {

    @TempDir
    Path tmp;

    @Test
    void runsClaudeThroughTheProxyWithItsArgumentsAndReturnsItsExitCode() throws Exception {
        UserShell shell = new UserShell(tmp);
        Path rec = shell.fakeTool("claude", 7, null);
        try (StubProxy proxy = new StubProxy()) {
            Cli.Run r = shell.run("wrap", "claude", "--port", Integer.toString(proxy.port()), "--", "--continue", "two words");
            assertEquals(7, r.exit(), r.stderr());
            assertEquals(List.of("--continue", "two words"), Files.readAllLines(rec.resolve("args")));
            Map<String, String> env = UserShell.recordedEnv(rec);
            assertEquals("http://127.0.0.1:" + proxy.port(), env.get("ANTHROPIC_BASE_URL"));
            assertEquals("true", env.get("ENABLE_TOOL_SEARCH"));
            assertEquals("X-Headroom-Project: project", env.get("ANTHROPIC_CUSTOM_HEADERS"));
            assertTrue(r.stderr().contains("using the proxy already running"), r.stderr());
            // A proxy the wrap did not start keeps running, and nothing durable was written.
            assertTrue(proxy.livezCalls.get() > 0);
            assertFalse(Files.exists(shell.project().resolve(".claude")));
            assertFalse(Files.exists(shell.home().resolve(".claude")));
            Path clients = shell.headroomHome().resolve("clients").resolve(Integer.toString(proxy.port()));
            try (var s = Files.list(clients)) {
                assertEquals(0, s.filter(p -> p.toString().endsWith(".json")).count(), "wrapper marker left behind");
            }
        }
    }

    @Test
    void keepsTheUsersToolSearchChoiceAndAppendsToTheirHeaders() throws Exception {
        UserShell shell = new UserShell(tmp);
        Path rec = shell.fakeTool("claude", 0, null);
        shell.set("ENABLE_TOOL_SEARCH", "false").set("ANTHROPIC_CUSTOM_HEADERS", "X-Team: blue");
        try (StubProxy proxy = new StubProxy()) {
            assertEquals(0, shell.run("wrap", "claude", "--port", Integer.toString(proxy.port())).exit());
            Map<String, String> env = UserShell.recordedEnv(rec);
            assertEquals("false", env.get("ENABLE_TOOL_SEARCH"));
            assertEquals("X-Team: blue\nX-Headroom-Project: project", env.get("ANTHROPIC_CUSTOM_HEADERS"));
        }
    }

    @Test
    void warnsWhenASettingsFileWouldTakeTheSessionAroundTheProxy() throws Exception {
        UserShell shell = new UserShell(tmp);
        shell.fakeTool("claude", 0, null);
        Path settings = shell.home().resolve(".claude/settings.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{\"env\":{\"ANTHROPIC_BASE_URL\":\"https://gateway.example.com\"}}");
        try (StubProxy proxy = new StubProxy()) {
            Cli.Run r = shell.run("wrap", "claude", "--port", Integer.toString(proxy.port()));
            assertEquals(0, r.exit());
            assertTrue(r.stderr().contains("bypass the proxy") && r.stderr().contains(settings.toString()), r.stderr());
        }
    }

    /** Ctrl-C interrupts a Claude Code turn; the wrapper must stay until claude itself exits. */
    @Test
    void ctrlCReachesClaudeWithoutEndingTheWrapper() throws Exception {
        UserShell shell = new UserShell(tmp);
        Path claude = shell.bin().resolve("claude");
        Files.writeString(claude, "#!/bin/sh\nkill -INT $PPID\nsleep 1\nexit 9\n");
        claude.toFile().setExecutable(true);
        try (StubProxy proxy = new StubProxy()) {
            Cli.Run r = shell.run("wrap", "claude", "--port", Integer.toString(proxy.port()));
            assertEquals(9, r.exit(), r.stderr());
        }
    }

    @Test
    void saysWhatToInstallWhenClaudeIsMissing() throws Exception {
        UserShell shell = new UserShell(tmp);
        Cli.Run r = shell.run("wrap", "claude", "--port", "1");
        assertEquals(127, r.exit());
        assertTrue(r.stderr().contains("npm install -g @anthropic-ai/claude-code"), r.stderr());
    }

    /** The reference's quirk: its doctor warned about Claude routing inside its own wrapped session. */
    @Test
    void doctorRunInsideTheWrappedSessionSeesClaudeRouted() throws Exception {
        UserShell shell = new UserShell(tmp);
        Path rec = tmp.resolve("claude-record");
        Files.createDirectories(rec);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path claude = shell.bin().resolve("claude");
        Files.writeString(claude, "#!/bin/sh\n'" + java + "' -jar '" + Cli.jar() + "' doctor --json --port \"$HEADROOM_PORT\" > '"
                + rec + "/doctor.json'\necho $? > '" + rec + "/doctor.exit'\n");
        claude.toFile().setExecutable(true);
        try (StubProxy proxy = new StubProxy()) {
            proxy.stats.set("{\"persistent_savings\":{\"lifetime\":{\"requests\":3,\"tokens_saved\":1200,"
                    + "\"last_activity\":\"2026-01-01T00:00:00Z\"}}}");
            assertEquals(0, shell.run("wrap", "claude", "--port", Integer.toString(proxy.port())).exit());
            JsonNode doctor = new ObjectMapper().readTree(rec.resolve("doctor.json").toFile());
            JsonNode claudeCheck = find(doctor, "claude");
            assertEquals("pass", claudeCheck.path("status").asText(), doctor.toPrettyString());
            assertTrue(claudeCheck.path("summary").asText().contains("environment"));
            assertEquals("0", Files.readString(rec.resolve("doctor.exit")).strip(), doctor.toPrettyString());
        }
    }

    @Test
    void unwrapClaudeIsHarmlessWithoutAWrapAndWhenRepeated() throws Exception {
        UserShell shell = new UserShell(tmp);
        for (int i = 0; i < 2; i++) {
            Cli.Run r = shell.run("unwrap", "claude");
            assertEquals(0, r.exit(), r.stderr());
            assertTrue(r.stdout().contains("no settings to restore"), r.stdout());
        }
    }

    static JsonNode find(JsonNode doctor, String name) {
        for (JsonNode c : doctor.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check named " + name + " in " + doctor);
    }
}
