package dev.headroom.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.cli.support.Cli;
import dev.headroom.cli.support.StubProxy;
import dev.headroom.cli.support.UserShell;
import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.engine.store.SavingsLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.headroom.cli.daily.WrapClaudeIT.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code headroom doctor}: exit codes and JSON for a proxy that is down, up but unused, and fully routed. */
class DoctorIT {

    static final String SAVINGS = "{\"persistent_savings\":{\"lifetime\":{\"requests\":4,\"tokens_saved\":5400,"
            + "\"tokens_before\":9000,\"tokens_after\":3600,\"last_activity\":\"2026-01-01T00:00:00Z\"}}}";

    @TempDir
    Path tmp;

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void proxyDownFailsWithExitTwoAndTheDocumentedJson() throws Exception {
        UserShell shell = new UserShell(tmp);
        int port = freePort();
        Cli.Run r = shell.run("doctor", "--json", "--port", Integer.toString(port));
        assertEquals(2, r.exit(), r.stdout() + r.stderr());
        JsonNode j = new ObjectMapper().readTree(r.stdout());
        assertEquals(port, j.path("port").asInt());
        assertEquals(2, j.path("exit_code").asInt());
        assertFalse(j.path("installed_version").asText().isEmpty());
        for (JsonNode c : j.path("checks")) {
            java.util.TreeSet<String> fields = new java.util.TreeSet<>();
            c.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("hint", "name", "status", "summary"), List.copyOf(fields));
            assertTrue(List.of("pass", "warn", "fail", "skip").contains(c.path("status").asText()));
        }
        JsonNode proxy = find(j, "proxy");
        assertEquals("fail", proxy.path("status").asText());
        assertTrue(proxy.path("hint").asText().contains("headroom proxy --port " + port));
        List<String> names = List.of("proxy", "version", "claude", "codex", "shell env", "savings", "budget", "jvm agent",
                "code engine", "prose engine", "relevance");
        for (String n : names) {
            find(j, n);
        }
    }

    @Test
    void relevanceSaysWhichScorerRanksAndRefusesUnknownOnes() throws Exception {
        UserShell shell = new UserShell(tmp);
        String port = Integer.toString(freePort());
        JsonNode bm25 = find(json(shell.run("doctor", "--json", "--port", port)), "relevance");
        assertEquals("pass", bm25.path("status").asText());
        assertTrue(bm25.path("summary").asText().startsWith("BM25"), bm25.toString());
        JsonNode minilm = find(json(shell.set("HEADROOM_RELEVANCE", "minilm").run("doctor", "--json", "--port", port)),
                "relevance");
        assertEquals("pass", minilm.path("status").asText(), "the cli bundles the model: " + minilm);
        assertTrue(minilm.path("summary").asText().contains("all-MiniLM-L6-v2"), minilm.toString());
        JsonNode typo = find(json(shell.set("HEADROOM_RELEVANCE", "minlm").run("doctor", "--json", "--port", port)),
                "relevance");
        assertEquals("fail", typo.path("status").asText(), typo.toString());
    }

    @Test
    void saysWhenSomethingElseHoldsThePort() throws Exception {
        UserShell shell = new UserShell(tmp);
        com.sun.net.httpserver.HttpServer other = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        other.start();
        try {
            JsonNode j = json(shell.run("doctor", "--json", "--port", Integer.toString(other.getAddress().getPort())));
            assertEquals(2, j.path("exit_code").asInt());
            assertTrue(find(j, "proxy").path("summary").asText().contains("not a headroom proxy"), j.toPrettyString());
        } finally {
            other.stop(0);
        }
    }

    @Test
    void proxyUpWithNothingRoutedWarnsWithExitOne() throws Exception {
        UserShell shell = new UserShell(tmp);
        Files.createDirectories(shell.home().resolve(".claude")); // a user who has run Claude Code
        try (StubProxy proxy = new StubProxy()) {
            Cli.Run r = shell.run("doctor", "--json", "--port", Integer.toString(proxy.port()));
            assertEquals(1, r.exit(), r.stdout());
            JsonNode j = new ObjectMapper().readTree(r.stdout());
            assertEquals("pass", find(j, "proxy").path("status").asText());
            assertEquals("warn", find(j, "claude").path("status").asText());
            assertTrue(find(j, "claude").path("hint").asText().contains("headroom wrap claude"));
        }
    }

    @Test
    void claudeRoutingIsSkippedWhenClaudeCodeIsNotInstalled() throws Exception {
        UserShell shell = new UserShell(tmp);
        try (StubProxy proxy = new StubProxy()) {
            Cli.Run r = shell.run("doctor", "--json", "--port", Integer.toString(proxy.port()));
            JsonNode j = new ObjectMapper().readTree(r.stdout());
            assertEquals("skip", find(j, "claude").path("status").asText(), r.stdout());
        }
    }

    @Test
    void fullyRoutedWithSavingsFlowingPassesWithExitZero() throws Exception {
        UserShell shell = new UserShell(tmp);
        try (StubProxy proxy = new StubProxy()) {
            proxy.stats.set(SAVINGS);
            Path settings = shell.home().resolve(".claude/settings.json");
            Files.createDirectories(settings.getParent());
            Files.writeString(settings, "{\"env\":{\"ANTHROPIC_BASE_URL\":\"http://localhost:" + proxy.port() + "\"}}");
            Cli.Run r = shell.run("doctor", "--port", Integer.toString(proxy.port()));
            assertEquals(0, r.exit(), r.stdout());
            assertTrue(r.stdout().contains("all checks passed"), r.stdout());
            assertTrue(r.stdout().contains("5,400 tokens saved"), r.stdout());
            assertFalse(r.stdout().contains("\u001b["), "no colours when stdout is not a terminal");
        }
    }

    @Test
    void recognisesProjectSettingsAndPortMismatch() throws Exception {
        UserShell shell = new UserShell(tmp);
        try (StubProxy proxy = new StubProxy()) {
            Path local = shell.project().resolve(".claude/settings.local.json");
            Files.createDirectories(local.getParent());
            Files.writeString(local, "{\"env\":{\"ANTHROPIC_BASE_URL\":\"http://127.0.0.1:" + proxy.port() + "\"}}");
            JsonNode j = json(shell.run("doctor", "--json", "--port", Integer.toString(proxy.port())));
            assertEquals("pass", find(j, "claude").path("status").asText());
            assertTrue(find(j, "claude").path("summary").asText().contains("settings.local.json"));

            Files.writeString(local, "{\"env\":{\"ANTHROPIC_BASE_URL\":\"http://127.0.0.1:1\"}}");
            j = json(shell.run("doctor", "--json", "--port", Integer.toString(proxy.port())));
            assertEquals("warn", find(j, "claude").path("status").asText());
            assertTrue(find(j, "claude").path("hint").asText().contains("--port"));
        }
    }

    @Test
    void reportsVersionDriftAndAStrayShellBaseUrl() throws Exception {
        UserShell shell = new UserShell(tmp);
        try (StubProxy proxy = new StubProxy()) {
            proxy.version.set("9.9.9");
            shell.set("OPENAI_BASE_URL", "https://api.openai.com/v1");
            JsonNode j = json(shell.run("doctor", "--json", "--port", Integer.toString(proxy.port())));
            assertEquals("warn", find(j, "version").path("status").asText());
            assertTrue(find(j, "version").path("summary").asText().contains("9.9.9"));
            assertEquals("warn", find(j, "shell env").path("status").asText());
        }
    }

    @Test
    void budgetIsReportedOnlyByAProxyThatHasOne() throws Exception {
        UserShell shell = new UserShell(tmp);
        try (StubProxy proxy = new StubProxy()) {
            String port = Integer.toString(proxy.port());
            assertEquals("skip", find(json(shell.run("doctor", "--json", "--port", port)), "budget").path("status").asText());
            proxy.stats.set("{\"budget\":{\"limit_usd\":5.0,\"period\":\"daily\",\"spent_usd\":1.25}}");
            JsonNode budget = find(json(shell.run("doctor", "--json", "--port", port)), "budget");
            assertEquals("pass", budget.path("status").asText());
            assertEquals("$5.00/daily budget enforced ($1.25 spent)", budget.path("summary").asText());
            proxy.stats.set("{\"budget\":{\"limit_usd\":null}}");
            budget = find(json(shell.run("doctor", "--json", "--port", port)), "budget");
            assertEquals("pass", budget.path("status").asText());
            assertTrue(budget.path("hint").asText().contains("--budget"));
        }
    }

    @Test
    void readsCodexRoutingFromTheParsedConfig() throws Exception {
        UserShell shell = new UserShell(tmp);
        shell.fakeTool("codex", 0, null);
        try (StubProxy proxy = new StubProxy()) {
            String port = Integer.toString(proxy.port());
            assertEquals("warn", find(json(shell.run("doctor", "--json", "--port", port)), "codex").path("status").asText());
            assertEquals(0, shell.run("wrap", "codex", "--port", port).exit());
            assertEquals("pass", find(json(shell.run("doctor", "--json", "--port", port)), "codex").path("status").asText());
            assertEquals(0, shell.run("unwrap", "codex").exit());
            assertEquals("warn", find(json(shell.run("doctor", "--json", "--port", port)), "codex").path("status").asText());
        }
    }

    @Test
    void readsSavingsAndAgentActivityFromTheStoreWhenTheProxyIsDown() throws Exception {
        UserShell shell = new UserShell(tmp);
        try (HeadroomDatabase db = HeadroomDatabase.open(HeadroomHome.of(shell.headroomHome()))) {
            SavingsLedger ledger = new SavingsLedger(db);
            long now = System.currentTimeMillis();
            ledger.record(new SavingsLedger.Event(now, "agent", "app", "anthropic", "claude-sonnet-4-5", 3000, 1000, "est", "r1"));
            ledger.record(new SavingsLedger.Event(now, "proxy", "", "openai", "gpt-5", 500, 400, "o200k", "r2"));
        }
        Cli.Run r = shell.run("doctor", "--json", "--port", Integer.toString(freePort()));
        JsonNode j = json(r);
        assertEquals("pass", find(j, "savings").path("status").asText(), r.stdout());
        assertTrue(find(j, "savings").path("summary").asText().contains("2,100 tokens saved over 2 requests"));
        assertTrue(find(j, "savings").path("summary").asText().contains("the store"));
        assertEquals("pass", find(j, "jvm agent").path("status").asText());
        assertTrue(find(j, "jvm agent").path("summary").asText().contains("2,000 tokens saved"));
    }

    @Test
    void coloursFollowNoColor() throws Exception {
        UserShell shell = new UserShell(tmp);
        shell.set("FORCE_COLOR", "1");
        String port = Integer.toString(freePort());
        assertTrue(shell.run("doctor", "--port", port).stdout().contains("\u001b[31m"));
        shell.set("NO_COLOR", "1");
        assertFalse(shell.run("doctor", "--port", port).stdout().contains("\u001b["));
    }

    private static JsonNode json(Cli.Run r) throws Exception {
        return new ObjectMapper().readTree(r.stdout());
    }
}
