package dev.headroom.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.format.WireFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell command behind each tool output of a request body, in the order the engine reports its units
 * (document order, one per output string, as {@code RequestScanner} finds them). Read with Jackson on its own
 * so that the engine is measured, not trusted, and each output is paired with its call by id:
 * <ul>
 *   <li>Anthropic: {@code tool_use} {id, input.command} and {@code tool_result.tool_use_id};</li>
 *   <li>OpenAI Responses: {@code *_call} {call_id, arguments: JSON with {@code cmd} or {@code command}, or
 *       {@code action.command}} and {@code *_call_output.call_id};</li>
 *   <li>OpenAI Chat: {@code tool_calls[]} {id, function.arguments} and {@code role: tool} {@code tool_call_id}.</li>
 * </ul>
 */
final class ToolOutputCommands {

    /** One tool output: its text and the command that printed it (empty when unknown). */
    record Output(String text, String command) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolOutputCommands() {
    }

    static List<Output> of(byte[] body, WireFormat format) throws IOException {
        JsonNode root = JSON.readTree(body);
        if ("response.create".equals(root.path("type").asText()) && root.path("response").isObject()) {
            root = root.path("response"); // a Codex WebSocket frame wraps a Responses request
        }
        List<Output> out = new ArrayList<>();
        if (format == WireFormat.ANTHROPIC) {
            anthropic(root, out);
        } else if (format == WireFormat.OPENAI_CHAT) {
            chat(root, out);
        } else if (format == WireFormat.OPENAI_RESPONSES) {
            responses(root, out);
        }
        return out;
    }

    private static void anthropic(JsonNode root, List<Output> out) {
        Map<String, String> commands = new HashMap<>();
        for (JsonNode message : root.path("messages")) {
            for (JsonNode block : message.path("content")) {
                String type = block.path("type").asText();
                if (type.equals("tool_use") || type.equals("server_tool_use")) {
                    commands.put(block.path("id").asText(), block.path("input").path("command").asText(""));
                } else if (type.equals("tool_result")) {
                    texts(block.path("content"), true, commands.getOrDefault(block.path("tool_use_id").asText(), ""), out);
                }
            }
        }
    }

    private static void chat(JsonNode root, List<Output> out) {
        Map<String, String> commands = new HashMap<>();
        for (JsonNode message : root.path("messages")) {
            for (JsonNode call : message.path("tool_calls")) {
                commands.put(call.path("id").asText(), fromArguments(call.path("function").path("arguments")));
            }
            String role = message.path("role").asText();
            if (role.equals("tool") || role.equals("function")) {
                texts(message.path("content"), false, commands.getOrDefault(message.path("tool_call_id").asText(), ""), out);
            }
        }
    }

    private static void responses(JsonNode root, List<Output> out) {
        Map<String, String> commands = new HashMap<>();
        for (JsonNode item : root.path("input")) {
            String type = item.path("type").asText();
            String callId = item.path("call_id").asText();
            if (type.endsWith("_call") && item.has("call_id")) {
                String command = fromArguments(item.path("arguments"));
                commands.put(callId, command.isEmpty() ? shellLine(item.path("action").path("command")) : command);
            } else if (type.endsWith("_call_output")) {
                texts(item.path("output"), false, commands.getOrDefault(callId, ""), out);
            }
        }
    }

    /**
     * A string content is one output; a list holds one output per part with a string {@code text} (Anthropic:
     * only {@code type: text} blocks), as the engine's scanner counts them.
     */
    private static void texts(JsonNode content, boolean textTypeOnly, String command, List<Output> out) {
        if (content.isTextual()) {
            out.add(new Output(content.asText(), command));
            return;
        }
        for (JsonNode part : content) {
            boolean typed = !textTypeOnly || part.path("type").asText().equals("text");
            if (typed && part.path("text").isTextual()) {
                out.add(new Output(part.path("text").asText(), command));
            }
        }
    }

    /** {@code arguments} is a JSON string holding {@code cmd} (a string) or {@code command} (string or array). */
    static String fromArguments(JsonNode arguments) {
        JsonNode args = arguments;
        if (arguments.isTextual()) {
            try {
                args = JSON.readTree(arguments.asText());
            } catch (IOException e) {
                return "";
            }
        }
        if (args == null) {
            return "";
        }
        JsonNode cmd = args.has("cmd") ? args.path("cmd") : args.path("command");
        return cmd.isTextual() ? cmd.asText() : shellLine(cmd);
    }

    /** {@code ["bash", "-lc", "git log"]} is the command line {@code git log}; other arrays are joined by spaces. */
    static String shellLine(JsonNode argv) {
        if (!argv.isArray() || argv.isEmpty()) {
            return argv.isTextual() ? argv.asText() : "";
        }
        List<String> parts = new ArrayList<>();
        argv.forEach(a -> parts.add(a.asText()));
        String shell = parts.get(0).substring(parts.get(0).lastIndexOf('/') + 1);
        boolean viaShell = List.of("bash", "sh", "zsh", "dash").contains(shell) && parts.size() == 3
                && List.of("-c", "-lc", "-l -c").contains(parts.get(1));
        return viaShell ? parts.get(2) : String.join(" ", parts);
    }
}
