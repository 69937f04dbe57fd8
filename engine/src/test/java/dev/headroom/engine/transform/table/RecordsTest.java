package dev.headroom.engine.transform.table;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.transform.ContentDetector;
import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** apt-cache show, kubectl describe and systemctl status: detection, lossless forms, what balanced keeps. */
class RecordsTest {

    private final RecordsCompressor compressor = new RecordsCompressor();

    private static TransformContext lossless(String text) {
        return new TransformContext(CompressionMode.LOSSLESS, true, "", ContentHash.of(text), "", 6000);
    }

    private static TransformContext balanced(String text, String query, int budget) {
        return new TransformContext(CompressionMode.BALANCED, false, query, ContentHash.of(text), "", budget);
    }

    @Test
    void detection() {
        assertEquals(ContentType.RECORDS, ContentDetector.detect(RecordSamples.aptCacheShow(3, 1)));
        assertEquals(ContentType.RECORDS, ContentDetector.detect(RecordSamples.describePod()));
        assertEquals(ContentType.RECORDS, ContentDetector.detect(RecordSamples.systemctlStatus(40, 2)));
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            log.append(i % 7 == 0 ? "WARNING: disk usage high on /data\n" : "INFO: processed batch " + i + " in 12 ms\n");
        }
        assertNotEquals(ContentType.RECORDS, ContentDetector.detect(log.toString()));
        String yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n"
                + "  - name: web\n    image: nginx:1.25\n    ports:\n    - containerPort: 80\nstatus:\n  phase: Running\n";
        assertNotEquals(ContentType.RECORDS, ContentDetector.detect(yaml));
    }

    @Test
    void aptRecordsBecomeOneTableThatDecodesToTheSameFields() {
        String text = RecordSamples.aptCacheShow(6, 1);
        TransformResult r = compressor.compress(text, lossless(text));
        assertEquals("records.compact", r.transform());
        TableSpan span = RecordTable.find(TableOutputs.lines(text));
        assertNotNull(span);
        TableOutputs read = TableOutputs.read(r.text());
        assertEquals(span.table(), read.tables.get(0).table());
        assertTrue(read.otherLines.stream().allMatch(String::isEmpty), read.otherLines.toString());
        CellTable t = span.table();
        assertEquals("Package", t.columns()[0]);
        assertTrue(t.rows().get(0)[List.of(t.columns()).indexOf("Description")].contains("\n .\n This package contains"));
        assertEquals("", t.rows().get(1)[List.of(t.columns()).indexOf("Recommends")], "git has no Recommends");
        TableTextRoundTripTest.assertRoundTrip(t);
    }

    @Test
    void aptBalancedDropsChecksumsFirstThenRecords() {
        String text = RecordSamples.aptCacheShow(24, 1);
        TransformContext ctx = balanced(text, "what does nginx-2 depend on?", 2500);
        TransformResult r = compressor.compress(text, ctx);
        assertTrue(r.lossy());
        assertTrue(r.text().contains("field values omitted (checksums left out, long values cut to their first line: MD5sum, SHA1, SHA256, SHA512"),
                r.text());
        TableOutputs.Shown shown = TableOutputs.read(r.text()).tables.get(0);
        assertEquals(24 - shown.table().rowCount(), TableOutputs.omitted(shown.marker(), 24, ctx.originalHash()));
        assertTrue(shown.table().rows().stream().anyMatch(row -> row[0].equals("nginx-2")), "the record asked about");
        assertTrue(r.text().length() < 3200, String.valueOf(r.text().length()));
    }

    @Test
    void describeKeepsEveryFieldAndWritesItsEventsAsATable() {
        String text = RecordSamples.describePod();
        TransformResult r = compressor.compress(text, lossless(text));
        assertEquals("records.compact", r.transform());
        assertTrue(r.text().startsWith(text.substring(0, text.indexOf("\nNamespace:"))), "fields keep their padding: " + r.text());
        assertTrue(r.text().contains("Reason:       OOMKilled") || r.text().contains("Reason:   OOMKilled")
                || r.text().contains(text.lines().filter(l -> l.contains("OOMKilled")).findFirst().orElseThrow()), "nesting kept");
        for (String l : TableOutputs.lines(text)) {
            if (l.startsWith("  Normal") || l.startsWith("  Warning") || l.startsWith("  Type     Reason") || l.startsWith("  ----")) {
                continue;
            }
            assertTrue(r.text().contains(l), "kept: " + l);
        }
        TableOutputs read = TableOutputs.read(r.text());
        CellTable events = read.tables.get(0).table();
        assertEquals(List.of("Type", "Reason", "Age", "From", "Message"), List.of(events.columns()));
        assertEquals("2m (x87 over 21m)", events.rows().get(4)[2]);
        assertTrue(r.text().length() < text.length());
    }

    @Test
    void systemctlKeepsItsHeaderAndSelectsInItsJournal() {
        String text = RecordSamples.systemctlStatus(200, 2);
        TransformContext ctx = balanced(text, "", 3000);
        TransformResult r = compressor.compress(text, ctx);
        assertTrue(r.lossy(), r.transform());
        assertTrue(r.transform().startsWith("records.systemd+log."), r.transform());
        String header = text.substring(0, text.indexOf("\n\n") + 1);
        assertTrue(r.text().startsWith(header), r.text());
        assertTrue(r.text().contains("[error] 1045#1045: *8812 connect() failed (111: Connection refused)"), "the error line");
        assertTrue(r.text().contains(" lines omitted") && r.text().contains(ctx.originalHash()), r.text());
        assertEquals(r.text(), new RecordsCompressor().compress(text, ctx).text(), "deterministic");
    }
}
