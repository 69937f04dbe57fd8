package dev.headroom.engine.transform.text;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.ContentDetector;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.diff.DiffCompressor;
import dev.headroom.engine.transform.diff.DiffHeaders;
import dev.headroom.engine.transform.git.BlameLines;
import dev.headroom.engine.transform.git.GitLogCompressor;
import dev.headroom.engine.transform.log.LogCompressor;
import dev.headroom.engine.transform.log.LogGenerators;
import dev.headroom.engine.transform.log.LosslessLogs;
import dev.headroom.engine.transform.log.MavenTransfers;
import dev.headroom.engine.transform.search.SearchCompressor;
import dev.headroom.engine.transform.search.SearchGrouping;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Odd and hostile input: every compressor returns, never inflates, is deterministic, and lossless results decode back. */
class RobustnessTest {

    private static final List<Compressor> ALL = List.of(new TextCompressor(), new LogCompressor(), new SearchCompressor(),
            new DiffCompressor(), new GitLogCompressor());

    private static final String[] POOL = {
        "src/a.java:12:class A {", "src/a.java-13-  int x;", "--", "", "   ", "\t\tat a.b.C.d(C.java:1)", "Caused by: x.Y: z",
        "Traceback (most recent call last):", "  File \"a.py\", line 3, in <module>", "ValueError: bad",
        "diff --git a/x b/x", "--- a/x", "+++ b/x", "@@ -1,3 +1,4 @@", "@@@ -1,2 -1,2 +1,3 @@@", "@@ -9999999999999 +1 @@",
        "+added", "-removed", " context", "\\ No newline at end of file", "[INFO] BUILD FAILURE", "[ERROR] boom",
        "2024-01-01T00:00:00Z WARN slow 123 ms", "line [x3]", "line [x3]", "x [x0]", "\u001b[31mred\u001b[0m", "\u001b[",
        "\u001b]8;;http://x\u001b\\link", "a\r", "\r", "{\"a\":1}", "[1,2]", "12:34:56 INFO", "C:\\x\\y.cs:3:z", "::::", "-1-",
        "a/b-1-", "a/b:1:", "commit 79318f6207c8fd7afa72da8567a301aa05b1b9c3", "Author: A <a@b>", "    - [ ] box", "    ## Heading",
        "diff --git x", "diff --git a/y b/y", "new file mode 100644", "test tests::a ... ok", "test tests::b ... ok",
        "test tests::c ... ok", "[INFO] Running com.acme.ATest", "[INFO] Tests run: 3, Failures: 0 -- in com.acme.ATest",
        "[next line x3, {} filled from the rows after it:]", "x {} y", "a b c", "a b d",
        "^0d01518 (Dana Whitfield 2026-11-20 09:12:00 +0000  1) package a;", "^0d01518 (Dana Whitfield 2026-11-20 09:12:00 +0000 12) ",
        "35e81185 (Sam Ortega 2026-11-26 10:30:00 +0000 100) x", "7) y", "[INFO] Downloading from central: https://r/x.pom", "[INFO] Downloaded from central: https://r/x.pom (2 kB at 1 MB/s)",
        "Uploading to nexus: https://n/y.jar", "Uploaded to nexus: https://n/y.jar (9 kB)", "-".repeat(3000), "x-1-".repeat(500), "'\"'\"".repeat(300), "=== 1 failed, 2 passed ===",
    };

