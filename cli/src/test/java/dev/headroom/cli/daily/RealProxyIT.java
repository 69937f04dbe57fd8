package dev.headroom.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.cli.support.Cli;
import dev.headroom.cli.support.UserShell;
import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.engine.store.SavingsLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.headroom.cli.daily.WrapClaudeIT.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The daily commands against the real {@code headroom proxy} (skipped in a build without it). */
class RealProxyIT {

    @TempDir
    Path tmp;

    private static void assumeProxyCommand(UserShell shell) throws Exception {
        assumeTrue(shell.run("proxy", "--help").exit() == 0, "this build has no `headroom proxy` command yet");
    }

    static boolean answers(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/livez").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void wrapStartsAProxyAndTheLastWrapperStopsIt() throws Exception {
        UserShell shell = new UserShell(tmp);
        assumeProxyCommand(shell);
        Files.createDirectories(shell.home().resolve(".claude")); // a user who has run Claude Code
        int port = DoctorIT.freePort();
        Path rec = tmp.resolve("claude-record");
        Files.createDirectories(rec);
        Path claude = shell.bin().resolve("claude");
        // The fake claude checks the proxy is up while it runs.
        Files.writeString(claude, "#!/bin/bash\nenv > '" + rec + "/env'\n"
                + "exec 3<>/dev/tcp/127.0.0.1/" + port + " 2>/dev/null && echo up > '" + rec + "/proxy' || echo down > '" + rec + "/proxy'\n"
                + "exit 5\n");
        claude.toFile().setExecutable(true);
        Cli.Run r = shell.run("wrap", "claude", "--port", Integer.toString(port));
        assertEquals(5, r.exit(), r.stderr());
        assertEquals("up", Files.readString(rec.resolve("proxy")).strip(), r.stderr());
        assertTrue(r.stderr().contains("starting a proxy"), r.stderr());
        assertTrue(r.stderr().contains("stopped the proxy it started"), r.stderr());
        assertFalse(answers(port), "the proxy the wrap started is still running");
        assertTrue(Files.exists(shell.headroomHome().resolve("logs/proxy-stdio.log")));
    }

    @Test
    void doctorAgainstTheRealProxy() throws Exception {
        UserShell shell = new UserShell(tmp);
        assumeProxyCommand(shell);
        Files.createDirectories(shell.home().resolve(".claude")); // a user who has run Claude Code
        int port = DoctorIT.freePort();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Cli.jar().toString(), "proxy", "--port", Integer.toString(port));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("proxy.log").toFile());
        pb.environment().clear();
        pb.environment().putAll(shell.env());
        // Savings the proxy recorded earlier (the ledger outlives restarts).
        try (HeadroomDatabase db = HeadroomDatabase.open(HeadroomHome.of(shell.headroomHome()))) {
            new SavingsLedger(db).record(new SavingsLedger.Event(System.currentTimeMillis(), "proxy", "", "anthropic",
                    "claude-sonnet-4-5", 8000, 3000, "est", "r"));
        }
        Process proxy = pb.start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!answers(port) && System.currentTimeMillis() < deadline && proxy.isAlive()) {
                Thread.sleep(200);
            }
            assumeTrue(answers(port), "the proxy did not start: " + Files.readString(tmp.resolve("proxy.log")));

            Cli.Run unrouted = shell.run("doctor", "--json", "--port", Integer.toString(port));
            assertEquals(1, unrouted.exit(), unrouted.stdout());
            JsonNode j = new ObjectMapper().readTree(unrouted.stdout());
            assertEquals("pass", find(j, "proxy").path("status").asText());
            assertEquals("pass", find(j, "version").path("status").asText(), j.toPrettyString());
            assertEquals("pass", find(j, "savings").path("status").asText(), j.toPrettyString());

            Path settings = shell.project().resolve(".claude/settings.json");
            Files.createDirectories(settings.getParent());
            Files.writeString(settings, "{\"env\":{\"ANTHROPIC_BASE_URL\":\"http://127.0.0.1:" + port + "\"}}");
            Cli.Run routed = shell.run("doctor", "--json", "--port", Integer.toString(port));
            assertEquals(0, routed.exit(), routed.stdout());
        } finally {
            proxy.destroy();
            proxy.waitFor(10, TimeUnit.SECONDS);
            proxy.destroyForcibly();
        }
    }

    @Test
    void aMisspeltThreadModelStopsTheProxyWithAClearMessage() throws Exception {
        UserShell shell = new UserShell(tmp);
        assumeProxyCommand(shell);
        assertTrue(shell.run("proxy", "--help").stdout().contains("HEADROOM_PROXY_THREADS"), "--help names the setting");
        shell.set("HEADROOM_PROXY_THREADS", "virtaul");
        var run = shell.run("proxy", "--port", String.valueOf(DoctorIT.freePort()));
        assertEquals(1, run.exit(), run.stdout() + run.stderr());
        assertTrue(run.stderr().contains("HEADROOM_PROXY_THREADS must be virtual or platform"), run.stderr());
    }
}
