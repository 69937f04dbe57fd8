package dev.headroom.engine.transform.git;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.ccr.InMemoryRetrievalStore;
import dev.headroom.engine.memo.InMemoryDecisionMemo;
import dev.headroom.engine.support.Requests;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.support.Samples;
import dev.headroom.engine.tokens.JtokkitCounter;
import dev.headroom.engine.transform.ContentDetector;
import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.diff.DiffHeaders;
import dev.headroom.engine.transform.text.Invariants;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * git log (plain, -p, --stat) and git show on real output of a scratch repository (see samples/README.md):
 * detection, the lossless form decoding back, and balanced selections that keep every hash, author, date,
 * subject, file header, hunk header and changed line, with markers whose counts add up.
 */
class GitLogCompressorTest {

    static final List<String> LOGS = List.of("git/git-log-p.txt", "git/git-log-p-pr-template.txt", "git/git-log-stat.txt",
            "git/git-log-plain.txt", "git/git-show-merge.txt");

    private final GitLogCompressor compressor = new GitLogCompressor();

    private static TransformContext context(String text, int budget, boolean errorOutput) {
        return new TransformContext(CompressionMode.BALANCED, false, "", ContentHash.of(text), "Bash", budget, null, errorOutput);
    }

    private static String out(TransformResult r, String text) {
        return r == null ? text : r.text();
    }

