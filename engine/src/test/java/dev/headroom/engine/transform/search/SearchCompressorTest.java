package dev.headroom.engine.transform.search;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.tokens.TokenEstimator;
import dev.headroom.engine.transform.ContentDetector;
import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Invariants;
import dev.headroom.engine.transform.text.Lines;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchCompressorTest {

    private final SearchCompressor compressor = new SearchCompressor();

    private static TransformContext lossless(String text) {
        return new TransformContext(CompressionMode.LOSSLESS, true, "", ContentHash.of(text), "", 4000);
    }

    @Test
    void parsesGrepLines() {
        assertEquals(new GrepHit("src/a.py", ':', "12", "x = 1"), GrepHit.parse("src/a.py:12:x = 1", null));
        assertEquals(new GrepHit("src/a-b.py", '-', "3", "y: int = 2"), GrepHit.parse("src/a-b.py-3-y: int = 2", null));
        assertEquals(new GrepHit("src/v-1-2/a.py", '-', "7", "z"), GrepHit.parse("src/v-1-2/a.py-7-z", "src/v-1-2/a.py"));
        assertEquals("C:\\src\\a.cs", GrepHit.parse("C:\\src\\a.cs:4:class A", null).path());
        assertNull(GrepHit.parse("2024-01-01T12:00:01 INFO x", null));
        assertNull(GrepHit.parse("12:00:01 INFO x", null));
        assertNull(GrepHit.parse("\tat a.B.c(B.java:12)", null));
        assertNull(GrepHit.parse("see http://host:8080:1/x", null));
        assertNull(GrepHit.parse("file.txt:007:leading zero", null));
    }

    @Test
    void losslessGroupingDecodesToTheSameHits() {
        for (boolean context : new boolean[] {false, true}) {
            String text = SearchGenerators.grep(40, 3, context);
            assertEquals(ContentType.SEARCH, ContentDetector.detect(text));
            TransformResult r = compressor.compress(text, lossless(text));
            assertNotNull(r);
            assertFalse(r.lossy());
            assertEquals("search.group", r.transform());
            assertEquals(text, Lines.join(SearchGrouping.decode(Lines.of(r.text()).lines()), true));
            assertTrue(r.text().length() < text.length() * 0.75, "grouping saves the repeated paths");
            System.out.printf("grep%s 40 files lossless: %d -> %d chars (%.3f)%n", context ? " -C1" : "", text.length(),
                    r.text().length(), r.text().length() / (double) text.length());
        }
    }

    @Test
    void groupingRoundTripsOddInput() {
        Random r = new Random(9);
        String[] pool = {"a/b.c:1:x", "a/b.c:2:y", "a/b.c-3-z", "--", "", "Binary file a/x.bin matches", "d/e.f:10:w:1:2",
            "d/e.f:11:", "plain words", "a/b.c:4:  indented content"};
        for (int round = 0; round < 300; round++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < r.nextInt(30); i++) {
                lines.add(pool[r.nextInt(pool.length)]);
            }
            List<String> grouped = SearchGrouping.encode(lines);
            if (grouped != null) {
                assertEquals(lines, SearchGrouping.decode(grouped));
            }
        }
        assertNull(SearchGrouping.encode(List.of("a/b.c:1:x", "   an indented line that is not a hit")));
    }

    @Test
    void balancedKeepsBestHitsPerFileAndCountsEveryOmission() {
        String text = SearchGenerators.grep(60, 5, false);
        TransformContext ctx = TransformContext.of(ContentHash.of(text));
        TransformResult r = compressor.compress(text, ctx);
        assertTrue(r.lossy());
        String out = r.text();
        Invariants.assertNoInflation(text, out);
        Invariants.assertMarkersNameHash(out, ctx.originalHash());
        assertTrue(out.length() <= ctx.maxOutputChars() + 200, "fits the budget: " + out.length());
        int totalHits = (int) text.lines().count();
        long keptRows = out.lines().filter(l -> l.startsWith("  ") && !l.contains("[headroom:")).count();
        long omitted = Invariants.omitted(out, "matches");
        for (Invariants.Marker m : Invariants.markers(out)) {
            if (m.unit().startsWith("rows in ")) {
                omitted += m.count();
            }
        }
        assertEquals(totalHits, keptRows + omitted, "kept + omitted = all hits");
        // every kept row is a real hit of the file it is listed under
        String path = null;
        for (String l : out.lines().toList()) {
            if (!l.startsWith(" ") && !l.startsWith("[headroom:")) {
                path = l;
            } else if (!l.contains("[headroom:")) {
                String row = l.substring(2);
                int sep = row.indexOf(':');
                assertTrue(text.contains(path + ":" + row.substring(0, sep) + ":" + row.substring(sep + 1) + "\n"), l);
            }
        }
        System.out.printf("grep 60 files balanced: %d -> %d chars (%.3f), ~%d -> ~%d tokens (estimate)%n", text.length(),
                out.length(), out.length() / (double) text.length(), TokenEstimator.estimate(text), TokenEstimator.estimate(out));
    }

    @Test
    void errorAndQueryHitsWin() {
        String text = SearchGenerators.grep(60, 5, false);
        String needle = "src/main/java/com/acme/billing/OrderHandler59.java:999:        refundLedger.reconcile(zebra);\n";
        text = text + needle;
        TransformContext ctx = TransformContext.of(ContentHash.of(text)).withQuery("where is reconcile called for zebra?");
        String out = compressor.compress(text, ctx).text();
        assertTrue(out.contains("  999:        refundLedger.reconcile(zebra);"), out);
        assertTrue(out.contains("OrderException"), "error-ish hits are preferred");
    }

    @Test
    void aSingleFileKeepsAsManyHitsAsTheBudgetAllows() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            sb.append("src/main/java/com/acme/Big.java:").append(i * 3).append(":    call(").append(i).append(");\n");
        }
        String text = sb.toString();
        TransformContext ctx = TransformContext.of(ContentHash.of(text));
        String out = compressor.compress(text, ctx).text();
        long rows = out.lines().filter(l -> l.startsWith("  ") && !l.contains("[headroom:")).count();
        assertTrue(rows > 20, "kept " + rows);
        assertTrue(out.length() <= ctx.maxOutputChars(), "fits: " + out.length());
        assertEquals(2000 - rows, Invariants.omitted(out, "matches"));
    }

    @Test
    void ripgrepHeadingOutputIsSelectedToo() {
        String text = SearchGenerators.ripgrepHeading(80, 2);
        assertEquals(ContentType.SEARCH, ContentDetector.detect(text));
        TransformContext ctx = TransformContext.of(ContentHash.of(text));
        TransformResult r = compressor.compress(text, ctx);
        assertTrue(r.lossy());
        Invariants.assertNoInflation(text, r.text());
        long rows = text.lines().filter(l -> !l.isEmpty() && Character.isDigit(l.charAt(0))).count();
        long keptRows = r.text().lines().filter(l -> l.startsWith("  ") && !l.contains("[headroom:")).count();
        long omitted = Invariants.omitted(r.text(), "matches");
        for (Invariants.Marker m : Invariants.markers(r.text())) {
            if (m.unit().startsWith("rows in ")) {
                omitted += m.count();
            }
        }
        assertEquals(rows, keptRows + omitted);
        System.out.printf("rg --heading 80 files balanced: %d -> %d chars (%.3f)%n", text.length(), r.text().length(),
                r.text().length() / (double) text.length());
    }
}
