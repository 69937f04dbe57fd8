package dev.headroom.engine.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** Builds request bodies in the three wire formats for tests. */
public final class Requests {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    public static byte[] bytes(ObjectNode node) {
        return node.toPrettyString().getBytes(StandardCharsets.UTF_8);
    }

    /** An Anthropic request with one Bash tool call per output, each answered by a tool_result. */
    public static ObjectNode anthropic(String question, String... outputs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "claude-sonnet-4-5");
        root.put("max_tokens", 1024);
        root.putArray("system").addObject().put("type", "text").put("text", "You are terse.")
                .putObject("cache_control").put("type", "ephemeral");
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "user").put("content", question);
        for (int i = 0; i < outputs.length; i++) {
            ObjectNode use = messages.addObject().put("role", "assistant").putArray("content").addObject();
            use.put("type", "tool_use").put("id", "toolu_" + i).put("name", "Bash").putObject("input").put("command", "cmd" + i);
            messages.addObject().put("role", "user").putArray("content").addObject()
                    .put("type", "tool_result").put("tool_use_id", "toolu_" + i).put("content", outputs[i]);
        }
        root.putArray("tools").addObject().put("name", "Bash").put("description", "run")
                .putObject("input_schema").put("type", "object");
        return root;
    }

    /** An OpenAI Chat request with tool calls answered by role=tool messages. */
    public static ObjectNode chat(String question, String... outputs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "gpt-4o");
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are terse.");
        messages.addObject().put("role", "user").put("content", question);
        for (int i = 0; i < outputs.length; i++) {
            ObjectNode call = messages.addObject().put("role", "assistant").putNull("content");
            ObjectNode tc = call.putArray("tool_calls").addObject().put("id", "call_" + i).put("type", "function");
            tc.putObject("function").put("name", "shell").put("arguments", "{\"cmd\":\"c" + i + "\"}");
            messages.addObject().put("role", "tool").put("tool_call_id", "call_" + i).put("content", outputs[i]);
        }
        return root;
    }

    /** An OpenAI Responses request with function_call / function_call_output items. */
    public static ObjectNode responses(String question, String... outputs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "gpt-5");
        root.put("stream", true);
        ArrayNode input = root.putArray("input");
        input.addObject().put("type", "message").put("role", "developer").putArray("content").addObject()
                .put("type", "input_text").put("text", "You are a coding agent.");
        input.addObject().put("type", "message").put("role", "user").putArray("content").addObject()
                .put("type", "input_text").put("text", question);
        for (int i = 0; i < outputs.length; i++) {
            input.addObject().put("type", "function_call").put("call_id", "call_" + i).put("name", "exec_command")
                    .put("arguments", "{\"cmd\":\"c" + i + "\"}");
            input.addObject().put("type", "function_call_output").put("call_id", "call_" + i).put("output", outputs[i]);
        }
        ArrayNode tools = root.putArray("tools");
        tools.addObject().put("type", "function").put("name", "exec_command").putObject("parameters").put("type", "object");
        tools.addObject().put("type", "web_search");
        return root;
    }

    /** A long, compressible text: numbered lines. */
    public static String lines(String prefix, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(prefix).append(' ').append(i).append(": the same kind of line, again and again\n");
        }
        return sb.toString();
    }
}
