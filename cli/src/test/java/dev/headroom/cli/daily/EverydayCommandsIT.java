package dev.headroom.cli.daily;

import dev.headroom.cli.support.Cli;
import dev.headroom.cli.support.StubProxy;
import dev.headroom.cli.support.UserShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --version, --help on every command, completion and dashboard. */
class EverydayCommandsIT {

    @TempDir
    Path tmp;

    @Test
    void versionAndHelpEverywhere() throws Exception {
        UserShell shell = new UserShell(tmp);
        Cli.Run v = shell.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.stdout().startsWith("headroom "), v.stdout());
        for (List<String> cmd : List.of(List.of("wrap"), List.of("wrap", "claude"), List.of("wrap", "codex"), List.of("unwrap"),
                List.of("doctor"), List.of("savings"), List.of("perf"), List.of("dashboard"), List.of("completion"))) {
            String[] args = new java.util.ArrayList<String>(cmd) {{ add("--help"); }}.toArray(String[]::new);
            Cli.Run h = shell.run(args);
            assertEquals(0, h.exit(), String.join(" ", args));
            assertTrue(h.stdout().startsWith("Usage: headroom " + String.join(" ", cmd)), h.stdout());
        }
        Cli.Run bad = shell.run("unwrap", "vim");
        assertEquals(2, bad.exit());
        assertTrue(bad.stderr().contains("choose claude or codex"), bad.stderr());
    }

    @Test
    void completionScriptCoversTheSubcommands() throws Exception {
        Cli.Run r = new UserShell(tmp).run("completion");
        assertEquals(0, r.exit());
        assertTrue(r.stdout().contains("complete -F"), r.stdout());
        for (String sub : List.of("wrap", "unwrap", "doctor", "savings", "perf", "dashboard")) {
            assertTrue(r.stdout().contains(sub), sub);
        }
    }

    @Test
    void dashboardPrintsTheUrlAndSaysWhenTheProxyIsDown() throws Exception {
        UserShell shell = new UserShell(tmp);
        try (StubProxy proxy = new StubProxy()) {
            Cli.Run r = shell.run("dashboard", "--no-open", "--port", Integer.toString(proxy.port()));
            assertEquals(0, r.exit(), r.stderr());
            assertEquals("http://127.0.0.1:" + proxy.port() + "/dashboard", r.stdout().strip());
            Cli.Run noDisplay = shell.run("dashboard", "--port", Integer.toString(proxy.port()));
            assertEquals(0, noDisplay.exit());
            assertTrue(noDisplay.stderr().contains("open the URL yourself"), noDisplay.stderr());
        }
        Cli.Run down = shell.run("dashboard", "--no-open", "--port", Integer.toString(DoctorIT.freePort()));
        assertEquals(1, down.exit());
        assertTrue(down.stderr().contains("headroom proxy --port"));
        assertFalse(down.stdout().isBlank());
    }
}
