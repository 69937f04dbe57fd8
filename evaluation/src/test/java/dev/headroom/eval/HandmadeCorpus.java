package dev.headroom.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A small corpus written into a temp dir as the recorder writes one: corpus/recorded/index.json with a Claude
 * Code and a Codex session (scripts with families, scenarios, needles) and their request bodies, one turn each.
 * Bodies are built with Jackson, so every escape is right.
 */
final class HandmadeCorpus {

    static final String KUBECTL = "kubectl get pods -A";
    static final String GIT_LOG = "git log -p -n 2";
    static final String UNSCRIPTED = "ls -la";
    static final String NO_FAMILY = "date";
    static final String PODS = "NAMESPACE NAME READY\nshop checkout-7f9 1/1\nshop cart-5d2 0/1 CrashLoopBackOff";
    static final String COMMIT = "commit 79318f6\nAuthor: Dana\n\n    PRICING-212\n";
    static final String CODEX_JSON = "Chunk ID: 1cd35c\nWall time: 0.0000 seconds\nProcess exited with code 0\n"
            + "Original token count: 12\nOutput:\n{\"orders\": [{\"id\": 1, \"total\": 100.00}]}\n";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HandmadeCorpus() {
    }

    /** Writes the corpus under {@code root}; with {@code split}, also a split.json (claude tuning, codex held out). */
    static void write(Path root, boolean split) throws IOException {
        Path dir = Files.createDirectories(root.resolve("corpus/recorded"));
        Files.createDirectories(dir.resolve("claude-k8s"));
        Files.createDirectories(dir.resolve("codex-k8s"));
        JSON.writeValue(dir.resolve("claude-k8s/turn-01.json").toFile(), claudeBody());
        JSON.writeValue(dir.resolve("codex-k8s/turn-01.json").toFile(), codexBody());
        ObjectNode index = JSON.createObjectNode();
        ArrayNode sessions = index.putArray("sessions");
        session(sessions.addObject(), "claude-k8s", "claude-code", "claude-k8s/turn-01.json", "CrashLoopBackOff");
        session(sessions.addObject(), "codex-k8s", "codex", "codex-k8s/turn-01.json", "PRICING-212");
        JSON.writeValue(dir.resolve("index.json").toFile(), index);
        if (split) {
            JSON.writeValue(dir.resolve("split.json").toFile(),
                    Map.of("seed", 42, "tuning", List.of("claude-k8s"), "heldOut", List.of("codex-k8s")));
        }
    }

    private static void session(ObjectNode s, String id, String client, String turn, String needle) {
        s.put("id", id).put("client", client).put("scenario", "pods-crashing");
        s.putArray("turns").addObject().put("file", turn).put("path", "/v1/x").put("bytes", 1);
        s.putArray("needles").add(needle);
        ArrayNode commands = s.putObject("script").putArray("steps").addObject().putArray("commands");
        commands.addObject().put("command", KUBECTL).put("description", "pods").put("family", "kubectl-get");
        commands.addObject().put("command", GIT_LOG).put("family", "git-log-p");
        commands.addObject().put("command", "cat orders.json").put("family", "json-api");
        commands.addObject().put("command", NO_FAMILY);
    }

    /** Anthropic: a string result, a two-block result, an unscripted command and one without a family. */
    static ObjectNode claudeBody() {
        ObjectNode body = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 100);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", "Why is the cart crashing?");
        ArrayNode calls = messages.addObject().put("role", "assistant").putArray("content");
        toolUse(calls, "toolu_1", KUBECTL);
        toolUse(calls, "toolu_2", GIT_LOG);
        toolUse(calls, "toolu_3", UNSCRIPTED);
        toolUse(calls, "toolu_4", NO_FAMILY);
        ArrayNode results = messages.addObject().put("role", "user").putArray("content");
        results.addObject().put("type", "tool_result").put("tool_use_id", "toolu_1").put("content", PODS);
        ArrayNode blocks = results.addObject().put("type", "tool_result").put("tool_use_id", "toolu_2").putArray("content");
        blocks.addObject().put("type", "text").put("text", COMMIT);
        blocks.addObject().put("type", "text").put("text", "(2 commits)");
        results.addObject().put("type", "tool_result").put("tool_use_id", "toolu_3").put("content", "total 0");
        results.addObject().put("type", "tool_result").put("tool_use_id", "toolu_4").put("content", "Tue Nov 3");
        return body;
    }

    private static void toolUse(ArrayNode content, String id, String command) {
        content.addObject().put("type", "tool_use").put("id", id).put("name", "Bash")
                .putObject("input").put("command", command).put("description", "run it");
    }

    /** OpenAI Responses: {@code cmd} as a string, {@code command} as an argv, and a JSON output under a header. */
    static ObjectNode codexBody() {
        ObjectNode body = JSON.createObjectNode().put("model", "gpt-5.5").put("stream", true);
        ArrayNode input = body.putArray("input");
        input.addObject().put("type", "message").put("role", "user").putArray("content").addObject()
                .put("type", "input_text").put("text", "Why is the cart crashing?");
        input.addObject().put("type", "function_call").put("name", "exec_command").put("call_id", "call_1")
                .put("arguments", "{\"cmd\":\"" + KUBECTL + "\"}");
        input.addObject().put("type", "function_call").put("name", "shell").put("call_id", "call_2")
                .put("arguments", "{\"command\":[\"bash\",\"-lc\",\"" + GIT_LOG + "\"]}");
        input.addObject().put("type", "function_call").put("name", "exec_command").put("call_id", "call_3")
                .put("arguments", "{\"cmd\":\"cat orders.json\"}");
        // outputs in another order than their calls: pairing goes by call_id, not by position
        input.addObject().put("type", "function_call_output").put("call_id", "call_2").put("output", COMMIT);
        input.addObject().put("type", "function_call_output").put("call_id", "call_1").put("output", PODS);
        input.addObject().put("type", "function_call_output").put("call_id", "call_3").put("output", CODEX_JSON);
        return body;
    }
}
