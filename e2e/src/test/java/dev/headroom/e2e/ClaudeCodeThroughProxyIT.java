package dev.headroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.testsupport.Api;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real pinned Claude Code through the packaged proxy to the recording fake upstream: it finishes its
 * task, the upstream receives compressed tool output, a {@code headroom_retrieve} call by the model is
 * answered by the proxy without the client ever seeing it, and {@code /stats} counts the savings.
 */
class ClaudeCodeThroughProxyIT {

    @TempDir
    Path tmp;

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void claudeCodeFinishesItsTaskWhileTheUpstreamReceivesCompressedToolOutput() throws Exception {
        Path claude = PinnedClients.claude();
        Path launcher = PinnedClients.launcher();
        Path home = tmp.resolve("home");
        Path project = Workspace.create(home.resolve("orders-service"));
        try (FakeLlmUpstream upstream = FakeLlmUpstream.start(0).script(Scripts.readFiles())
                     .deltaChars(Scripts.DELTA_CHARS);
             ProxyProcess proxy = ProxyProcess.start(launcher, tmp.resolve("headroom"), upstream.baseUrl(),
                     ProcessRun.baseEnv(home))) {
            diagnostics.add("fake upstream requests", () -> Diagnostics.upstreamSummary(upstream));
            diagnostics.add("proxy log", proxy::log);

            // Baseline: the same task straight to the upstream, as Claude Code sends it without Headroom.
            Path directHome = tmp.resolve("direct-home");
            Path directProject = Workspace.create(directHome.resolve("orders-service"));
            ProcessRun direct = ClaudeCode.run(claude, directProject, ClaudeCode.env(directHome, upstream.baseUrl()), Scripts.PROMPT, false);
            diagnostics.add("claude (direct, no proxy)", direct::describe);
            List<RecordedRequest> directTurns = upstream.requests(Api.ANTHROPIC);
            diagnostics.verify(() -> {
                assertEquals(0, direct.exitCode(), "claude's exit code without the proxy");
                assertEquals(3, directTurns.size(), "three turns without the proxy");
                assertEquals(Workspace.ordersJson().strip(), ToolOutputs.of(directTurns.get(2)).get(0).strip(),
                        "without the proxy the upstream gets the whole JSON output");
            });
            upstream.clearRequests();

            ProcessRun run = ClaudeCode.run(claude, project, ClaudeCode.env(home, proxy.baseUrl()), Scripts.PROMPT, false);
            diagnostics.add("claude (task)", run::describe);
            diagnostics.verify(() -> {
                assertEquals(0, run.exitCode(), "claude's exit code");
                assertEquals(Scripts.FINAL_TEXT, ClaudeCode.resultText(run.stdout()), "claude's final answer");

                List<String> held = ClaudeCode.clientToolOutputs(run.stdout());
                assertEquals(2, held.size(), "claude ran both scripted commands");
                assertEquals(Workspace.ordersJson().strip(), held.get(0).strip(), "claude itself holds the whole JSON output");

                List<RecordedRequest> turns = upstream.requests(Api.ANTHROPIC);
                assertEquals(3, turns.size(), "one upstream request per turn (ask, two tool results)");
                List<String> sent = ToolOutputs.of(turns.get(2));
                assertEquals(2, sent.size(), "the last request carries both tool results");
                String json = sent.get(0);
                assertTrue(json.length() < held.get(0).length() / 2,
                        "the JSON tool output reached the upstream compressed: " + json.length() + " of " + held.get(0).length() + " chars");
                assertNotNull(ToolOutputs.firstMarkerHash(json), "a retrievable marker stands for the rows left out");
                assertTrue(sent.get(1).length() < held.get(1).length(),
                        "the log reached the upstream compressed: " + sent.get(1).length() + " of " + held.get(1).length() + " chars");
                assertTrue(ToolOutputs.toolNames(turns.get(2)).contains("headroom_retrieve"),
                        "the proxy offered the model headroom_retrieve, which Claude Code never sends itself");
                assertFalse(ToolOutputs.toolNames(turns.get(0)).contains("headroom_retrieve"),
                        "no retrieve tool before anything was compressed");
                assertFalse(run.stdout().contains("headroom_retrieve"), "claude never saw headroom_retrieve");
                int directBytes = directTurns.get(2).body().length;
                int proxiedBytes = turns.get(2).body().length;
                assertTrue(proxiedBytes < directBytes, "the last request is smaller through the proxy: "
                        + proxiedBytes + " vs " + directBytes + " bytes direct");

                JsonNode stats = proxy.stats();
                assertEquals(3, stats.path("requests").path("total").asLong(), "/stats counts the requests");
                assertTrue(stats.path("requests").path("compressed").asLong() >= 1, "/stats counts compressed requests");
                assertTrue(stats.path("tokens").path("saved").asLong() > 0, "/stats shows tokens saved");
                assertTrue(stats.path("persistent_savings").path("lifetime").path("tokens_saved").asLong() > 0,
                        "the savings reached the ledger");
                System.out.println("claude-code through the proxy: " + stats.path("tokens").path("saved").asLong()
                        + " tokens saved of " + stats.path("tokens").path("before").asLong() + " over "
                        + stats.path("requests").path("total").asLong() + " requests; JSON output " + held.get(0).length()
                        + " -> " + json.length() + " chars, log " + held.get(1).length() + " -> " + sent.get(1).length()
                        + " chars; last request " + directBytes + " bytes direct -> " + proxiedBytes
                        + " bytes through the proxy; claude took " + run.millis() + " ms (direct " + direct.millis() + " ms)");
            });

            // The model asks for the rows the marker left out: the proxy answers, the client never sees it.
            String hash = ToolOutputs.firstMarkerHash(ToolOutputs.of(upstream.requests(Api.ANTHROPIC).get(2)).get(0));
            upstream.script(Scripts.retrieve(hash));
            upstream.clearRequests();
            ProcessRun again = ClaudeCode.run(claude, project, ClaudeCode.env(home, proxy.baseUrl()), Scripts.RETRIEVE_PROMPT, true);
            diagnostics.add("claude (retrieve)", again::describe);
            diagnostics.verify(() -> {
                assertEquals(0, again.exitCode(), "claude's exit code");
                assertEquals(Scripts.RETRIEVED_TEXT, ClaudeCode.resultText(again.stdout()), "claude's final answer");
                assertFalse(again.stdout().contains("headroom_retrieve"), "claude never saw headroom_retrieve");
                assertEquals(List.of(), ClaudeCode.clientToolCalls(again.stdout()), "claude saw no tool call at all");
                List<RecordedRequest> turns = upstream.requests(Api.ANTHROPIC);
                assertEquals(2, turns.size(), "the proxy asked the upstream again with the retrieved original");
                List<String> sent = ToolOutputs.of(turns.get(1));
                assertTrue(sent.stream().anyMatch(s -> s.strip().equals(Workspace.ordersJson().strip())),
                        "the retrieval result is the whole original JSON");
                JsonNode stats = proxy.stats();
                assertTrue(stats.path("retrieval").path("resolved").asLong() >= 1, "/stats counts the retrieval");
            });
        }
    }
}
