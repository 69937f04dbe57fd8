package dev.headroom.engine.transform.log;

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
import dev.headroom.engine.transform.text.DuplicateLines;
import dev.headroom.engine.transform.text.Invariants;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.TextNormalizer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogCompressorTest {

    private final LogCompressor compressor = new LogCompressor();

    private static TransformContext balanced(String text) {
        return TransformContext.of(ContentHash.of(text));
    }

    private static TransformContext lossless(String text) {
        return new TransformContext(CompressionMode.LOSSLESS, true, "", ContentHash.of(text), "", 4000);
    }

    @Test
    void losslessFoldsIdenticalRunsAndDecodesBack() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            sb.append("\u001b[32mINFO\u001b[0m waiting for lock on /var/lib/app/state.db   \r\n");
        }
        sb.append("ERROR gave up after 400 attempts\n");
        String text = sb.toString();
        TransformResult r = compressor.compress(text, lossless(text));
        assertNotNull(r);
        assertFalse(r.lossy());
        assertEquals("INFO waiting for lock on /var/lib/app/state.db [x400]\nERROR gave up after 400 attempts\n", r.text());
        assertEquals(TextNormalizer.normalize(text), DuplicateLines.unfoldText(r.text()));
    }

    @Test
    void mavenTransferPairsFoldLosslessly() {
        List<String> lines = List.of("[INFO] Downloading from central: https://repo/a.pom",
                "[INFO] Downloaded from central: https://repo/a.pom (2 kB at 1.0 MB/s)",
                "[INFO] Downloading from central: https://repo/missing.jar",
                "[WARNING] could not transfer https://repo/missing.jar",
                "Uploading to nexus: https://nexus/b.jar", "Uploaded to nexus: https://nexus/b.jar (9 kB at 3 MB/s)");
        List<String> folded = MavenTransfers.fold(lines);
        assertEquals(List.of("[INFO] Downloaded from central: https://repo/a.pom (2 kB at 1.0 MB/s)",
                "[INFO] Downloading from central: https://repo/missing.jar", "[WARNING] could not transfer https://repo/missing.jar",
                "Uploaded to nexus: https://nexus/b.jar (9 kB at 3 MB/s)"), folded);
        assertEquals(lines, MavenTransfers.unfold(folded));
        List<String> orphan = List.of("[INFO] Downloaded from central: https://repo/c.pom (1 kB at 1 MB/s)");
        assertTrue(MavenTransfers.fold(orphan) == orphan, "a completion without its start blocks folding");
    }

    @Test
    void failingMavenBuildShrinksLosslessly() {
        String text = LogGenerators.mavenBuild(2000, 7);
        TransformResult r = compressor.compress(text, lossless(text));
        assertFalse(r.lossy());
        assertTrue(r.transform().contains("log.transfers"), r.transform());
        assertEquals(TextNormalizer.normalize(text), LosslessLogs.decode(r));
        report("maven build 2000 lines, lossless", text, r.text());
    }

    @Test
    void templateOfALineWithAnUnclosedQuoteEnds() {
        // an apostrophe never closed used to stop the template scan from moving on (an endless loop)
        assertEquals("npm warn deprecated abab@N.N.N: Use your platform's native atob()",
                LogTemplate.of("npm warn deprecated abab@2.0.6: Use your platform's native atob()"));
        assertEquals("say Q and \"open", LogTemplate.of("say 'hi' and \"open"));
    }

    @Test
    void shortCleanLogIsLeftAlone() {
        String text = "INFO starting\nERROR database connection failed\nINFO shutting down\n";
        assertNull(compressor.compress(text, balanced(text)));
    }

    @Test
    void mavenBuildKeepsTheFailingTestAndItsAssertion() {
        String text = LogGenerators.mavenBuild(2000, 7);
        assertEquals(ContentType.LOG, ContentDetector.detect(text));
        TransformContext ctx = balanced(text);
        TransformResult r = compressor.compress(text, ctx);
        assertNotNull(r);
        assertTrue(r.lossy());
        String out = r.text();
        assertTrue(out.contains(".refundsPartialPayment -- Time elapsed: 0.031 s <<< FAILURE!"));
        assertTrue(out.contains("org.opentest4j.AssertionFailedError: expected: <42.50> but was: <40.00>"));
        assertTrue(out.contains("Test.refundsPartialPayment:88 expected: <42.50> but was: <40.00>"));
        assertTrue(out.contains("[INFO] BUILD FAILURE"));
        assertTrue(out.contains("\tat com.acme.orders.Service"));
        assertEveryErrorLineKept(text, out);
        assertInvariants(text, out, ctx);
        report("maven build 2000 lines", text, out);
    }

    @Test
    void applicationLogKeepsTheBuriedExceptionAndItsCause() {
        String text = LogGenerators.applicationLog(3000, 11);
        assertEquals(ContentType.LOG, ContentDetector.detect(text));
        TransformContext ctx = balanced(text);
        TransformResult r = compressor.compress(text, ctx);
        assertNotNull(r);
        String out = r.text();
        assertTrue(out.contains("java.lang.IllegalStateException: inventory reservation expired for sku=AB-1234"));
        assertTrue(out.contains("\tat com.acme.orders.inventory.Reservations.confirm(Reservations.java:77)"));
        assertTrue(out.contains("Caused by: java.sql.SQLTransientConnectionException"));
        assertTrue(out.contains("... 52 common frames omitted"));
        assertTrue(out.contains("slow query took"), "one warning per template");
        assertEveryErrorLineKept(text, out);
        assertInvariants(text, out, ctx);
        report("application log 3000 lines", text, out);
    }

    @Test
    void queryTermsPullMatchingLinesIn() {
        String text = LogGenerators.applicationLog(1500, 3).replace("GET /api/invoices 200 17ms", "GET /api/invoices 200 17ms tenant=zebracorp");
        Assumptions.assumeTrue(text.contains("zebracorp"));
        TransformContext ctx = balanced(text).withQuery("why is zebracorp slow?");
        TransformResult r = compressor.compress(text, ctx);
        assertTrue(r.text().contains("tenant=zebracorp"));
        assertFalse(compressor.compress(text, balanced(text)).text().contains("tenant=zebracorp"));
    }

    @Test
    void pytestFailureKeepsTheAssertionDetail() {
        StringBuilder sb = new StringBuilder("============================= test session starts ==============================\n");
        sb.append("platform linux -- Python 3.12.3, pytest-8.2.0\ncollected 300 items\n\n");
        for (int i = 0; i < 300; i++) {
            sb.append("tests/test_module_").append(i / 10).append(".py::test_case_").append(i).append(i == 150 ? " FAILED" : " PASSED")
                    .append(" [").append(i / 3).append("%]\n");
        }
        sb.append("\n=================================== FAILURES ===================================\n")
                .append("___________________________ test_refund_partial ____________________________\n\n")
                .append("    def test_refund_partial():\n>       assert refund(10) == 4.25\nE       assert 4.0 == 4.25\n")
                .append("E        +  where 4.0 = refund(10)\n\ntests/test_module_15.py:12: AssertionError\n")
                .append("=========================== short test summary info ============================\n")
                .append("FAILED tests/test_module_15.py::test_case_150 - assert 4.0 == 4.25\n")
                .append("======================== 1 failed, 299 passed in 3.21s =========================\n");
        String text = sb.toString();
        assertEquals(ContentType.LOG, ContentDetector.detect(text));
        TransformContext ctx = balanced(text);
        String out = compressor.compress(text, ctx).text();
        for (String needle : List.of("tests/test_module_15.py::test_case_150 FAILED", "E       assert 4.0 == 4.25",
                ">       assert refund(10) == 4.25", "tests/test_module_15.py:12: AssertionError", "test_refund_partial",
                "FAILED tests/test_module_15.py::test_case_150 - assert 4.0 == 4.25", "1 failed, 299 passed in 3.21s")) {
            assertTrue(out.contains(needle), "lost: " + needle);
        }
        assertInvariants(text, out, ctx);
        report("pytest 300 tests", text, out);
    }

    @Test
    void goPanicAndPythonTracebackKeepTheirFrames() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            sb.append("2026/11/26 10:00:").append(String.format("%02d", i % 60)).append(" worker ").append(i % 7)
                    .append(" processed batch ").append(i).append(" of 1000 records\n");
        }
        sb.append("panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\n")
                .append("main.process(...)\n\t/app/main.go:12 +0x1d\nmain.main()\n\t/app/main.go:20 +0x25\nexit status 2\n");
        for (int i = 0; i < 200; i++) {
            sb.append("INFO retrying batch ").append(i).append('\n');
        }
        sb.append("Traceback (most recent call last):\n  File \"/app/run.py\", line 88, in <module>\n    main()\n")
                .append("  File \"/app/run.py\", line 40, in main\n    load(cfg[\"path\"])\nKeyError: 'path'\n");
        String text = sb.toString();
        TransformContext ctx = balanced(text);
        String out = compressor.compress(text, ctx).text();
        for (String needle : List.of("panic: runtime error: index out of range [5] with length 3", "goroutine 1 [running]:",
                "\t/app/main.go:12 +0x1d", "Traceback (most recent call last):", "  File \"/app/run.py\", line 40, in main",
                "KeyError: 'path'")) {
            assertTrue(out.contains(needle), "lost: " + needle);
        }
        assertInvariants(text, out, ctx);
    }

    @Test
    void deterministic() {
        String text = LogGenerators.mavenBuild(1500, 5);
        assertEquals(compressor.compress(text, balanced(text)), compressor.compress(text, balanced(text)));
    }

    @Test
    void referenceParityFixtures() throws IOException {
        Path shared = Corpus.sharedCorpus();
        Assumptions.assumeTrue(shared != null, "../shared corpus absent");
        Path dir = shared.resolve("tests/parity/fixtures/log_compressor");
        Assumptions.assumeTrue(Files.isDirectory(dir));
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        long inSum = 0;
        long oursSum = 0;
        long refSum = 0;
        for (Path f : files) {
            JsonNode n = mapper.readTree(f.toFile());
            String input = n.get("input").asText();
            String reference = n.get("output").get("compressed").asText();
            // a tighter budget than the default so the selection runs on these small fixtures too
            TransformContext ctx = new TransformContext(CompressionMode.BALANCED, false, "", ContentHash.of(input), "", 1000);
            TransformResult r = compressor.compress(input, ctx);
            String out = r == null ? input : r.text();
            Invariants.assertNoInflation(input, out);
            if (r != null && !r.lossy()) {
                assertEquals(TextNormalizer.normalize(input), LosslessLogs.decode(r), "the lossless form decodes back");
            } else {
                assertEveryErrorLineKept(input, out);
                assertInvariants(input, out, ctx);
            }
            inSum += input.length();
            oursSum += out.length();
            refSum += reference.length();
            System.out.printf("log parity %s: %d chars -> ours %d (%.2f), reference %d (%.2f)%n", f.getFileName(),
                    input.length(), out.length(), out.length() / (double) input.length(), reference.length(),
                    reference.length() / (double) input.length());
        }
        System.out.printf("log parity total: %d chars -> ours %.3f, reference %.3f%n", inSum, oursSum / (double) inSum,
                refSum / (double) inSum);
    }

    static void assertEveryErrorLineKept(String text, String out) {
        for (String line : TextNormalizer.normalizeLines(Lines.of(text).lines())) {
            if (LogLines.level(line) == LogLines.Level.ERROR) {
                assertTrue(out.contains(line), "error line lost: " + line);
            }
        }
    }

    static void assertInvariants(String text, String out, TransformContext ctx) {
        Invariants.assertNoInflation(text, out);
        Invariants.assertMarkersNameHash(out, ctx.originalHash());
        Invariants.assertAligns(TextNormalizer.normalizeLines(Lines.of(text).lines()), out, "lines");
    }

    static void report(String name, String in, String out) {
        System.out.printf("%s: %d -> %d chars (%.3f), ~%d -> ~%d tokens (estimate)%n", name, in.length(), out.length(),
                out.length() / (double) in.length(), TokenEstimator.estimate(in), TokenEstimator.estimate(out));
    }
}
