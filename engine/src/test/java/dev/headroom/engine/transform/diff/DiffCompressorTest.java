package dev.headroom.engine.transform.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.support.Corpus;
import dev.headroom.engine.tokens.TokenEstimator;
import dev.headroom.engine.transform.ContentDetector;
import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Invariants;
import dev.headroom.engine.transform.text.Lines;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffCompressorTest {

    private final DiffCompressor compressor = new DiffCompressor();

    private static TransformContext budget(String text, int chars) {
        return new TransformContext(CompressionMode.BALANCED, false, "", ContentHash.of(text), "", chars);
    }

    @Test
    void parserGivesBackEveryLine() {
        String text = DiffGenerators.gitDiff(5, 3, 1);
        List<String> lines = Lines.of(text).lines();
        List<String> again = new ArrayList<>();
        int hunks = 0;
        for (DiffParser.Block b : DiffParser.parse(lines)) {
            again.addAll(b.lines());
            hunks += b.kind() == DiffParser.Kind.HUNK ? 1 : 0;
        }
        assertEquals(lines, again);
        assertEquals(5 * 3 + 2, hunks);
    }

    @Test
    void losslessStripsColoursAndShortensHeadersOnly() {
        String plain = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a  \n+b\r\n \n";
        TransformContext lossless = budget(plain, 10).withLossless(true);
        TransformResult headers = compressor.compress(plain, lossless);
        assertEquals("diff.headers", headers.transform());
        assertEquals("diff --git x\n@@ -1,2 +1,2 @@\n-a  \n+b\r\n \n", headers.text(), "trailing spaces, CR and blank context are content");
        assertEquals(plain, Lines.join(DiffHeaders.unfold(Lines.of(headers.text()).lines()), true));
        String noPrefix = "diff --git x x\n--- x\n+++ x\n@@ -1 +1 @@\n-a\n+b\n";
        assertNull(compressor.compress(noPrefix, lossless), "a header git did not write with a/ and b/ stays");
        String coloured = "\u001b[1mdiff --git a/x b/x\u001b[m\n--- a/x\n+++ b/x\n\u001b[36m@@ -1 +1 @@\u001b[m\n\u001b[31m-a\u001b[m\n\u001b[32m+b\u001b[m\n";
        TransformResult r = compressor.compress(coloured, lossless);
        assertFalse(r.lossy());
        assertEquals("diff.ansi+diff.headers", r.transform());
        assertEquals("diff --git x\n@@ -1 +1 @@\n-a\n+b\n", r.text());
    }

    @Test
    void balancedTrimsContextAndKeepsEveryChangedLine() {
        String text = DiffGenerators.gitDiff(8, 4, 2);
        assertEquals(ContentType.DIFF, ContentDetector.detect(text));
        TransformContext ctx = budget(text, 10_000);
        TransformResult r = compressor.compress(text, ctx);
        assertTrue(r.lossy());
        assertEquals("diff.context", r.transform());
        String out = r.text();
        assertKeepsStructure(text, out);
        long context = text.lines().filter(l -> l.startsWith(" ")).count();
        long keptContext = out.lines().filter(l -> l.startsWith(" ")).count();
        assertEquals(context - keptContext, Invariants.omitted(out, "context lines"), "marker counts are exact");
        assertAligns(text, out);
        print("git diff 8 files x 4 hunks", text, out);
    }

    @Test
    void hugeDiffsDropWholeHunksWithCounts() {
        String text = DiffGenerators.gitDiff(6, 12, 3);
        TransformContext ctx = budget(text, 2000);
        TransformResult r = compressor.compress(text, ctx);
        assertEquals("diff.context+diff.hunks", r.transform());
        String out = r.text();
        long hunks = text.lines().filter(DiffParser::isHunkHeader).count();
        long keptHunks = out.lines().filter(DiffParser::isHunkHeader).count();
        assertEquals(hunks - keptHunks, Invariants.omitted(out, "hunks"));
        for (Invariants.Marker m : Invariants.markers(out)) {
            if (m.unit().equals("hunks")) {
                assertTrue(m.detail().startsWith("file lines "), "says where the hunks were: " + m.detail());
            }
        }
        assertEquals(6 * DiffSelection.MAX_HUNKS_PER_FILE + 2, keptHunks);
        String decoded = Lines.join(DiffHeaders.unfold(Lines.of(out).lines()), true);
        for (String l : text.lines().toList()) {
            if (l.startsWith("diff --git") || l.startsWith("--- ") || l.startsWith("+++ ")) {
                assertTrue(decoded.contains(l + "\n"), "file header kept: " + l);
            }
        }
        Invariants.assertNoInflation(text, out);
        Invariants.assertMarkersNameHash(out, ctx.originalHash());
        print("git diff 6 files x 12 hunks (huge)", text, out);
    }

    @Test
    void referenceParityFixtures() throws IOException {
        Path shared = Corpus.sharedCorpus();
        Assumptions.assumeTrue(shared != null, "../shared corpus absent");
        Path dir = shared.resolve("tests/parity/fixtures/diff_compressor");
        Assumptions.assumeTrue(Files.isDirectory(dir));
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        long in = 0;
        long ours = 0;
        long ref = 0;
        for (Path f : files) {
            JsonNode n = mapper.readTree(f.toFile());
            String input = n.get("input").asText();
            String reference = n.get("output").get("compressed").asText();
            TransformContext ctx = budget(input, 500); // small budget so the selection runs on these small inputs
            TransformResult r = compressor.compress(input, ctx);
            String out = r == null ? input : r.text();
            assertKeepsStructure(input, out);
            Invariants.assertMarkersNameHash(out, ctx.originalHash());
            assertAligns(input, out);
            in += input.length();
            ours += out.length();
            ref += reference.length();
            System.out.printf("diff parity %s: %d chars -> ours %d (%.2f), reference %d (%.2f)%n", f.getFileName(), input.length(),
                    out.length(), out.length() / (double) input.length(), reference.length(), reference.length() / (double) input.length());
        }
        System.out.printf("diff parity total: %d chars -> ours %.3f, reference %.3f%n", in, ours / (double) in, ref / (double) in);
    }

    /** No inflation; every header, hunk header and changed line is present verbatim (file headers once decoded). */
    static void assertKeepsStructure(String text, String out) {
        Invariants.assertNoInflation(text, out);
        List<String> outLines = DiffHeaders.unfold(Lines.of(out).lines());
        java.util.Set<String> present = new java.util.HashSet<>(outLines);
        for (String l : Lines.of(text).lines()) {
            boolean change = (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---");
            if (change || l.startsWith("diff ") || l.startsWith("@@") || l.startsWith("+++ ") || l.startsWith("--- ")) {
                assertTrue(present.contains(l), "lost: " + l);
            }
        }
    }

    /** Walks the output against the input: each kept line in order, each context marker skipping its exact count. */
    static void assertAligns(String text, String out) {
        List<String> original = Lines.of(text).lines();
        int p = 0;
        for (String l : DiffHeaders.unfold(Lines.of(out).lines())) {
            List<Invariants.Marker> m = Invariants.markers(l);
            if (!m.isEmpty() && l.startsWith("[headroom:") && m.get(0).unit().equals("context lines")) {
                p += (int) m.get(0).count();
                continue;
            }
            if (!m.isEmpty() && l.startsWith("[headroom:")) {
                return; // hunk markers: checked by count elsewhere
            }
            assertEquals(original.get(p), l, "line " + p);
            p++;
        }
        assertEquals(original.size(), p);
    }

    private static void print(String name, String in, String out) {
        System.out.printf("%s: %d -> %d chars (%.3f), ~%d -> ~%d tokens (estimate)%n", name, in.length(), out.length(),
                out.length() / (double) in.length(), TokenEstimator.estimate(in), TokenEstimator.estimate(out));
    }
}
