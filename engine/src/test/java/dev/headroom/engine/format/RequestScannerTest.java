package dev.headroom.engine.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.support.Requests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestScannerTest {

    private static String span(byte[] body, ToolOutput o) {
        return JsonSpans.decode(body, o.start(), o.end(body));
    }

    @Test
    void anthropicFindsStringAndBlockListToolResultsWithTheirToolNames() {
        String json = "{\"model\":\"claude-opus-4-8\",\"system\":\"s\",\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"<system-reminder>r</system-reminder>\"},{\"type\":\"text\",\"text\":\"find the bug\"}]},"
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"mid-conversation system\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"t\",\"signature\":\"x\"},"
                + "{\"type\":\"tool_use\",\"id\":\"a\",\"name\":\"Bash\",\"input\":{\"command\":\"ls\"}},"
                + "{\"type\":\"server_tool_use\",\"id\":\"s1\",\"name\":\"web_search\",\"input\":{}},"
                + "{\"type\":\"tool_use\",\"id\":\"b\",\"name\":\"Read\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"a\",\"is_error\":true,\"content\":\"out-a\",\"cache_control\":{\"type\":\"ephemeral\"}},"
                + "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"s1\",\"content\":[]},"
                + "{\"type\":\"future_block\",\"content\":\"never touched\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"b\",\"content\":[{\"type\":\"text\",\"text\":\"out-b1\"},{\"type\":\"image\",\"source\":{}},{\"type\":\"text\",\"text\":\"out-b2\"}]}]}],"
                + "\"tools\":[]}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        RequestScan scan = RequestScanner.scan(body, null);
        assertEquals(WireFormat.ANTHROPIC, scan.format());
        assertEquals("claude-opus-4-8", scan.model());
        assertEquals(3, scan.outputs().size());
        ToolOutput a = scan.outputs().get(0);
        assertEquals("out-a", span(body, a));
        assertEquals("Bash", a.toolName());
        assertTrue(a.error());
        assertTrue(a.hasCacheControl());
        assertEquals("Read", scan.outputs().get(1).toolName());
        assertEquals("out-b2", span(body, scan.outputs().get(2)));
        assertEquals("find the bug", scan.latestUserText());
        assertTrue(scan.toolsEmpty());
        assertFalse(scan.toolsDefineRetrieve());
    }

    @Test
    void chatFindsToolMessagesNamedByTheirCalls() {
        ObjectNode req = Requests.chat("why?", "first output", "second output");
        byte[] body = Requests.bytes(req);
        RequestScan scan = RequestScanner.scan(body, null);
        assertEquals(WireFormat.OPENAI_CHAT, scan.format());
        assertEquals(2, scan.outputs().size());
        assertEquals("shell", scan.outputs().get(0).toolName());
        assertEquals("second output", span(body, scan.outputs().get(1)));
        assertEquals("why?", scan.latestUserText());
        assertEquals(-1, scan.toolsStart());
    }

    @Test
    void responsesFindsEveryCallOutputKind() {
        String json = "{\"model\":\"gpt-5\",\"input\":["
                + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"go\"}]},"
                + "{\"type\":\"function_call\",\"call_id\":\"c1\",\"name\":\"exec_command\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"c1\",\"output\":\"o1\"},"
                + "{\"type\":\"custom_tool_call\",\"call_id\":\"c2\",\"name\":\"apply_patch\",\"input\":\"x\"},"
                + "{\"type\":\"custom_tool_call_output\",\"call_id\":\"c2\",\"output\":\"o2\"},"
                + "{\"type\":\"local_shell_call\",\"call_id\":\"c3\",\"action\":{}},"
                + "{\"type\":\"local_shell_call_output\",\"call_id\":\"c3\",\"output\":\"o3\"},"
                + "{\"type\":\"apply_patch_call_output\",\"call_id\":\"c4\",\"output\":[{\"type\":\"input_text\",\"text\":\"o4\"}]},"
                + "{\"type\":\"reasoning\",\"id\":\"r\",\"summary\":[],\"encrypted_content\":\"zzz\"}],"
                + "\"tools\":[{\"type\":\"namespace\",\"name\":\"multi\",\"tools\":[]},{\"type\":\"function\",\"name\":\"headroom_retrieve\"}]}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        RequestScan scan = RequestScanner.scan(body, null);
        assertEquals(WireFormat.OPENAI_RESPONSES, scan.format());
        assertEquals(4, scan.outputs().size());
        assertEquals("exec_command", scan.outputs().get(0).toolName());
        assertEquals("apply_patch", scan.outputs().get(1).toolName());
        assertEquals("local_shell", scan.outputs().get(2).toolName());
        assertEquals("o4", span(body, scan.outputs().get(3)));
        assertEquals("go", scan.latestUserText());
        assertTrue(scan.toolsDefineRetrieve());
    }

    @Test
    void responsesWithStringInputHasNoUnits() {
        byte[] body = "{\"model\":\"gpt-5\",\"input\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
        RequestScan scan = RequestScanner.scan(body, null);
        assertEquals(WireFormat.OPENAI_RESPONSES, scan.format());
        assertEquals(0, scan.outputs().size());
        assertEquals("hello", scan.latestUserText());
    }

    @Test
    void codexWebSocketFramesAreScannedInsideTheirResponse() {
        String big = "x".repeat(50);
        String json = "{\"type\":\"response.create\",\"response\":{\"model\":\"gpt-5\",\"tools\":[],\"input\":["
                + "{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"exec_command\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"c\",\"output\":\"" + big + "\"}]}}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        RequestScan scan = RequestScanner.scan(body, null);
        assertEquals(WireFormat.OPENAI_RESPONSES, scan.format());
        assertEquals(big, span(body, scan.outputs().get(0)));
        assertTrue(scan.toolsEmpty());
        assertEquals(']', body[scan.toolsEnd()]);
        assertEquals('}', body[scan.rootEnd()]);
        assertEquals(body.length - 2, scan.rootEnd(), "the inner object's end");
    }
}
