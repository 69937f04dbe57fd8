package dev.headroom.engine.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.support.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCountingTest {

    @Test
    void countersArePickedByModel() {
        assertEquals("o200k_base", TokenCounters.forModel("gpt-5", false).label());
        assertEquals("o200k_base", TokenCounters.forModel("gpt-4o-mini", false).label());
        assertEquals("cl100k_base", TokenCounters.forModel("gpt-4-turbo", false).label());
        assertEquals("cl100k_base", TokenCounters.forModel("gpt-3.5-turbo", false).label());
        TokenCounter claude = TokenCounters.forModel("claude-sonnet-4-5", true);
        assertTrue(claude.estimate(), "Claude counts are labelled as estimates");
        assertTrue(claude.label().startsWith("claude-estimate"));
        assertTrue(TokenCounters.forModel("", true).estimate());
    }

    /** The reference's tokenizer parity fixtures (tiktoken counts): jtokkit must agree exactly. */
    @Test
    void jtokkitMatchesTheReferenceTiktokenCounts() throws Exception {
        Path shared = Corpus.sharedCorpus();
        Assumptions.assumeTrue(shared != null, "../shared/corpus is absent");
        Path dir = shared.resolve("tests/parity/fixtures/tokenizer");
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int checked = 0;
        int agreed = 0;
        for (Path f : files) {
            JsonNode d = json.readTree(f.toFile());
            String encoding = d.path("config").path("encoding").asText("cl100k_base");
            String model = d.path("config").path("model").asText("");
            TokenCounter counter = model.isEmpty()
                    ? (encoding.startsWith("o200k") ? JtokkitCounter.o200k() : JtokkitCounter.cl100k())
                    : TokenCounters.forModel(model, false);
            if (counter.estimate()) {
                continue;
            }
            checked++;
            if (counter.count(d.get("input").asText()) == d.get("output").asInt()) {
                agreed++;
            }
        }
        System.out.printf("tokenizer parity: %d/%d fixtures agree exactly%n", agreed, checked);
        assertTrue(checked > 0);
        assertTrue(agreed >= checked * 0.9, agreed + "/" + checked);
    }

    /** The fast estimate only ranks a unit against its compressed form; it must stay near the real count. */
    @Test
    void theFastEstimateTracksRealCountsOnToolOutput() {
        JtokkitCounter real = JtokkitCounter.o200k();
        StringBuilder json = new StringBuilder("[");
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            json.append("{\"id\":").append(1000 + i).append(",\"name\":\"customer-").append(i)
                    .append("\",\"status\":\"active\",\"email\":\"c").append(i).append("@example.com\"},");
            log.append("2026-11-20T10:00:").append(i % 60).append("Z INFO  [exec-").append(i % 8)
                    .append("] c.e.OrderController - GET /api/orders/").append(5000 + i).append(" 200 12ms\n");
        }
        for (String text : List.of(json.toString(), log.toString(), "The quick brown fox jumps over the lazy dog. ".repeat(100))) {
            double ratio = (double) TokenEstimator.estimate(text) / real.count(text);
            System.out.printf("estimate/real = %.2f%n", ratio);
            assertTrue(ratio > 0.6 && ratio < 1.6, "estimate within 40% of the real count: " + ratio);
        }
    }

    /** Every character class advances the scan: control characters once hung it (a proxy request with them). */
    @Test
    void theEstimateTerminatesOnEveryCharacter() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 512; c++) {
            all.append(c);
        }
        all.append("\uD83D\uDE00 \u0001\u0002\u001f\u007f end");
        assertTrue(TokenEstimator.estimate(all) > 0);
        assertEquals(3, TokenEstimator.estimate("a\u0001b"));
    }
}
