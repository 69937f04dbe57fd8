package dev.headroom.engine.transform.table;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.transform.ContentDetector;
import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV (RFC 4180 quoting, a line break inside a field) and TSV: detection, lossless round trip, selection. */
class CsvTest {

    private final TableCompressor compressor = TableCompressor.csv();
    private static final List<String[]> ORDERS = GridSamples.orders(300, 6);

    private static CellTable parsed(String text) {
        List<String> lines = TableOutputs.lines(text);
        return CsvLayout.find(lines.stream().map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).toList()).table();
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaks() {
        CellTable t = parsed(GridSamples.csv(ORDERS));
        assertArrayEquals(GridSamples.COLUMNS, t.columns());
        assertEquals(300, t.rowCount());
        assertEquals("customer said \"damaged\", refund issued", t.rows().get(5)[7]);
        assertEquals("address changed:\nsee ticket 4471", t.rows().get(100)[7]);
        assertEquals("", t.rows().get(0)[7]);
        CellTable tsv = parsed(GridSamples.tsv(ORDERS));
        assertEquals("NULL", tsv.rows().get(0)[7]);
        assertEquals("customer said \"damaged\", refund issued", tsv.rows().get(5)[7]);
    }

    @Test
    void detectedAsCsvButLogsWithCommaTimestampsAreNot() {
        assertEquals(ContentType.CSV, ContentDetector.detect(GridSamples.csv(ORDERS)));
        assertEquals(ContentType.CSV, ContentDetector.detect(GridSamples.tsv(ORDERS)));
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            log.append("2024-05-01 10:00:").append(10 + i).append(",123 INFO  [main] c.a.Service - handled request ").append(i).append('\n');
        }
        assertNotEquals(ContentType.CSV, ContentDetector.detect(log.toString()));
        assertNotEquals(ContentType.CSV, ContentDetector.detect("Hello, world.\nThis is prose, with commas.\nAnd more, again.\nAnd so on, and on.\n"));
    }

    @Test
    void losslessDecodesToTheSameCells() {
        for (String text : List.of(GridSamples.csv(ORDERS), GridSamples.tsv(ORDERS))) {
            TransformContext ctx = new TransformContext(CompressionMode.LOSSLESS, true, "", ContentHash.of(text), "", 6000);
            TransformResult r = compressor.compress(text, ctx);
            assertEquals("csv.compact", r.transform());
            TableOutputs read = TableOutputs.read(r.text());
            assertEquals(1, read.tables.size());
            assertEquals(parsed(text), read.tables.get(0).table());
            assertTrue(read.otherLines.isEmpty(), read.otherLines.toString());
            TableTextRoundTripTest.assertRoundTrip(parsed(text));
        }
    }

    @Test
    void balancedKeepsTheFailedPaymentTheOutlierAndTheAskedRow() {
        String text = GridSamples.csv(ORDERS);
        TransformContext ctx = new TransformContext(CompressionMode.BALANCED, false, "what did judy12@example.com order?",
                ContentHash.of(text), "", 2000);
        TransformResult r = compressor.compress(text, ctx);
        assertTrue(r.lossy());
        assertEquals("csv.compact+csv.select", r.transform());
        TableOutputs.Shown shown = TableOutputs.read(r.text()).tables.get(0);
        CellTable original = parsed(text);
        TableOutputs.assertSubsequence(original, shown.table());
        assertEquals(300 - shown.table().rowCount(), TableOutputs.omitted(shown.marker(), 300, ctx.originalHash()));
        assertTrue(shown.table().rows().stream().anyMatch(row -> row[2].equals("FAILED")));
        assertTrue(shown.table().rows().stream().anyMatch(row -> row[3].equals("98450.00")));
        assertTrue(shown.table().rows().stream().anyMatch(row -> row[1].equals("judy12@example.com")));
        assertEquals(r.text(), TableCompressor.csv().compress(text, ctx).text(), "deterministic");
    }

    @Test
    void linesAfterTheTableStayAndShortOrHeaderlessInputIsNotCsv() {
        String text = "name,size\nalpha,1\nbeta,2\ngamma,3\ndelta,4\nepsilon,5\nzeta,6\n\n6 files listed\n";
        TransformResult r = compressor.compress(text, new TransformContext(CompressionMode.LOSSLESS, true, "", "h", "", 6000));
        assertTrue(r == null || r.text().endsWith("\n6 files listed\n"), String.valueOf(r));
        assertEquals(null, CsvLayout.find(List.of("1,2,3", "4,5,6", "7,8,9", "1,2,3")));
        assertFalse(CsvLayout.find(List.of("a,b", "1,2")) != null);
    }
}
