package dev.headroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.cli.support.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `headroom compress` and `headroom retrieve` as a user runs them: files, stdin, exit codes, --stats. */
class CompressRetrieveIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Map<String, String> env() {
        return Map.of("HEADROOM_HOME", home.toString());
    }

    private static Path example() {
        return example("claude-code-tool-loop.json");
    }

    private static Path example(String name) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = Files.exists(dir.resolve("mvnw")) ? dir : dir.getParent();
        return root.resolve("examples/requests/" + name);
    }

    @Test
    void minilmRelevanceKeepsTheTicketsAParaphrasedQuestionAsksFor() throws Exception {
        // The question shares no word with the three tickets it is about; the bundled MiniLM model finds them.
        String[] needles = {"Double charge on my credit card for order 4471", "I was billed two times for the same subscription",
                "Refund please: duplicate payment taken on 12 March"};
        Map<String, String> env = Map.of("HEADROOM_HOME", home.toString(), "HEADROOM_RELEVANCE", "minilm");
        Cli.Run run = Cli.run(env, null, "compress", "--stats", example("needles-paraphrased-tickets.json").toString());
        assertEquals(0, run.exit(), run.stderr());
        JsonNode stats = JSON.readTree(run.stderr().trim());
        assertTrue(stats.get("tokens_after").asLong() < stats.get("tokens_before").asLong() / 2, stats.toString());
        for (String needle : needles) {
            assertTrue(run.stdout().contains(needle), "kept verbatim: " + needle);
        }
    }

    @Test
    void compressWritesTheBodyToStdoutAndTheReportToStderr() throws Exception {
        Cli.Run run = Cli.run(env(), null, "compress", "--stats", example().toString());
        assertEquals(0, run.exit(), run.stderr());
        JsonNode body = JSON.readTree(run.stdoutBytes());
        assertEquals("claude-sonnet-4-5", body.get("model").asText());
        JsonNode stats = JSON.readTree(run.stderr().trim());
        for (String field : new String[] {"format", "tokens_before", "tokens_after", "units", "ccr_hashes", "tokenizer"}) {
            assertTrue(stats.has(field), "stats has " + field);
        }
        assertEquals("anthropic", stats.get("format").asText());
        assertTrue(stats.get("tokens_after").asLong() <= stats.get("tokens_before").asLong());
        assertEquals(4, stats.get("units").size(), stats.toString());
        JsonNode unit = stats.get("units").get(3);
        assertEquals("Read", unit.get("tool").asText());
        assertEquals("keep:excluded-tool", unit.get("transform").asText());
        for (JsonNode h : stats.get("ccr_hashes")) {
            Cli.Run got = Cli.run(env(), null, "retrieve", h.asText());
            assertEquals(0, got.exit(), got.stderr());
            assertTrue(got.stdout().length() > 100);
        }
    }

    @Test
    void compressReadsStdinAndWritesToAFile() throws Exception {
        Path out = home.resolve("out.json");
        byte[] in = Files.readAllBytes(example());
        Cli.Run run = Cli.run(env(), in, "compress", "-", "-o", out.toString());
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(Files.size(out) > 0);
        assertEquals("", run.stdout());
    }

    @Test
    void nothingToCompressIsStillSuccessAndByteIdentical() throws Exception {
        byte[] in = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8);
        Cli.Run run = Cli.run(env(), in, "compress");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals(new String(in, StandardCharsets.UTF_8), run.stdout());
    }

    @Test
    void unreadableInputExitsTwoWithOneLineReason() throws Exception {
        Cli.Run missing = Cli.run(env(), null, "compress", home.resolve("nope.json").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.stderr().contains("no such file"), missing.stderr());
        assertEquals(1, missing.stderr().trim().lines().count());

        Cli.Run garbage = Cli.run(env(), "this is not json".getBytes(StandardCharsets.UTF_8), "compress");
        assertEquals(2, garbage.exit());
        assertTrue(garbage.stderr().contains("not a JSON"), garbage.stderr());

        Cli.Run badFormat = Cli.run(env(), null, "compress", "--format", "gemini", example().toString());
        assertEquals(2, badFormat.exit());
    }

    @Test
    void retrieveOfAnUnknownHashExitsOne() throws Exception {
        Cli.Run run = Cli.run(env(), null, "retrieve", "0123456789abcdef01234567");
        assertEquals(1, run.exit());
        assertTrue(run.stderr().contains("0123456789abcdef01234567"), run.stderr());
        Cli.Run bad = Cli.run(env(), null, "retrieve", "not-a-hash");
        assertEquals(1, bad.exit());
    }

    @Test
    void losslessFlagLeavesNoMarkers() throws Exception {
        Cli.Run run = Cli.run(env(), null, "compress", "--lossless", "--stats", example().toString());
        assertEquals(0, run.exit(), run.stderr());
        assertEquals(0, JSON.readTree(run.stderr().trim()).get("ccr_hashes").size());
        assertTrue(!run.stdout().contains("headroom_retrieve"));
    }
}
