package dev.headroom.proxy;

import dev.headroom.proxy.support.Bodies;
import dev.headroom.proxy.support.ProxyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays a growing multi-turn session through the proxy (and through a restarted proxy): every turn's forwarded
 * bytes must start with the previous turn's forwarded messages, so the provider's prompt cache keeps hitting.
 */
class CacheStabilityTest {

    @TempDir
    Path home;

    static String log(String worker, int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append("2026-11-26T11:").append(String.format("%02d:%02d", i / 60 % 60, i % 60)).append(" WARN ")
                    .append(worker).append(" retry ").append(i).append(" after ").append(i * 13 % 200).append(" ms\n");
        }
        return sb.toString();
    }

    /** The request body of turn {@code n} (1-based): n tool cycles, each with its own log output. */
    static String turn(int n) {
        StringBuilder messages = new StringBuilder("{\"role\":\"user\",\"content\":\"why do the workers retry?\"}");
        for (int i = 1; i <= n; i++) {
            messages.append(",{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Checking log ").append(i)
                    .append(".\"},{\"type\":\"tool_use\",\"id\":\"toolu_").append(i)
                    .append("\",\"name\":\"Bash\",\"input\":{\"command\":\"cat w").append(i).append(".log\"}}]}")
                    .append(",{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_").append(i)
                    .append("\",\"content\":\"").append(Bodies.esc(log("worker-" + i, 250 + 10 * i))).append("\"}]}");
        }
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":512,\"system\":\"You are a cache test.\","
                + "\"tools\":[{\"name\":\"Bash\",\"description\":\"run\",\"input_schema\":{\"type\":\"object\"}}],"
                + "\"messages\":[" + messages + "]}";
    }

    @Test
    void everyLaterTurnExtendsTheBytesForwardedBefore() throws Exception {
        List<String> forwarded = new ArrayList<>();
        int turns = 6;
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            for (int n = 1; n <= turns / 2; n++) {
                h.send(h.post("/v1/messages", turn(n)).header("x-api-key", "k").header("x-headroom-session-id", "cache-1"));
                forwarded.add(h.upstream.last().bodyText());
            }
        }
        // a restart in the middle of the session: decisions come back from the SQLite memo
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            for (int n = turns / 2 + 1; n <= turns; n++) {
                h.send(h.post("/v1/messages", turn(n)).header("x-api-key", "k").header("x-headroom-session-id", "cache-1"));
                forwarded.add(h.upstream.last().bodyText());
            }
        }
        for (int i = 0; i < forwarded.size(); i++) {
            assertEquals(i + 1, RetrieveLoopTest.count(forwarded.get(i), "headroom_retrieve hash=") - 1,
                    "every tool output compressed (the retrieve tool's description shows one example marker)");
        }
        int stable = 0;
        for (int i = 1; i < forwarded.size(); i++) {
            String prev = forwarded.get(i - 1);
            String prefix = prev.substring(0, prev.lastIndexOf("]}"));   // up to the end of the last message
            if (forwarded.get(i).startsWith(prefix)) {
                stable++;
            }
        }
        double percent = 100.0 * stable / (forwarded.size() - 1);
        System.out.printf("cache-stable turns: %d of %d (%.0f%%)%n", stable, forwarded.size() - 1, percent);
        assertEquals(forwarded.size() - 1, stable, "cache-stable turns " + percent + "%");
    }
}
