package dev.headroom.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole report on a handmade corpus: families per set, and nothing of the held-out set but aggregates. */
class CorpusReportTest {

    @TempDir
    Path root;

    private String run(String... args) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            CorpusReport.main(args);
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void heldOutDataShowsOnlyAsAggregates() throws Exception {
        HandmadeCorpus.write(root, true);
        String out = run(root.toString(), "--no-relevance");
        assertTrue(out.contains("tuning set: 1 sessions"), out);
        assertTrue(out.contains("held-out set (aggregates only): 1 sessions"), out);
        assertTrue(out.lines().anyMatch(l -> l.strip().equals("claude-k8s")), "tuning sessions are listed");
        assertFalse(out.contains("codex-k8s"), "held-out sessions are not named");
        assertFalse(out.contains("PRICING-212"), "held-out needles are not shown");

        JsonNode json = new ObjectMapper().readTree(root.resolve("evaluation/target/report.json").toFile());
        assertFalse(json.toString().contains("codex-k8s") || json.toString().contains("PRICING-212"));
        JsonNode heldOut = json.path("sets").path("held-out");
        assertEquals(1, heldOut.path("families").path("kubectl-get").path("count").asInt());
        assertEquals(1, heldOut.path("json").path("json-api").path("count").asInt());
        assertEquals(1, heldOut.path("needles").path("git-log-p").path("balanced").path("verbatim").asInt());
        assertEquals(0, json.path("sets").path("whole-corpus").path("unstable").path("count").asInt());
        assertEquals(5, json.path("sets").path("tuning").path("allToolOutputs").path("count").asInt());
        assertEquals(8, json.path("sets").path("whole-corpus").path("allToolOutputs").path("count").asInt());
    }

    @Test
    void theTuningSetAloneIsReplayedOnRequest() throws Exception {
        HandmadeCorpus.write(root, true);
        String out = run(root.toString(), "--set", "tuning", "--no-relevance");
        assertTrue(out.contains("1 sessions; split.json seed 42"), out);
        assertFalse(out.contains("held-out set"), out);
        assertFalse(Files.readString(root.resolve("evaluation/target/report.json")).contains("whole-corpus"));
    }

    @Test
    void optionsAreChecked() {
        assertEquals(false, ReportOptions.parse("--set=held-out", "--no-relevance").relevance());
        assertEquals(1, ReportOptions.parse("--set", "held-out").parts().size());
        assertTrue(ReportOptions.parse().everything());
        assertThrows(IllegalArgumentException.class, () -> ReportOptions.parse("--set", "heldout"));
        assertThrows(IllegalArgumentException.class, () -> ReportOptions.parse("--fast"));
    }
}
