package dev.headroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.testsupport.Api;
import dev.headroom.testsupport.Fault;
import dev.headroom.testsupport.FakeLlmUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upstream failures with the real Claude Code behind the proxy: the proxy relays the upstream's own error
 * statuses (it invents none), the client's own retries carry the task to the end, and compression still
 * applies on the turns that follow.
 */
class ClaudeCodeUpstreamFaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void overloadedAndFailingUpstreamAnswersReachClaudeCodeWhichRetriesAndFinishes() throws Exception {
        Path claude = PinnedClients.claude();
        Path launcher = PinnedClients.launcher();
        Path home = tmp.resolve("home");
        Path project = Workspace.create(home.resolve("orders-service"));
        try (FakeLlmUpstream upstream = FakeLlmUpstream.start(0).script(Scripts.readFiles());
             ProxyProcess proxy = ProxyProcess.start(launcher, tmp.resolve("headroom"), upstream.baseUrl(),
                     ProcessRun.baseEnv(home))) {
            diagnostics.add("fake upstream requests", () -> Diagnostics.upstreamSummary(upstream));
            diagnostics.add("proxy log", proxy::log);
            // The first ask is overloaded and its first retry fails: the client must see both and retry again.
            upstream.faultNext(Fault.status(529)).faultNext(Fault.status(500));

            ProcessRun run = ClaudeCode.run(claude, project, ClaudeCode.env(home, proxy.baseUrl()), Scripts.PROMPT, false);
            diagnostics.add("claude", run::describe);
            diagnostics.verify(() -> {
                assertEquals(0, run.exitCode(), "claude's exit code");
                assertEquals(Scripts.FINAL_TEXT, ClaudeCode.resultText(run.stdout()), "claude's final answer after its retries");
                assertEquals(5, upstream.requests(Api.ANTHROPIC).size(), "two failed attempts, then the three turns");
                assertEquals(List.of(529, 500, 200, 200, 200), loggedStatuses(proxy),
                        "the proxy relayed the upstream's statuses, in order, and invented none");
                assertEquals(List.of(529, 500), ClaudeCode.retriedStatuses(run.stdout()),
                        "claude saw the upstream's own statuses and retried each");
                JsonNode stats = proxy.stats();
                assertTrue(stats.path("tokens").path("saved").asLong() > 0, "compression went on after the failures");
                System.out.println("claude-code with upstream 529 then 500: finished in " + run.millis() + " ms; "
                        + "/stats requests " + stats.path("requests"));
            });
        }
    }

    @Test
    void anUpstreamStreamCutMidwayReachesClaudeCodeAsACutStreamAndItsRetryFinishesTheTask() throws Exception {
        Path claude = PinnedClients.claude();
        Path launcher = PinnedClients.launcher();
        Path home = tmp.resolve("home");
        Path project = Workspace.create(home.resolve("orders-service"));
        try (FakeLlmUpstream upstream = FakeLlmUpstream.start(0).script(Scripts.readFiles());
             ProxyProcess proxy = ProxyProcess.start(launcher, tmp.resolve("headroom"), upstream.baseUrl(),
                     ProcessRun.baseEnv(home))) {
            diagnostics.add("fake upstream requests", () -> Diagnostics.upstreamSummary(upstream));
            diagnostics.add("proxy log", proxy::log);
            // The first answer stops after message_start and content_block_start; the connection then closes.
            upstream.faultNext(Fault.dropAfterEvents(2));

            ProcessRun run = ClaudeCode.run(claude, project, ClaudeCode.env(home, proxy.baseUrl()), Scripts.PROMPT, false);
            diagnostics.add("claude", run::describe);
            diagnostics.verify(() -> {
                System.out.println("claude-code with a stream cut after 2 events: exit " + run.exitCode() + " in "
                        + run.millis() + " ms; upstream saw " + upstream.requests(Api.ANTHROPIC).size()
                        + " requests; proxy logged " + loggedStatuses(proxy) + "; /stats requests " + proxy.stats().path("requests"));
                assertEquals(0, run.exitCode(), "claude's exit code");
                assertEquals(Scripts.FINAL_TEXT, ClaudeCode.resultText(run.stdout()), "claude's final answer after its retry");
                assertTrue(upstream.requests(Api.ANTHROPIC).size() >= 4, "the cut attempt, then the three turns");
                assertTrue(loggedStatuses(proxy).stream().noneMatch(s -> s >= 500),
                        "the proxy invented no 5xx for a stream that started with 200");
            });
        }
    }

    /** The status of each LLM request in the proxy's request log, in order. */
    private static List<Integer> loggedStatuses(ProxyProcess proxy) throws IOException {
        List<Integer> statuses = new ArrayList<>();
        Path log = proxy.headroomHome().resolve("logs").resolve("requests.jsonl");
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                statuses.add(JSON.readTree(line).path("status").asInt());
            }
        }
        return statuses;
    }
}
