package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolScriptTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Conversation anthropic(String json) throws Exception {
        return Conversation.of(Api.ANTHROPIC, JSON.readTree(json));
    }

    @Test
    void parsesJsonWithExtrasAndCustomToolNames() throws Exception {
        ToolScript s = ToolScript.fromJson(JSON.readTree("{\"defaultText\":\"Hi.\",\"steps\":[{\"trigger\":\"GO\","
                + "\"finalText\":\"Fin.\",\"responsesTool\":\"shell\",\"commands\":[\"ls -la\",{\"command\":\"cat app.log\","
                + "\"description\":\"Read log\",\"responsesExtra\":{\"max_output_tokens\":9000}}]}]}"));
        assertEquals("Hi.", s.defaultText());
        Conversation c = Conversation.of(Api.RESPONSES, JSON.readTree("{\"input\":\"GO\"}"));
        Reply r = s.replyFor(Api.RESPONSES, c);
        assertEquals("shell", r.toolName());
        assertEquals("[\"bash\",\"-lc\",\"ls -la\"]", r.toolArguments().path("command").toString());

        Conversation after = Conversation.of(Api.RESPONSES, JSON.readTree("{\"input\":[{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"GO\"}]},{\"type\":\"function_call_output\",\"output\":\"x\"}]}"));
        Reply second = s.replyFor(Api.RESPONSES, after);
        assertEquals(9000, second.toolArguments().path("max_output_tokens").asInt());
        Reply anth = s.replyFor(Api.ANTHROPIC, anthropic("{\"messages\":[{\"role\":\"user\",\"content\":\"GO\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"content\":\"x\"}]}]}"));
        assertEquals("Read log", anth.toolArguments().path("description").asText());
        assertEquals("cat app.log", anth.toolArguments().path("command").asText());
    }

    @Test
    void countsOnlyToolResultsAfterTheLatestTrigger() throws Exception {
        ToolScript s = ToolScript.empty().with(ToolScript.Step.of("RUN_A", "A done", "a1", "a2"))
                .with(ToolScript.Step.of("RUN_B", "B done", "b1"));
        String r = "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"content\":\"x\"}]}";
        Conversation c = anthropic("{\"messages\":[{\"role\":\"user\",\"content\":\"RUN_A\"}," + r + "," + r
                + ",{\"role\":\"user\",\"content\":\"now RUN_B\"}]}");
        assertEquals("b1", s.replyFor(Api.ANTHROPIC, c).toolArguments().path("command").asText());
        Conversation c2 = anthropic("{\"messages\":[{\"role\":\"user\",\"content\":\"RUN_A\"}," + r + "," + r
                + ",{\"role\":\"user\",\"content\":\"now RUN_B\"}," + r + "]}");
        Reply done = s.replyFor(Api.ANTHROPIC, c2);
        assertFalse(done.isToolCall());
        assertEquals("B done", done.text());
    }

    @Test
    void chatToolResultsAndDefaultText() throws Exception {
        ToolScript s = ToolScript.empty().with(ToolScript.Step.of("RUN", "ok", "echo 1"));
        Conversation none = Conversation.of(Api.CHAT, JSON.readTree("{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"));
        assertEquals(ToolScript.DEFAULT_TEXT, s.replyFor(Api.CHAT, none).text());
        Conversation run = Conversation.of(Api.CHAT, JSON.readTree("{\"messages\":[{\"role\":\"user\",\"content\":\"RUN\"}]}"));
        Reply call = s.replyFor(Api.CHAT, run);
        assertTrue(call.isToolCall());
        assertEquals("bash", call.toolName());
        Conversation done = Conversation.of(Api.CHAT, JSON.readTree("{\"messages\":[{\"role\":\"user\",\"content\":\"RUN\"},"
                + "{\"role\":\"tool\",\"content\":\"1\"}]}"));
        assertEquals("ok", s.replyFor(Api.CHAT, done).text());
    }
}