    @Test
    void randomLineSoup() {
        Random r = new Random(2026);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(120);
            for (int i = 0; i < n; i++) {
                sb.append(POOL[r.nextInt(POOL.length)]);
                if (r.nextInt(20) != 0) {
                    sb.append(r.nextBoolean() ? "\n" : "\r\n");
                }
            }
            String text = sb.toString();
            ContentDetector.detect(text);
            for (Compressor c : ALL) {
                for (boolean lossless : new boolean[] {true, false}) {
                    TransformContext ctx = new TransformContext(lossless ? CompressionMode.LOSSLESS : CompressionMode.BALANCED,
                            lossless, r.nextBoolean() ? "why did x fail" : "", ContentHash.of(text), "", 1 + r.nextInt(3000));
                    TransformResult a = c.compress(text, ctx);
                    TransformResult b = c.compress(text, ctx);
                    assertEquals(a, b, c.name() + " is not deterministic");
                    if (a != null) {
                        assertTrue(a.text().length() <= text.length(), c.name() + " inflated: " + text);
                        if (lossless) {
                            assertFalse(a.lossy(), c.name() + " went lossy in lossless mode");
                            assertEquals(expectedDecoding(c, text), decode(c, a), c.name() + " does not decode");
                        }
                    }
                }
            }
        }
    }

    /** What a lossless result must decode to: the normalized input (the input itself for diffs, minus colours). */
    private static String expectedDecoding(Compressor c, String text) {
        return c instanceof DiffCompressor || c instanceof GitLogCompressor ? TextNormalizer.stripAnsi(text) : TextNormalizer.normalize(text);
    }

    /** Decodes a lossless result; folds are only expanded when the transform says it folded. */
    private static String decode(Compressor c, TransformResult r) {
        String out = r.text();
        if (r.transform().equals("search.group")) {
            Lines lines = Lines.of(out);
            return Lines.join(SearchGrouping.decode(lines.lines()), lines.trailingNewline());
        }
        if (r.transform().startsWith("log.")) {
            return LosslessLogs.decode(r);
        }
        String decoded = r.transform().contains("fold") ? DuplicateLines.unfoldText(out) : out;
        if (r.transform().contains("git.blame")) {
            Lines lines = Lines.of(decoded);
            decoded = Lines.join(BlameLines.unfold(lines.lines()), lines.trailingNewline());
        }
        if (r.transform().contains("diff.headers")) {
            Lines lines = Lines.of(decoded);
            decoded = Lines.join(DiffHeaders.unfold(lines.lines()), lines.trailingNewline());
        }
        if (r.transform().contains("log.transfers")) {
            Lines lines = Lines.of(decoded);
            decoded = Lines.join(MavenTransfers.unfold(lines.lines()), lines.trailingNewline());
        }
        return decoded;
    }

    /** Prints the median time per input size for each generator at two sizes: the cost should grow linearly. */
    @Test
    void costGrowsLinearly() {
        record Case(String name, Compressor compressor, java.util.function.IntFunction<String> make, int small) {
        }
        List<Case> cases = List.of(
                new Case("log (maven)", new LogCompressor(), n -> LogGenerators.mavenBuild(n, 1), 5_000),
                new Case("log (service)", new LogCompressor(), n -> LogGenerators.applicationLog(n, 1), 5_000),
                new Case("search (grep)", new SearchCompressor(), n -> dev.headroom.engine.transform.search.SearchGenerators.grep(n, 1, true), 200),
                new Case("diff", new DiffCompressor(), n -> dev.headroom.engine.transform.diff.DiffGenerators.gitDiff(n, 6, 1), 40));
        for (Case c : cases) {
            StringBuilder line = new StringBuilder(c.name());
            for (int scale : new int[] {1, 4}) {
                String text = c.make().apply(c.small() * scale);
                TransformContext ctx = TransformContext.of(ContentHash.of(text));
                long[] runs = new long[7];
                for (int k = 0; k < runs.length; k++) {
                    long start = System.nanoTime();
                    ContentDetector.detect(text);
                    c.compressor().compress(text, ctx);
                    runs[k] = System.nanoTime() - start;
                }
                java.util.Arrays.sort(runs);
                line.append(String.format(" | %,d chars: median %.2f ms (%.1f ms/MB)", text.length(), runs[3] / 1e6,
                        runs[3] / 1e6 / (text.length() / 1e6)));
            }
            System.out.println(line);
        }
    }

    @Test
    void bigInputsFinish() {
        String log = LogGenerators.applicationLog(60_000, 1);
        String oneLongLine = "x-1-".repeat(250_000) + "\n" + "ab12".repeat(250_000);
        for (String text : List.of(log, oneLongLine)) {
            TransformContext ctx = TransformContext.of(ContentHash.of(text));
            long start = System.nanoTime();
            ContentDetector.detect(text);
            for (Compressor c : ALL) {
                c.compress(text, ctx);
            }
            System.out.printf("%d chars through detect + 4 compressors: %.1f ms%n", text.length(), (System.nanoTime() - start) / 1e6);
        }
    }
}
