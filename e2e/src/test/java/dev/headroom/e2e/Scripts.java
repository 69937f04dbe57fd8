package dev.headroom.e2e;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.testsupport.ToolScript;

import java.util.List;

/**
 * What the fake model does in the end-to-end runs. {@code RUN_E2E}: read the two big files with the client's
 * shell tool, then answer {@link #FINAL_TEXT}. {@code RETRIEVE_E2E}: call {@code headroom_retrieve} for a
 * hash the proxy put in a marker, which the proxy must answer itself (the client never sees the call), then
 * answer {@link #RETRIEVED_TEXT}.
 */
final class Scripts {

    static final String TRIGGER = "RUN_E2E";
    static final String RETRIEVE_TRIGGER = "RETRIEVE_E2E";
    static final String FINAL_TEXT = "E2E-DONE: 12 orders failed; the log has 6 ERROR lines.";
    static final String RETRIEVED_TEXT = "E2E-RETRIEVED: read the omitted orders too.";
    static final String PROMPT = TRIGGER + " Which orders failed? Read orders.json and app.log.";
    /** Real APIs stream text and tool arguments in many small deltas; so does the fake here (the retrieve call too). */
    static final int DELTA_CHARS = 9;
    static final String RETRIEVE_PROMPT = RETRIEVE_TRIGGER + " Show me the orders you left out.";

    private Scripts() {
    }

    static ToolScript readFiles() {
        // Codex caps a command's output at about 10k tokens unless the call asks for more.
        ObjectNode more = JsonNodeFactory.instance.objectNode().put("max_output_tokens", 20000);
        List<ToolScript.Command> commands = List.of(
                new ToolScript.Command("cat " + Workspace.JSON_FILE, "Read the orders", null, more),
                new ToolScript.Command("cat " + Workspace.LOG_FILE, "Read the application log", null, more));
        return ToolScript.empty().with(new ToolScript.Step(TRIGGER, commands, FINAL_TEXT, "Bash", "exec_command", "bash"));
    }

    static ToolScript retrieve(String hash) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("hash", hash);
        ToolScript.Command call = new ToolScript.Command("retrieve", "Retrieve the omitted rows", args, args);
        return ToolScript.empty().with(new ToolScript.Step(RETRIEVE_TRIGGER, List.of(call), RETRIEVED_TEXT,
                "headroom_retrieve", "headroom_retrieve", "headroom_retrieve"));
    }
}
