package dev.headroom.engine.transform.table;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.transform.ContentDetector;
import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lossless outputs decode to the same tables and lines; lossy ones keep what matters and count what they leave out. */
class TableCompressorTest {

    private final TableCompressor compressor = new TableCompressor();

    private static TransformContext lossless(String text) {
        return new TransformContext(CompressionMode.LOSSLESS, true, "", ContentHash.of(text), "", 6000);
    }

    private static TransformContext balanced(String text, String query, int budget) {
        return new TransformContext(CompressionMode.BALANCED, false, query, ContentHash.of(text), "", budget);
    }

    @Test
    void losslessOutputsGiveBackEveryTableAndEveryOtherLine() {
        for (Map.Entry<String, String> e : TokenFigures.samples().entrySet()) {
            String text = e.getValue();
            if (ContentDetector.detect(text) != ContentType.TABLE || e.getKey().startsWith("mvn")) {
                continue; // CsvTest, RecordsTest, DependencyTreeTest
            }
            TransformResult r = compressor.compress(text, lossless(text));
            assertNotNull(r, e.getKey());
            assertFalse(r.lossy());
            assertEquals("table.compact", r.transform());
            assertTrue(r.text().length() < text.length() * 0.9, e.getKey() + ": " + r.text().length() + " of " + text.length());
            List<String> lines = TableOutputs.lines(text);
            List<TableSpan> spans = TableFinder.find(lines);
            TableOutputs read = TableOutputs.read(r.text());
            assertEquals(spans.size(), read.tables.size(), e.getKey());
            List<String> others = new ArrayList<>();
            int i = 0;
            for (int t = 0; t < spans.size(); t++) {
                assertEquals(spans.get(t).table(), read.tables.get(t).table(), e.getKey());
                others.addAll(lines.subList(i, spans.get(t).from()));
                i = spans.get(t).to();
            }
            others.addAll(lines.subList(i, lines.size()));
            assertEquals(TextNormalizer.collapseBlankRuns(others), read.otherLines, e.getKey());
        }
    }

    /** Runs the balanced compressor and checks the marker arithmetic; returns the rows shown. */
    private CellTable balancedRows(String text, String query, int budget) {
        TransformContext ctx = balanced(text, query, budget);
        TransformResult r = compressor.compress(text, ctx);
        assertNotNull(r);
        assertTrue(r.lossy(), r.text());
        assertEquals("table.compact+table.select", r.transform());
        assertTrue(r.text().length() <= budget * 1.25, r.text().length() + " for a budget of " + budget + ":\n" + r.text());
        CellTable original = TableFinder.find(TableOutputs.lines(text)).get(0).table();
        TableOutputs.Shown shown = TableOutputs.read(r.text()).tables.get(0);
        TableOutputs.assertSubsequence(original, shown.table());
        assertEquals(original.rowCount(), shown.total());
        int omitted = TableOutputs.omitted(shown.marker(), original.rowCount(), ctx.originalHash());
        assertEquals(original.rowCount() - shown.table().rowCount(), omitted, "marker count = rows left out");
        return shown.table();
    }

    private static boolean has(CellTable t, int column, String value) {
        return t.rows().stream().anyMatch(r -> r[column].contains(value));
    }

    @Test
    void podsKeepCrashingAndKilledPodsAndTheOneAskedAbout() {
        String text = ClusterSamples.pods(120, 1);
        String asked = TableFinder.find(TableOutputs.lines(text)).get(0).table().rows().get(70)[0];
        for (int budget : new int[] {800, 2000, 3000}) {
            CellTable kept = balancedRows(text, "why is " + asked + " slow?", budget);
            assertTrue(has(kept, 2, "CrashLoopBackOff"), "budget " + budget);
            assertTrue(has(kept, 2, "OOMKilled"), "budget " + budget);
            assertTrue(has(kept, 0, asked), "budget " + budget);
        }
    }

    @Test
    void markerSaysWhatTheOmittedPodsHold() {
        String text = ClusterSamples.pods(120, 1);
        TransformResult r = compressor.compress(text, balanced(text, "", 2000));
        assertTrue(r.text().contains(" of 120 rows omitted (READY 1/1, STATUS Running"), r.text());
    }

    @Test
    void warningEventsExitedContainersBusyProcessesAndFullDisksSurvive() {
        CellTable events = balancedRows(ClusterSamples.events(100, 3), "", 2000);
        assertEquals(3, events.rows().stream().filter(r -> r[1].equals("Warning")).count(), "every Warning event");
        CellTable docker = balancedRows(ClusterSamples.dockerPs(40, 4), "", 1500);
        assertTrue(has(docker, 4, "Exited (137)") && has(docker, 4, "Restarting (1)"), docker.toString());
        CellTable ps = balancedRows(HostSamples.psAux(150, 5), "", 2000);
        assertTrue(has(ps, 2, "187"), "the process at 187 % CPU");
        CellTable orders = balancedRows(GridSamples.psql(GridSamples.orders(300, 6)), "", 2000);
        assertTrue(has(orders, 2, "FAILED") && has(orders, 3, "98450.00"), "the refused payment and the outlier");
        CellTable mysql = balancedRows(GridSamples.mysql(GridSamples.orders(300, 6)), "which orders did alice7 place?", 2000);
        assertTrue(has(mysql, 1, "alice7@example.com"));
    }

    @Test
    void sameInputSameBytes() {
        String text = ClusterSamples.podsAllWide(120, 2);
        TransformContext ctx = balanced(text, "what is failing in platform", 2000);
        String first = compressor.compress(text, ctx).text();
        for (int i = 0; i < 3; i++) {
            assertEquals(first, new TableCompressor().compress(text, ctx).text());
        }
        String lossless = compressor.compress(text, lossless(text)).text();
        assertEquals(lossless, new TableCompressor().compress(text, lossless(text)).text());
    }

    @Test
    void underTheBudgetNothingIsDropped() {
        String text = ClusterSamples.pods(120, 1);
        TransformResult r = compressor.compress(text, balanced(text, "", 100_000));
        assertFalse(r.lossy());
        assertFalse(r.text().contains("headroom_retrieve"));
    }

    @Test
    void withoutATableItFallsBackToTheTextCompressor() {
        String text = "just some words\n\n\n\nand more words   \n";
        TransformResult r = compressor.compress(text, balanced(text, "", 2000));
        assertEquals("text.normalize", r.transform());
    }
}
