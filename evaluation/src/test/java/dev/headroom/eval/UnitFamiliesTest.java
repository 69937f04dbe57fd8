package dev.headroom.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.format.WireFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each tool output is labelled with the family of the scripted command that printed it, for both clients. */
class UnitFamiliesTest {

    @TempDir
    Path root;

    private List<String> families(Session s) throws Exception {
        SessionReplay.Turn turn = new SessionReplay(CompressionMode.LOSSLESS).replay(s).turns().get(0);
        return new UnitFamilies(s.commands()).of(turn.original(), turn.result());
    }

    @Test
    void theIndexGivesScenarioAndFamilies() throws Exception {
        HandmadeCorpus.write(root, false);
        Session claude = SessionCorpus.fromIndex(root.resolve("corpus/recorded/index.json")).get(0);
        assertEquals("pods-crashing", claude.scenario());
        assertEquals(new Session.Command(HandmadeCorpus.KUBECTL, "kubectl-get"), claude.commands().get(0));
        assertEquals(new Session.Command(HandmadeCorpus.NO_FAMILY, ""), claude.commands().get(3));
        assertEquals(List.of("CrashLoopBackOff"), claude.needles());
    }

    @Test
    void claudeCodeOutputsPairWithTheirToolUse() throws Exception {
        HandmadeCorpus.write(root, false);
        Session claude = SessionCorpus.fromIndex(root.resolve("corpus/recorded/index.json")).get(0);
        // the second result has two text blocks: two units, one command; then an unscripted one and one without family
        assertEquals(List.of("kubectl-get", "git-log-p", "git-log-p", UnitFamilies.UNLABELLED, UnitFamilies.UNLABELLED),
                families(claude));
    }

    @Test
    void codexOutputsPairWithTheirFunctionCallByCallId() throws Exception {
        HandmadeCorpus.write(root, false);
        Session codex = SessionCorpus.fromIndex(root.resolve("corpus/recorded/index.json")).get(1);
        assertEquals(List.of("git-log-p", "kubectl-get", "json-api"), families(codex));
    }

    @Test
    void aSessionWithoutFamiliesIsUnlabelled() throws Exception {
        HandmadeCorpus.write(root, false);
        Session codex = SessionCorpus.fromIndex(root.resolve("corpus/recorded/index.json")).get(1);
        Session bare = new Session(codex.id(), codex.client(), codex.turns(), codex.needles());
        assertEquals(List.of(UnitFamilies.UNLABELLED, UnitFamilies.UNLABELLED, UnitFamilies.UNLABELLED), families(bare));
    }

    @Test
    void chatToolMessagesPairWithTheirToolCalls() throws Exception {
        String body = """
                {"model":"gpt-4o","messages":[
                  {"role":"user","content":"go"},
                  {"role":"assistant","tool_calls":[{"id":"t1","type":"function",
                    "function":{"name":"shell","arguments":"{\\"command\\":\\"kubectl  get pods -A\\"}"}}]},
                  {"role":"tool","tool_call_id":"t1","content":"pod-a 1/1"}]}
                """;
        List<ToolOutputCommands.Output> outputs = ToolOutputCommands.of(body.getBytes(StandardCharsets.UTF_8),
                WireFormat.OPENAI_CHAT);
        assertEquals(List.of(new ToolOutputCommands.Output("pod-a 1/1", "kubectl  get pods -A")), outputs);
        UnitFamilies families = new UnitFamilies(List.of(new Session.Command(HandmadeCorpus.KUBECTL, "kubectl-get")));
        assertEquals("kubectl-get", families.familyOf(outputs.get(0).command()), "white space runs do not matter");
    }

    @Test
    void argvCommandsAreReadAsTheShellLine() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("git log -p", ToolOutputCommands.shellLine(json.readTree("[\"/bin/bash\",\"-lc\",\"git log -p\"]")));
        assertEquals("ls -la src", ToolOutputCommands.shellLine(json.readTree("[\"ls\",\"-la\",\"src\"]")));
        assertEquals("make", ToolOutputCommands.fromArguments(json.readTree("\"{\\\"cmd\\\":\\\"make\\\"}\"")));
    }
}
