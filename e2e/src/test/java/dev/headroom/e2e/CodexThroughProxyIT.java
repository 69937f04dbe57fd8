package dev.headroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.testsupport.Api;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real pinned Codex through the packaged proxy ({@code /v1/responses}) to the recording fake upstream:
 * it finishes, the upstream receives compressed {@code function_call_output}, a {@code headroom_retrieve}
 * call is answered by the proxy without Codex seeing it, and {@code /stats} counts the savings.
 */
class CodexThroughProxyIT {

    @TempDir
    Path tmp;

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void codexFinishesItsTaskWhileTheUpstreamReceivesCompressedFunctionCallOutput() throws Exception {
        Path codex = PinnedClients.codex();
        Path launcher = PinnedClients.launcher();
        Path home = tmp.resolve("home");
        Path project = Workspace.create(home.resolve("orders-service"));
        try (FakeLlmUpstream upstream = FakeLlmUpstream.start(0).script(Scripts.readFiles())
                     .deltaChars(Scripts.DELTA_CHARS);
             ProxyProcess proxy = ProxyProcess.start(launcher, tmp.resolve("headroom"), upstream.baseUrl(),
                     ProcessRun.baseEnv(home))) {
            diagnostics.add("fake upstream requests", () -> Diagnostics.upstreamSummary(upstream));
            diagnostics.add("proxy log", proxy::log);
            Map<String, String> env = Codex.env(home, Codex.configure(home, proxy.baseUrl()));

            // Baseline: the same task straight to the upstream, as Codex sends it without Headroom.
            Path directHome = tmp.resolve("direct-home");
            Path directProject = Workspace.create(directHome.resolve("orders-service"));
            ProcessRun direct = Codex.run(codex, directProject, Codex.env(directHome, Codex.configure(directHome, upstream.baseUrl())),
                    Scripts.PROMPT, false);
            diagnostics.add("codex (direct, no proxy)", direct::describe);
            List<RecordedRequest> directTurns = upstream.requests(Api.RESPONSES);
            diagnostics.verify(() -> {
                assertEquals(0, direct.exitCode(), "codex's exit code without the proxy");
                assertEquals(3, directTurns.size(), "three turns without the proxy");
                assertTrue(ToolOutputs.of(directTurns.get(2)).get(0).contains(Workspace.ordersJson().strip()),
                        "without the proxy the upstream gets the whole JSON output");
            });
            upstream.clearRequests();

            ProcessRun run = Codex.run(codex, project, env, Scripts.PROMPT, false);
            diagnostics.add("codex (task)", run::describe);
            diagnostics.verify(() -> {
                assertEquals(0, run.exitCode(), "codex's exit code");
                assertEquals(Scripts.FINAL_TEXT, Codex.lastMessage(run.stdout()), "codex's final answer");

                List<JsonNode> held = Codex.commands(run.stdout());
                assertEquals(2, held.size(), "codex ran both scripted commands");
                String heldJson = held.get(0).path("aggregated_output").asText();
                assertTrue(heldJson.strip().equals(Workspace.ordersJson().strip()), "codex itself holds the whole JSON output");

                List<RecordedRequest> turns = upstream.requests(Api.RESPONSES);
                assertEquals(3, turns.size(), "one upstream request per turn (ask, two function call outputs)");
                List<String> sent = ToolOutputs.of(turns.get(2));
                assertEquals(2, sent.size(), "the last request carries both function call outputs");
                String json = sent.get(0);
                assertTrue(json.length() < heldJson.length() / 2,
                        "the JSON output reached the upstream compressed: " + json.length() + " of " + heldJson.length() + " chars");
                assertNotNull(ToolOutputs.firstMarkerHash(json), "a retrievable marker stands for the rows left out");
                assertTrue(ToolOutputs.toolNames(turns.get(2)).contains("headroom_retrieve"),
                        "the proxy offered the model headroom_retrieve, which Codex never sends itself");
                assertFalse(run.stdout().contains("headroom_retrieve"), "codex never saw headroom_retrieve");
                int directBytes = directTurns.get(2).body().length;
                int proxiedBytes = turns.get(2).body().length;
                assertTrue(proxiedBytes < directBytes, "the last request is smaller through the proxy: "
                        + proxiedBytes + " vs " + directBytes + " bytes direct");

                JsonNode stats = proxy.stats();
                assertEquals(3, stats.path("requests").path("total").asLong(), "/stats counts the requests");
                assertTrue(stats.path("tokens").path("saved").asLong() > 0, "/stats shows tokens saved");
                assertTrue(stats.path("persistent_savings").path("lifetime").path("tokens_saved").asLong() > 0,
                        "the savings reached the ledger");
                System.out.println("codex through the proxy: " + stats.path("tokens").path("saved").asLong()
                        + " tokens saved of " + stats.path("tokens").path("before").asLong() + " over "
                        + stats.path("requests").path("total").asLong() + " requests; JSON output " + heldJson.length()
                        + " -> " + json.length() + " chars (function_call_output, Codex's header included); last request "
                        + directBytes + " bytes direct -> " + proxiedBytes + " bytes through the proxy; codex took "
                        + run.millis() + " ms (direct " + direct.millis() + " ms)");
            });

            String hash = ToolOutputs.firstMarkerHash(ToolOutputs.of(upstream.requests(Api.RESPONSES).get(2)).get(0));
            upstream.script(Scripts.retrieve(hash));
            upstream.clearRequests();
            ProcessRun again = Codex.run(codex, project, env, Scripts.RETRIEVE_PROMPT, true);
            diagnostics.add("codex (retrieve)", again::describe);
            diagnostics.verify(() -> {
                assertEquals(0, again.exitCode(), "codex's exit code");
                assertEquals(Scripts.RETRIEVED_TEXT, Codex.lastMessage(again.stdout()), "codex's final answer");
                assertFalse(again.stdout().contains("headroom_retrieve"), "codex never saw headroom_retrieve");
                assertEquals(List.of(), Codex.commands(again.stdout()), "codex ran no command");
                List<RecordedRequest> turns = upstream.requests(Api.RESPONSES);
                assertEquals(2, turns.size(), "the proxy asked the upstream again with the retrieved original");
                assertTrue(ToolOutputs.of(turns.get(1)).stream().anyMatch(s -> s.contains("\"id\": 148,")),
                        "the retrieval result carries the rows the marker left out");
                assertTrue(proxy.stats().path("retrieval").path("resolved").asLong() >= 1, "/stats counts the retrieval");
            });
        }
    }
}
