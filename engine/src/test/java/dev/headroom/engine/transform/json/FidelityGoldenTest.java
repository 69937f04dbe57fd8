package dev.headroom.engine.transform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.ccr.Markers;
import dev.headroom.engine.support.Corpus;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference's fidelity golden cases ({@code ../shared/corpus/.../fidelity_golden/cases.json}, skipped
 * when absent): each case is a JSON array, a question and the evidence strings (answer evidence and
 * supporting facts) an answer needs. We compress each case in balanced mode with the question as the
 * query, then measure recall the way the reference's baseline does (mean over cases of the share of
 * evidence found): <em>verbatim</em> (in the output) and <em>verbatim or retrievable</em> (or in the
 * original, behind a marker naming the original's hash). The reference's own recall is 0.9167.
 *
 * <p>Two budgets: the engine's default (6,000 characters; these cases are small, so it compresses them
 * losslessly), and one matched to the reference's per-case item cap ({@code max_items_after_crush} of n
 * rows, as a share of our lossless size), which forces row selection.
 */
class FidelityGoldenTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void evidenceIsAlwaysVerbatimOrRetrievable() throws IOException {
        Path shared = Corpus.sharedCorpus();
        assumeTrue(shared != null, "../shared/corpus is absent");
        Path cases = shared.resolve("tests/fixtures/fidelity_golden/cases.json");
        assumeTrue(Files.exists(cases), "no fidelity golden cases");
        JsonNode all = MAPPER.readTree(cases.toFile());
        assertFalse(all.isEmpty());
        for (String budget : List.of("default", "reference-cap")) {
            double verbatimSum = 0;
            double retrievableSum = 0;
            int totalChars = 0;
            int outChars = 0;
            for (JsonNode c : all) {
                String content = MAPPER.writeValueAsString(c.get("content"));
                String hash = ContentHash.of(content);
                int maxChars = 6000;
                if (budget.equals("reference-cap")) {
                    String lossless = new JsonCompressor().compress(content,
                            TransformContext.of(hash).withLossless(true)).text();
                    int cap = c.path("compress").path("max_items_after_crush").asInt(10);
                    maxChars = lossless.length() * cap / c.get("content").size();
                }
                TransformContext ctx = new TransformContext(CompressionMode.BALANCED, false,
                        c.get("question").asText(), hash, "", maxChars);
                TransformResult r = new JsonCompressor().compress(content, ctx);
                String out = r == null ? content : r.text();
                boolean retrievable = Markers.hashes(out).contains(hash);
                List<String> evidence = new ArrayList<>();
                c.get("answer_evidence").forEach(e -> evidence.add(e.asText()));
                c.get("supporting_facts").forEach(e -> evidence.add(e.asText()));
                int verbatim = 0;
                int found = 0;
                List<String> missing = new ArrayList<>();
                for (String e : evidence) {
                    if (out.contains(e)) {
                        verbatim++;
                        found++;
                    } else if (retrievable && content.contains(e)) {
                        found++;
                        missing.add(e);
                    } else {
                        missing.add(e + " (LOST)");
                    }
                }
                verbatimSum += (double) verbatim / evidence.size();
                retrievableSum += (double) found / evidence.size();
                totalChars += content.length();
                outChars += out.length();
                System.out.printf("fidelity %-14s %-18s chars %5d -> %5d  verbatim %d/%d  retrievable %d/%d  not verbatim: %s%n",
                        budget, c.get("id").asText(), content.length(), out.length(), verbatim, evidence.size(),
                        found, evidence.size(), missing);
                assertEquals(evidence.size(), found, c.get("id").asText() + " lost evidence: " + missing);
            }
            double verbatimRecall = verbatimSum / all.size();
            double retrievableRecall = retrievableSum / all.size();
            System.out.printf("fidelity %-14s verbatim recall %.4f, verbatim-or-retrievable recall %.4f, chars %d -> %d"
                    + " (reference recall 0.9167)%n", budget, verbatimRecall, retrievableRecall, totalChars, outChars);
            assertEquals(1.0, retrievableRecall, 1e-9);
        }
    }
}
