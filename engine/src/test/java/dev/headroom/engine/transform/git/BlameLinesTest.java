package dev.headroom.engine.transform.git;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.support.Samples;
import dev.headroom.engine.tokens.JtokkitCounter;
import dev.headroom.engine.transform.ContentDetector;
import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Lines;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlameLinesTest {

    @Test
    void continuationsDecodeBackAndSaveMostTokens() {
        String text = Samples.read("git/git-blame.txt");
        assertEquals(ContentType.GIT_LOG, ContentDetector.detect(text));
        List<String> lines = Lines.of(text).lines();
        List<String> folded = BlameLines.fold(lines);
        assertEquals(lines, BlameLines.unfold(folded));
        assertTrue(folded.contains("10)     static final long SLOW_CALL_MILLIS = 1500;"), folded.toString());
        assertTrue(folded.contains("35e81185 (Sam Ortega      2026-11-26 10:30:00 +0000  9)     // log calls slower than 1500 ms"));
        JtokkitCounter cl100k = JtokkitCounter.cl100k();
        String out = Lines.join(folded, true);
        assertTrue(cl100k.count(out) < cl100k.count(text) / 2, cl100k.count(text) + " -> " + cl100k.count(out));
    }

    @Test
    void blameIsOnlyReencodedInEveryMode() {
        String text = Samples.read("git/git-blame.txt");
        TransformContext balanced = new TransformContext(CompressionMode.BALANCED, false, "", ContentHash.of(text), "Bash", 800);
        TransformResult r = new GitLogCompressor().compress(text, balanced);
        assertFalse(r.lossy());
        assertEquals("git.blame", r.transform());
        assertEquals(text, Lines.join(BlameLines.unfold(Lines.of(r.text()).lines()), true));
    }

    @Test
    void filenamesEmailsAndWidthsDecodeBack() {
        List<String> lines = List.of(
                "^0d01518 docs/pricing.md (<dana.whitfield@acme-shop.example> 2026-11-20 09:12:00 +0000  9) # Pricing",
                "^0d01518 docs/pricing.md (<dana.whitfield@acme-shop.example> 2026-11-20 09:12:00 +0000 10) ",
                "^0d01518 docs/pricing.md (<dana.whitfield@acme-shop.example> 2026-11-20 09:12:00 +0000 11) Gold",
                "7477cc32 docs/PRICING.md (<sam.ortega@acme-shop.example>     2026-11-25 16:45:00 +0000 12) Orders below 150.00");
        List<String> folded = BlameLines.fold(lines);
        assertEquals(List.of(lines.get(0), "10) ", "11) Gold", lines.get(3)), folded);
        assertEquals(lines, BlameLines.unfold(folded));
    }

    @Test
    void refusesTextThatAlreadyHoldsAContinuation() {
        List<String> lines = List.of("^0d01518 (Dana Whitfield 2026-11-20 09:12:00 +0000 1) a",
                "^0d01518 (Dana Whitfield 2026-11-20 09:12:00 +0000 2) b", "3) c");
        assertSame(lines, BlameLines.fold(lines));
        assertFalse(BlameLines.looksLikeBlame(List.of("hello", "world", "1) a", "2) b")));
    }
}
