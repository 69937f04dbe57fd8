package dev.headroom.agent.it;

import dev.headroom.agent.scenario.ScenarioBodies;
import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.SavingsLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Settings, the kill switch, fail-open and the savings store, on the build JDK with java.net.http and OkHttp 4. */
class AgentBehaviourIT {

    static RecordingServer server;
    static final byte[] ORIGINAL = ScenarioBodies.anthropicToolResult();
    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        server = new RecordingServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        server.clear();
    }

    private ForkedApp.Result run(String agentArgs, List<String> jvm, Map<String, String> env, String sender,
                                 String... clientDirs) throws Exception {
        Path jdk = ForkedApp.jdk("headroom.it.jdk25");
        assumeTrue(jdk != null);
        return ForkedApp.run(jdk, agentArgs, jvm, env, ForkedApp.classPath(clientDirs), sender,
                String.valueOf(server.port()), "llm");
    }

    private Map<String, String> env(String... kv) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        m.put("HEADROOM_HOME", home.toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void anEngineThatThrowsStillDeliversTheOriginal() throws Exception {
        for (String[] client : new String[][] {{"JdkSender"}, {"OkHttpSender", "okhttp-" + System.getProperty("headroom.it.okhttp4")}}) {
            server.clear();
            String[] dirs = java.util.Arrays.copyOfRange(client, 1, client.length);
            ForkedApp.Result r = run("hosts=127.0.0.1:" + server.port(), List.of("-Dheadroom.agent.testFailEngine=true"),
                    env(), client[0], dirs);
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.stdout().contains("STEP llm 200"), r::toString);
            assertArrayEquals(ORIGINAL, AgentClientsIT.single(server, "llm").body(), client[0]);
            assertEquals(1, r.stat("EngineFailures"), r::toString);
            assertEquals(0, r.stat("RequestsCompressed"), r::toString);
            assertEquals(0, r.stat("Errors"), r::toString);
        }
    }

    @Test
    void killSwitchLeavesTheAppAlone() throws Exception {
        ForkedApp.Result r = run("hosts=127.0.0.1:" + server.port(), List.of(), env("HEADROOM_AGENT_ENABLED", "false"),
                "JdkSender");
        assertEquals(0, r.exitCode(), r::toString);
        assertArrayEquals(ORIGINAL, AgentClientsIT.single(server, "llm").body());
        assertEquals("STATS none", r.line("STATS"), r::toString);
        assertTrue(r.stderr().lines().noneMatch(l -> l.contains("[headroom-agent]")), r::toString);
    }

    @Test
    void hostsFromTheEnvironmentQuietAndBalancedRefused() throws Exception {
        ForkedApp.Result r = run("mode=balanced,quiet=true", List.of(),
                env("HEADROOM_AGENT_HOSTS", "example.invalid;127.0.0.1:" + server.port()), "JdkSender");
        assertEquals(0, r.exitCode(), r::toString);
        AgentClientsIT.assertCompressed(AgentClientsIT.single(server, "llm"));
        List<String> lines = r.stderr().lines().filter(l -> l.contains("[headroom-agent]")).toList();
        assertEquals(1, lines.size(), r::toString);
        assertTrue(lines.get(0).contains("mode=balanced is not available") && lines.get(0).contains("using mode=lossless"),
                r::toString);
    }

    @Test
    void argumentsWinOverSystemPropertiesAndSavingsReachTheStore() throws Exception {
        // The system property names another port; the agent argument must win.
        ForkedApp.Result r = run("hosts=127.0.0.1:" + server.port(), List.of("-Dheadroom.agent.hosts=127.0.0.1:1"),
                env(), "JdkSender");
        assertEquals(0, r.exitCode(), r::toString);
        AgentClientsIT.assertCompressed(AgentClientsIT.single(server, "llm"));
        try (HeadroomDatabase db = HeadroomDatabase.open(home.resolve("headroom.db"))) {
            List<SavingsLedger.Group> byClient = new SavingsLedger(db).groupedBy("client", 0);
            assertEquals(1, byClient.size(), byClient::toString);
            assertEquals("agent", byClient.get(0).key());
            SavingsLedger.Totals t = byClient.get(0).totals();
            assertEquals(1, t.requests());
            assertTrue(t.tokensAfter() < t.tokensBefore(), t::toString);
            assertEquals(t.tokensBefore(), r.stat("TokensBefore"), r::toString);
        }
    }

    @Test
    void anUnwritableStoreDoesNotAffectTheApp() throws Exception {
        Path file = home.resolve("not-a-dir");
        java.nio.file.Files.writeString(file, "x");
        ForkedApp.Result r = run("hosts=127.0.0.1:" + server.port(), List.of(),
                Map.of("HEADROOM_HOME", file.resolve("sub").toString()), "JdkSender");
        assertEquals(0, r.exitCode(), r::toString);
        AgentClientsIT.assertCompressed(AgentClientsIT.single(server, "llm"));
        assertEquals(0, r.stat("Errors"), r::toString);
    }

    @Test
    void worksInASpringBootExecutableJar() throws Exception {
        Path clients = Path.of(System.getProperty("headroom.it.clients", "target/clients"));
        Path loader;
        try (java.util.stream.Stream<Path> jars = java.nio.file.Files.list(clients.resolve("spring-boot-loader"))) {
            loader = jars.findFirst().orElseThrow();
        }
        Path jar = SpringBootJar.build(home.resolve("app.jar"), loader,
                Path.of(System.getProperty("headroom.it.scenarios", "target/test-classes")),
                clients.resolve("okhttp-" + System.getProperty("headroom.it.okhttp4")),
                clients.resolve("jackson-" + System.getProperty("headroom.it.jackson")));
        Path jdk = ForkedApp.jdk("headroom.it.jdk25");
        assumeTrue(jdk != null);
        ForkedApp.Result r = ForkedApp.run(jdk, "hosts=127.0.0.1:" + server.port(), List.of(), env(), jar.toString(),
                "OkHttpSender", String.valueOf(server.port()), "llm,other-path");
        assertEquals(0, r.exitCode(), r::toString);
        AgentClientsIT.assertCompressed(AgentClientsIT.single(server, "llm"));
        assertArrayEquals(ORIGINAL, AgentClientsIT.single(server, "other-path").body());
        assertEquals(0, r.stat("Errors"), r::toString);
    }
}
