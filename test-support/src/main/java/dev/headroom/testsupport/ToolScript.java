package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scripted tool turns. A step is chosen by a trigger word in the latest user text that contains one; while
 * the conversation has fewer tool results after that text than the step has commands, the fake answers with
 * the next command as a tool call, then with the step's final text.
 *
 * <p>JSON form (for {@code --script}):
 * <pre>{"defaultText": "Hello.", "steps": [{"trigger": "RUN_SCRIPT", "finalText": "Done.",
 *   "commands": ["git log -3", {"command": "mvn test", "description": "Run tests",
 *                               "responsesExtra": {"max_output_tokens": 20000}}]}]}</pre>
 * Tool names default to {@code Bash} (Anthropic, input {@code {"command","description"}}),
 * {@code exec_command} (Responses, {@code {"cmd"}}; {@code shell} sends {@code {"command":["bash","-lc",cmd]}})
 * and {@code bash} (Chat, {@code {"command"}}); a step may set {@code anthropicTool}, {@code responsesTool},
 * {@code chatTool}.
 */
public final class ToolScript {

    /** One command the model "runs", with optional extra arguments per API. */
    public record Command(String command, String description, ObjectNode anthropicExtra, ObjectNode responsesExtra) {
        public static Command of(String command) {
            return new Command(command, null, null, null);
        }
    }

    /** The commands a trigger word starts, and the answer that ends them. */
    public record Step(String trigger, List<Command> commands, String finalText,
                       String anthropicTool, String responsesTool, String chatTool) {
        public Step {
            commands = List.copyOf(commands);
        }

        public static Step of(String trigger, String finalText, String... commands) {
            return new Step(trigger, List.of(commands).stream().map(Command::of).toList(), finalText,
                    "Bash", "exec_command", "bash");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String DEFAULT_TEXT = "Hello from the fake upstream.";

    private final List<Step> steps;
    private final String defaultText;

    public ToolScript(List<Step> steps, String defaultText) {
        this.steps = List.copyOf(steps);
        this.defaultText = defaultText;
    }

    public static ToolScript empty() {
        return new ToolScript(List.of(), DEFAULT_TEXT);
    }

    public List<Step> steps() {
        return steps;
    }

    public String defaultText() {
        return defaultText;
    }

    public ToolScript with(Step step) {
        List<Step> all = new ArrayList<>(steps);
        all.add(step);
        return new ToolScript(all, defaultText);
    }

    public ToolScript withDefaultText(String text) {
        return new ToolScript(steps, text);
    }

    /** The reply for a conversation: the next scripted tool call, the step's final text, or the default text. */
    public Reply replyFor(Api api, Conversation conversation) {
        Step chosen = null;
        int at = -1;
        for (Step s : steps) {
            int i = conversation.lastUserTextContaining(s.trigger());
            if (i > at) {
                at = i;
                chosen = s;
            }
        }
        if (chosen == null) {
            return Reply.text(defaultText);
        }
        int done = conversation.toolResultsAfter(at);
        if (done >= chosen.commands().size()) {
            return Reply.text(chosen.finalText());
        }
        return toolCall(api, chosen, chosen.commands().get(done));
    }

    private static Reply toolCall(Api api, Step step, Command c) {
        ObjectNode args = JSON.createObjectNode();
        switch (api) {
            case ANTHROPIC:
                args.put("command", c.command());
                args.put("description", c.description() != null ? c.description() : "Run " + firstWord(c.command()));
                if (c.anthropicExtra() != null) {
                    args.setAll(c.anthropicExtra());
                }
                return Reply.toolCall(step.anthropicTool(), args);
            case RESPONSES:
                if ("shell".equals(step.responsesTool())) {
                    args.putArray("command").add("bash").add("-lc").add(c.command());
                } else {
                    args.put("cmd", c.command());
                }
                if (c.responsesExtra() != null) {
                    args.setAll(c.responsesExtra());
                }
                return Reply.toolCall(step.responsesTool(), args);
            default:
                args.put("command", c.command());
                return Reply.toolCall(step.chatTool(), args);
        }
    }

    private static String firstWord(String command) {
        String t = command.trim();
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }

    public static ToolScript fromFile(Path file) throws IOException {
        return fromJson(JSON.readTree(file.toFile()));
    }

    public static ToolScript fromJson(JsonNode root) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : root.path("steps")) {
            List<Command> commands = new ArrayList<>();
            for (JsonNode c : s.path("commands")) {
                if (c.isTextual()) {
                    commands.add(Command.of(c.asText()));
                } else {
                    commands.add(new Command(c.path("command").asText(),
                            c.hasNonNull("description") ? c.get("description").asText() : null,
                            c.path("anthropicExtra").isObject() ? (ObjectNode) c.get("anthropicExtra") : null,
                            c.path("responsesExtra").isObject() ? (ObjectNode) c.get("responsesExtra") : null));
                }
            }
            steps.add(new Step(s.path("trigger").asText(), commands, s.path("finalText").asText("Done."),
                    s.path("anthropicTool").asText("Bash"), s.path("responsesTool").asText("exec_command"),
                    s.path("chatTool").asText("bash")));
        }
        return new ToolScript(steps, root.path("defaultText").asText(DEFAULT_TEXT));
    }
}
