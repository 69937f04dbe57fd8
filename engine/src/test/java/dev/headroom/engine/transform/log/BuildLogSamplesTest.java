package dev.headroom.engine.transform.log;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.support.Samples;
import dev.headroom.engine.tokens.JtokkitCounter;
import dev.headroom.engine.transform.ContentDetector;
import dev.headroom.engine.transform.ContentRouter;
import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Invariants;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Build and test logs of each tool, real or in the tool's exact format (see {@code samples/README.md}): they are
 * detected as logs; a balanced selection keeps each tool's failures, assertion details, stack heads and summary,
 * with markers whose counts add up exactly; the output of a failing command keeps every protected line verbatim.
 */
class BuildLogSamplesTest {

    /** Each sample and facts a reader of it needs (after ANSI colours are stripped). */
    static final Map<String, List<String>> NEEDLES = Map.ofEntries(
            Map.entry("maven-test-failure.txt", List.of("expected: <90.00> but was: <135.00>",
                    "[ERROR]   OrderServiceTest.shouldApplyLoyaltyDiscountForGoldCustomers:11",
                    "java.lang.NullPointerException: Cannot invoke \"Object.toString()\" because \"o\" is null",
                    "[INFO] BUILD FAILURE", "[ERROR] Tests run: 47, Failures: 1, Errors: 1, Skipped: 0",
                    "\tat com.acme.orders.OrderServiceTest.shouldApplyLoyaltyDiscountForGoldCustomers(OrderServiceTest.java:11)")),
            Map.entry("maven-compile-error.txt", List.of("DiscountPolicy.java:[14,62] cannot find symbol",
                    "  symbol:   variable missingFee", "[INFO] BUILD FAILURE", "[ERROR] COMPILATION ERROR :")),
            Map.entry("maven-success.txt", List.of("[INFO] BUILD SUCCESS", "[INFO] Tests run: 47, Failures: 0, Errors: 0, Skipped: 0")),
            Map.entry("gradle-test-failure.txt", List.of("PaymentServiceTest > refundsPartialPayment() FAILED",
                    "    org.opentest4j.AssertionFailedError: expected: <42.50> but was: <40.00>",
                    "        java.net.SocketTimeoutException: Read timed out", "Execution failed for task ':payments:test'.",
                    "BUILD FAILED in 38s", "48 tests completed, 2 failed, 1 skipped", "41 actionable tasks: 33 executed, 8 up-to-date",
                    "> Task :payments:test FAILED")),
            Map.entry("jest-failure.txt", List.of("  ● Cart › applies the gold discount", "    Expected: 90", "    Received: 100",
                    "    > 34 |     expect(cart.total()).toBe(90);", "      at Object.toBe (src/cart/Cart.test.js:34:26)",
                    "Tests:       1 failed, 40 passed, 41 total", "FAIL src/cart/Cart.test.js", "    ✕ applies the gold discount")),
            Map.entry("jest-failure-ansi.txt", List.of("  ● Cart › applies the gold discount", "    Expected: 90", "    Received: 100",
                    "Tests:       1 failed, 40 passed, 41 total", "    ✕ applies the gold discount")),
            Map.entry("npm-ci-and-jest-failure.txt", List.of("npm error Lifecycle script `test` failed with error:",
                    "added 512 packages, and audited 513 packages in 14s", "  ● Cart › applies the gold discount", "    Received: 100")),
            Map.entry("pytest-failure.txt", List.of("E       assert 4.0 == 4.25", ">       assert refund(total) == 4.25",
                    "FAILED tests/test_mod04.py::test_refund_partial - assert 4.0 == 4.25",
                    "E       AttributeError: 'NoneType' object has no attribute 'strip'", "E       Failed: DID NOT RAISE <class 'ValueError'>",
                    "3 failed, 164 passed, 1 skipped in 1.23s")),
            Map.entry("pytest-verbose-failure.txt", List.of("tests/test_mod04.py::test_refund_partial FAILED",
                    "E       assert 4.0 == 4.25", "FAILED tests/test_mod10.py::test_parse_price_none - AttributeError: 'NoneType...",
                    "3 failed, 164 passed, 1 skipped")),
            Map.entry("cargo-test-failure.txt", List.of("test tests::parses_cents ... FAILED",
                    "thread 'tests::parses_cents' (17041) panicked at src/lib.rs:31:9:", "  left: None", " right: Some(1250)",
                    "index out of bounds: the len is 3 but the index is 5", "test result: FAILED. 32 passed; 2 failed;",
                    "warning: unused variable: `unused`", "error: test failed, to rerun pass `--lib`")),
            Map.entry("cargo-test-failure-ansi.txt", List.of("test tests::parses_cents ... FAILED", "  left: None", " right: Some(1250)",
                    "test result: FAILED. 32 passed; 2 failed;")),
            Map.entry("go-test-verbose-failure.txt", List.of("    price_test.go:27: ParsePrice(\"12.50\") = 12, want 1250",
                    "--- FAIL: TestParsePrice (0.00s)", "    --- FAIL: TestParsePrice/cents (0.00s)", "FAIL\texample.com/shop/pricing\t0.004s")),
            Map.entry("go-test-failure.txt", List.of("panic: runtime error: index out of range [5] with length 3 [recovered]",
                    "\t/home/dev/shop/shipping/zones.go:41", "        price_test.go:27: ParsePrice(\"12.50\") = 12, want 1250",
                    "FAIL\texample.com/shop/shipping\t0.006s")));