    @Test
    void detectsGitLogsAndShowsButNotPlainDiffsOrOneLineLogs() {
        for (String name : LOGS) {
            assertEquals(ContentType.GIT_LOG, ContentDetector.detect(Samples.read(name)), name);
        }
        assertEquals(ContentType.DIFF, ContentDetector.detect(Samples.read("git/git-diff-renames-binary-modes.txt")));
        assertEquals(ContentType.TEXT, ContentDetector.detect(Samples.read("git/git-log-oneline.txt")));
        assertFalse(CommitLog.looksLikeGitLog(List.of("commit abc", "Author: x")), "a hash has 7 or more hex digits");
        assertTrue(CommitLog.looksLikeGitLog(List.of("commit 6bdc026d68b1 (HEAD -> main, origin/main)", "Merge: bfb304a cbb3cd9",
                "Author: Dana <d@x>")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"git/git-log-p.txt", "git/git-log-p-pr-template.txt", "git/git-log-stat.txt", "git/git-log-plain.txt",
        "git/git-show-merge.txt"})
    void losslessDecodesBackExactly(String name) {
        String text = Samples.read(name);
        TransformResult r = compressor.compress(text, context(text, 6000, false).withLossless(true));
        String out = out(r, text);
        assertTrue(r == null || !r.lossy());
        Lines lines = Lines.of(out);
        assertEquals(text, Lines.join(DiffHeaders.unfold(lines.lines()), lines.trailingNewline()));
    }

    @ParameterizedTest
    @ValueSource(ints = {800, 2000, 6000})
    void balancedKeepsHashesAuthorsDatesSubjectsHeadersAndChangedLines(int budget) {
        for (String name : LOGS) {
            String text = Samples.read(name);
            TransformContext ctx = context(text, budget, false);
            TransformResult r = compressor.compress(text, ctx);
            String out = out(r, text);
            List<String> decoded = DiffHeaders.unfold(Lines.of(out).lines());
            List<String> original = Lines.of(text).lines();
            for (CommitLog.Commit c : CommitLog.parse(original)) {
                for (int i = c.start(); i < c.messageStart(); i++) {
                    assertTrue(decoded.contains(original.get(i)), name + " lost a header line: " + original.get(i));
                }
                if (c.messageEnd() > c.messageStart()) {
                    assertTrue(decoded.contains(original.get(c.messageStart())), name + " lost a subject");
                }
            }
            boolean hunksDropped = out.contains(" hunks omitted") || out.contains(" added lines omitted");
            for (String l : original) {
                boolean change = (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---");
                if (l.startsWith("diff --") || l.startsWith("@@") || change && !hunksDropped) {
                    assertTrue(decoded.contains(l), name + " at " + budget + " lost: " + l);
                }
            }
            if (r != null && r.lossy()) {
                Invariants.assertNoInflation(text, out);
                Invariants.assertMarkersNameHash(out, ctx.originalHash());
                if (!hunksDropped) {
                    assertLinesAccountedFor(original, decoded);
                }
            }
        }
    }

    /** Every original line is either in the output or counted by a marker (and no marker counts more). */
    static void assertLinesAccountedFor(List<String> original, List<String> decoded) {
        long markers = 0;
        long kept = 0;
        for (String l : decoded) {
            List<Invariants.Marker> m = Invariants.markers(l);
            if (m.isEmpty()) {
                kept++;
            } else {
                markers += m.get(0).count();
            }
        }
        assertEquals(original.size(), kept + markers, "kept lines plus marker counts");
    }

    @Test
    void prTemplateBoilerplateGoesBehindOneMarkerPerCommitAndTheFactsStay() {
        String text = Samples.read("git/git-log-p-pr-template.txt");
        String pricing = commit(compressor.compress(text, context(text, 9000, false)).text(), "Pricing: no loyalty discount");
        assertEquals(1, Invariants.markers(pricing).size(), pricing);
        Invariants.Marker m = Invariants.markers(pricing).get(0);
        assertEquals("message lines", m.unit());
        assertEquals("PR template: 8 unchecked boxes, empty sections \"Screenshots\", \"How has this been tested?\"", m.detail());
        for (String fact : List.of("    - [x] Bug fix (non-breaking change which fixes an issue)", "    Closes #198",
                "    - [x] I have performed a self-review of my own code", "    ## Checklist",
                "    Co-authored-by: Sam Ortega <sam.ortega@acme-shop.example>", "    ## Summary",
                "    Orders below 150.00 no longer get a loyalty discount, as agreed with finance")) {
            assertTrue(pricing.contains(fact + "\n"), "kept: " + fact);
        }
        assertFalse(pricing.contains("- [ ]"), "unchecked boxes go");
        assertFalse(pricing.contains("_No response_"));
        assertFalse(pricing.contains("<!--"));
        assertFalse(pricing.contains("## Screenshots"));

        String tight = commit(compressor.compress(text, context(text, 2000, false)).text(), "Pricing: no loyalty discount");
        Invariants.Marker cut = Invariants.markers(tight).get(0);
        assertTrue(cut.detail().endsWith(", the body after its first paragraph"), cut.detail());
        for (String fact : List.of("    ## Summary", "    sends them in lower case.", "    Closes #198",
                "    Co-authored-by: Sam Ortega <sam.ortega@acme-shop.example>")) {
            assertTrue(tight.contains(fact + "\n"), "kept: " + fact);
        }
    }

    /** The part of a log from the commit whose subject starts with {@code subject} to its first diff. */
    private static String commit(String log, String subject) {
        String from = log.substring(log.indexOf("    " + subject));
        return from.substring(0, from.indexOf("\ndiff --git") + 1);
    }

    @Test
    void questionMatchesSurviveBodyTrimming() {
        String text = Samples.read("git/git-log-plain.txt");
        String needle = "    2,000 orders; no change in error rate.";
        assertTrue(text.contains(needle));
        String plain = compressor.compress(text, context(text, 800, false)).text();
        assertFalse(plain.contains(needle), "a second paragraph goes when the log is long");
        String asked = compressor.compress(text, context(text, 800, false).withQuery("did the error rate change?")).text();
        assertTrue(asked.contains(needle), "unless the question asks about it");
    }

    @Test
    void mergeCommitKeepsItsParentsAndCombinedDiff() {
        String text = Samples.read("git/git-show-merge.txt");
        String out = out(compressor.compress(text, context(text, 500, false)), text);
        for (String fact : List.of("Merge: 8a82a7c 66ea0b2", "diff --cc src/main/java/com/acme/orders/service/DiscountPolicy.java",
                "@@@ -15,7 -15,7 +15,7 @@@ public class DiscountPolicy ",
                "++                return total.multiply(new BigDecimal(\"0.87\")).setScale(2, RoundingMode.HALF_EVEN);")) {
            assertTrue(out.contains(fact), "kept: " + fact);
        }
    }

    @Test
    void errorOutputKeepsMessageLinesThatReadAsErrors() {
        String text = Samples.read("git/git-log-plain.txt").replace("    2,000 orders; no change in error rate.",
                "    2,000 orders; ERROR rate unchanged.");
        String out = compressor.compress(text, context(text, 800, true)).text();
        assertTrue(out.contains("    2,000 orders; ERROR rate unchanged."));
    }

    @Test
    void deterministic() {
        for (String name : LOGS) {
            String text = Samples.read(name);
            assertEquals(compressor.compress(text, context(text, 900, false)), compressor.compress(text, context(text, 900, false)));
        }
    }

    @Test
    void printsSavings() {
        JtokkitCounter cl100k = JtokkitCounter.cl100k();
        for (String name : List.of("git/git-log-p.txt", "git/git-log-p-pr-template.txt", "git/git-log-stat.txt",
                "git/git-log-plain.txt", "git/git-show-merge.txt")) {
            String text = Samples.read(name);
            StringBuilder sb = new StringBuilder(String.format("%-32s %6d/%5d", name, text.length(), cl100k.count(text)));
            for (TransformContext ctx : List.of(context(text, 6000, false).withLossless(true), context(text, 2000, false),
                    context(text, 6000, false))) {
                String out = out(compressor.compress(text, ctx), text);
                sb.append(String.format("  %6d/%5d", out.length(), cl100k.count(out)));
            }
            System.out.println("git sample chars/cl100k tokens: before, lossless, balanced 2000, 6000: " + sb);
        }
    }

    /** Codex's exec_command result (its Chunk ID ... Output: envelope) holding a git log -p, through the whole engine. */
    @Test
    void throughTheEngineInACodexRequest() throws Exception {
        String log = Samples.read("git/git-log-p-pr-template.txt");
        String output = "Chunk ID: c4789a\nWall time: 0.0000 seconds\nProcess exited with code 0\nOriginal token count: 2676\nOutput:\n" + log;
        byte[] body = Requests.bytes(Requests.responses("Why do gold customers get no discount on small orders?", output));
        InMemoryRetrievalStore store = new InMemoryRetrievalStore();
        HeadroomEngine engine = HeadroomEngine.create(EngineSettings.defaults(), store, new InMemoryDecisionMemo());
        CompressionResult r = engine.compress(body, RequestOptions.defaults());
        UnitReport unit = r.units().get(0);
        assertEquals("git_log", unit.contentType());
        assertTrue(unit.lossy(), unit.transform());
        String sent = Requests.JSON.readTree(r.body()).get("input").get(3).get("output").asText();
        assertTrue(sent.startsWith("Chunk ID: c4789a\n"), "the envelope stays");
        assertTrue(sent.contains("diff --git src/main/java/com/acme/orders/service/DiscountPolicy.java\n"), "short headers");
        assertTrue(sent.contains("+        if (total.compareTo(MINIMUM_FOR_DISCOUNT) < 0) {"), "changed lines stay");
        assertTrue(sent.contains("PR template: 8 unchecked boxes"), sent);
        assertEquals(output, store.get(r.ccrHashes().iterator().next()).orElseThrow());
        CompressionResult again = HeadroomEngine.create(EngineSettings.defaults()).compress(body, RequestOptions.defaults());
        assertEquals(new String(r.body()), new String(again.body()), "the same bytes on every engine");
    }

    @Test
    void ansiColouredLogIsStrippedLosslessly() {
        String text = "\u001b[33mcommit 79318f6207c8fd7afa72da8567a301aa05b1b9c3\u001b[m\nAuthor: Dana <d@x>\nDate:   Wed Nov 25 16:45:00 2026 +0000\n\n"
                + "    Pricing\n\n\u001b[1mdiff --git a/x b/x\u001b[m\n\u001b[1m--- a/x\u001b[m\n\u001b[1m+++ b/x\u001b[m\n\u001b[36m@@ -1 +1 @@\u001b[m\n"
                + "\u001b[31m-a\u001b[m\n\u001b[32m+b\u001b[m\n";
        TransformResult r = compressor.compress(text, context(text, 6000, false).withLossless(true));
        assertNotNull(r);
        assertEquals(TextNormalizer.stripAnsi(text), Lines.join(DiffHeaders.unfold(Lines.of(r.text()).lines()), true));
    }
}