    static Stream<String> samples() {
        return NEEDLES.keySet().stream().sorted();
    }

    private static TransformContext context(String text, int budget, boolean errorOutput) {
        return new TransformContext(CompressionMode.BALANCED, false, "", ContentHash.of(text), "Bash", budget, null, errorOutput);
    }

    private static List<String> normalizedLines(String text) {
        return TextNormalizer.normalizeLines(Lines.of(text).lines());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void detectedAsLogs(String name) {
        assertEquals(ContentType.LOG, ContentDetector.detect(Samples.read("build/" + name)), name);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void balancedKeepsFailuresAssertionsAndSummariesWithExactMarkers(String name) {
        String text = Samples.read("build/" + name);
        for (int budget : new int[] {800, 2000}) {
            TransformContext ctx = context(text, budget, false);
            TransformResult r = new LogCompressor().compress(text, ctx);
            String out = r == null ? text : r.text();
            for (String needle : NEEDLES.get(name)) {
                assertTrue(TextNormalizer.stripAnsi(out).contains(needle), name + " at " + budget + " lost: " + needle);
            }
            if (r != null && r.lossy()) {
                Invariants.assertNoInflation(text, out);
                Invariants.assertMarkersNameHash(out, ctx.originalHash());
                Invariants.assertAligns(normalizedLines(text), out, "lines");
                for (Invariants.Marker m : Invariants.markers(out)) {
                    assertNotNull(m.detail(), "every gap says what it held: " + m);
                    assertTrue(m.detail().startsWith("line"), m.detail());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void errorOutputKeepsEveryErrorWarningStackAndSummaryLineVerbatim(String name) {
        String text = Samples.read("build/" + name);
        // under the budget the lossless form (with its templates) goes out: protected lines are never template rows
        TransformResult underBudget = new LogCompressor().compress(text, context(text, 100_000, true));
        assertProtectedLinesKept(name, text, underBudget == null ? text : underBudget.text());
        TransformContext ctx = context(text, 800, true);
        TransformResult r = new LogCompressor().compress(text, ctx);
        String out = r == null ? text : r.text();
        assertProtectedLinesKept(name, text, out);
        if (r != null && r.lossy()) {
            assertEquals("log.select-around-errors", r.transform());
            Invariants.assertAligns(normalizedLines(text), out, "lines");
        }
    }

    /**
     * Every protected line is a line of the output, verbatim once its in-line aliases (repeated path prefixes,
     * shortened timestamps: both keep the line a line and decode exactly) are read back; never a template row.
     */
    private static void assertProtectedLinesKept(String name, String text, String out) {
        List<String> lines = normalizedLines(text);
        Set<String> kept = new HashSet<>(TimestampRuns.unfold(RepeatedPaths.unfold(Lines.of(out).lines())));
        LineFacts facts = LineFacts.of(lines);
        int protectedLines = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (facts.isProtected(i) && !lines.get(i).isBlank()) {
                protectedLines++;
                assertTrue(kept.contains(lines.get(i)), name + ": protected line " + (i + 1) + " lost: " + lines.get(i));
            }
        }
        assertTrue(protectedLines > 0, name);
    }

    @Test
    void errorOutputOfAMavenBuildStillFoldsDownloadsAndPassingTests() {
        String text = Samples.read("build/maven-test-failure.txt");
        TransformResult r = new LogCompressor().compress(text, context(text, 2000, true));
        assertTrue(r.lossy());
        assertFalse(r.text().contains("Downloaded from central"), "downloads are not error lines");
        assertTrue(r.text().contains("96 downloads"), r.text());
        assertTrue(r.text().length() < text.length() / 3, "was " + text.length() + ", now " + r.text().length());
    }

    @Test
    void routerHandsAnErrorOutputToTheLogSelector() {
        String text = Samples.read("build/gradle-test-failure.txt");
        ContentRouter.Routed routed = ContentRouter.standard().route(text, context(text, 1000, true));
        assertEquals(ContentType.LOG, routed.type());
        assertTrue(routed.result().lossy(), "an error output is selected, not only re-encoded");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void deterministic(String name) {
        String text = Samples.read("build/" + name);
        LogCompressor c = new LogCompressor();
        assertEquals(c.compress(text, context(text, 900, false)), c.compress(text, context(text, 900, false)));
        assertEquals(c.compress(text, context(text, 900, true)), c.compress(text, context(text, 900, true)));
    }

    /** Chars and tokens before, lossless and balanced at 2,000 and 6,000 characters, for the report. */
    @Test
    void printsSavings() {
        JtokkitCounter cl100k = JtokkitCounter.cl100k();
        samples().forEach(name -> {
            String text = Samples.read("build/" + name);
            StringBuilder sb = new StringBuilder(String.format("%-30s %6d/%5d", name, text.length(), cl100k.count(text)));
            TransformContext lossless = context(text, 6000, false).withLossless(true);
            for (TransformContext ctx : List.of(lossless, context(text, 2000, false), context(text, 6000, false))) {
                TransformResult r = new LogCompressor().compress(text, ctx);
                String out = r == null ? text : r.text();
                sb.append(String.format("  %6d/%5d", out.length(), cl100k.count(out)));
            }
            System.out.println("log sample chars/cl100k tokens: before, lossless, balanced 2000, 6000: " + sb);
        });
    }
}
