package dev.headroom.engine.transform.json;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.rows.RowSignals;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLossySelectionTest {

    private final JsonCompressor compressor = new JsonCompressor();

    /** 300 log-like rows: row 137 failed, row 211 took 9,000 ms, row 64 is the one asked about. */
    private static String events() {
        StringBuilder sb = new StringBuilder("[");
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            sb.append(i > 0 ? ",\n" : "").append("{\"seq\":").append(i)
                    .append(",\"service\":\"api\",\"level\":\"INFO\",\"latency_ms\":")
                    .append(i == 211 ? 9000 : 100 + random.nextInt(20))
                    .append(",\"msg\":\"").append(i == 137 ? "payment gateway refused: card declined" : "served request " + i)
                    .append("\",\"request_id\":\"req-").append(10000 + i * 7).append("\"}");
        }
        return sb.append("]").toString();
    }

    private static TransformContext balanced(String text, String query, int budget) {
        return new TransformContext(CompressionMode.BALANCED, false, query, ContentHash.of(text), "", budget);
    }

    @Test
    void keepsErrorsOutliersQueryMatchesAndTheEndsWithOneCorrectMarker() {
        String json = events();
        TransformContext ctx = balanced(json, "what happened with request req-10448?", 2000);
        TransformResult r = compressor.compress(json, ctx);
        assertNotNull(r);
        assertTrue(r.lossy());
        assertEquals("json.minify+json.table+json.select", r.transform());
        String out = r.text();
        assertTrue(out.startsWith(TableEncoder.DEFAULTS_LEGEND + "\n["), out);
        assertTrue(out.contains("\n0,"), "first row");
        assertTrue(out.contains("\n1,"), "second row");
        assertTrue(out.contains("\n299,"), "last row");
        assertTrue(out.contains("card declined"), "error row");
        assertTrue(out.contains(",9000,"), "outlier row");
        assertTrue(out.contains("req-10448"), "row asked about (seq 64)");

        Object original = JsonTreeParser.parseContainer(json);
        long omitted = LossyInvariants.check(original, out, ctx.originalHash());
        List<Object> kept = (List<Object>) JsonTableDecoder.decodeWithMarkers(out).tree();
        assertEquals(300 - kept.size(), omitted);
        assertTrue(out.contains("[headroom: " + omitted + " of 300 rows omitted (seq 3-298, latency_ms 100-119); headroom_retrieve hash="
                + ctx.originalHash() + "]"), out);
        assertEquals(1, JsonTableDecoder.decodeWithMarkers(out).markers().size(), "one marker line per array");
        assertTrue(out.length() < json.length() / 4, "budget respected roughly: " + out.length());
    }

    @Test
    void keepsRowsInOriginalOrder() {
        String json = events();
        String out = compressor.compress(json, balanced(json, "card declined", 1500)).text();
        List<Object> kept = (List<Object>) JsonTableDecoder.decodeWithMarkers(out).tree();
        long previous = -1;
        for (Object row : kept) {
            long seq = Long.parseLong(((JsonObject) row).value(0).toString());
            assertTrue(seq > previous, "order");
            previous = seq;
        }
    }

    @Test
    void bm25TermsPickRowsWithoutAnchors() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add("{\"id\":" + i + ",\"note\":\"" + (i == 120 ? "disk quota reached on volume" : "routine sync " + i) + "\"}");
        }
        String json = "[" + String.join(",", rows) + "]";
        String out = compressor.compress(json, balanced(json, "which volume hit its quota", 600)).text();
        assertTrue(out.contains("disk quota reached on volume"), out);
    }

    @Test
    void rareCategoricalValuesSurvive() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add("{\"id\":" + i + ",\"state\":\"" + (i == 77 ? "degraded" : "healthy") + "\"}");
        }
        String json = "[" + String.join(",", rows) + "]";
        String out = compressor.compress(json, balanced(json, "", 300)).text();
        assertTrue(out.contains("77,degraded"), out);
    }

    @Test
    void sameInputAndContextGiveTheSameBytes() {
        String json = events();
        TransformContext ctx = balanced(json, "why did the payment fail", 1800);
        String first = compressor.compress(json, ctx).text();
        for (int i = 0; i < 5; i++) {
            assertEquals(first, new JsonCompressor().compress(json, ctx).text());
        }
    }

    @Test
    void underTheBudgetNothingIsDropped() {
        String json = events();
        TransformResult r = compressor.compress(json, balanced(json, "", 1_000_000));
        assertFalse(r.lossy());
        assertEquals(JsonTreeParser.parseContainer(json), JsonTableDecoder.decode(r.text()));
    }

    @Test
    void longOpaqueStringsBecomeBlobMarkers() {
        StringBuilder blob = new StringBuilder();
        Random random = new Random(1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 4000; i++) {
            blob.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String prose = "This is a long explanation with spaces that must never be taken for a blob. ".repeat(6);
        String json = "{\"name\":\"report.png\",\"content\":\"" + blob + "==\",\"caption\":\"" + prose + "\"}";
        TransformContext ctx = balanced(json, "", 1000);
        TransformResult r = compressor.compress(json, ctx);
        assertTrue(r.lossy());
        assertEquals("json.minify+json.blob", r.transform());
        assertTrue(r.text().contains("\"content\":\"[headroom: 1 base64 blob omitted; headroom_retrieve hash=" + ctx.originalHash() + "]\""));
        assertTrue(r.text().contains(prose.trim()), "prose kept");
        LossyInvariants.check(JsonTreeParser.parseContainer(json), r.text(), ctx.originalHash());
    }

    @Test
    void largePlainArraysAreShortenedWithAnItemsMarker() {
        StringBuilder sb = new StringBuilder("{\"samples\":[");
        for (int i = 0; i < 2000; i++) {
            sb.append(i > 0 ? "," : "").append(i == 1500 ? 99999 : 10 + i % 7);
        }
        String json = sb.append("]}").toString();
        TransformContext ctx = balanced(json, "", 400);
        String out = compressor.compress(json, ctx).text();
        assertTrue(out.contains("99999"), "outlier");
        assertTrue(out.contains(" items omitted; "), out);
        long omitted = LossyInvariants.check(JsonTreeParser.parseContainer(json), out, ctx.originalHash());
        assertTrue(omitted > 1500, "omitted " + omitted);
    }

    @Test
    void manyErrorRowsAreCappedButStillMarked() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add("{\"id\":" + i + ",\"result\":\"" + (i % 2 == 0 ? "error: timeout" : "ok") + "\"}");
        }
        String json = "[" + String.join(",", rows) + "]";
        TransformContext ctx = balanced(json, "", 1000);
        String out = compressor.compress(json, ctx).text();
        long omitted = LossyInvariants.check(JsonTreeParser.parseContainer(json), out, ctx.originalHash());
        assertTrue(omitted > 800, "omitted " + omitted);
    }

    @Test
    void aMessageWithARareTemplateSurvivesAmongNumberedRepeats() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add("{\"seq\":" + i + ",\"msg\":\"" + (i == 50 ? "checkpoint saved at step 4500" : "heartbeat ping " + i) + "\"}");
        }
        String json = "[" + String.join(",", rows) + "]";
        String out = compressor.compress(json, balanced(json, "", 300)).text();
        assertTrue(out.contains("checkpoint saved at step 4500"), out);
        assertEquals("heartbeat ping #", RowSignals.template("heartbeat ping 12"));
    }

    @Test
    void aLongLogInsideAStringGoesThroughTheRouterWithItsShareOfTheBudget() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            log.append("2026-11-26T10:00:").append(String.format("%02d", i % 60)).append(" INFO worker heartbeat ok seq=")
                    .append(i).append('\n');
            if (i == 250) {
                log.append("2026-11-26T10:04:10 ERROR worker crashed: java.lang.OutOfMemoryError: Java heap space\n");
            }
        }
        JsonObject o = new JsonObject();
        o.add("exit_code", new JsonNumber("1"));
        o.add("stdout", log.toString());
        String json = JsonText.compact(o);
        TransformContext ctx = balanced(json, "why did the worker crash", 3000);
        TransformResult r = compressor.compress(json, ctx);
        assertNotNull(r);
        assertTrue(r.text().length() < json.length() / 2, r.text().length() + " of " + json.length());
        assertTrue(r.transform().contains("json.strings"), r.transform());
        assertTrue(r.text().contains("java.lang.OutOfMemoryError: Java heap space"), r.text());
        assertTrue(r.text().startsWith("{\"exit_code\":1,\"stdout\":\""), r.text());
        if (r.lossy()) {
            assertTrue(r.text().contains("headroom_retrieve hash=" + ctx.originalHash()), r.text());
        }
    }

    @Test
    void largeMapsLoseEntriesBehindAKeysMarkerButRecordsKeepEveryField() {
        StringBuilder sb = new StringBuilder("{\"meta\":{\"id\":7,\"name\":\"svc\",\"ok\":true},\"latency_by_host\":{");
        for (int i = 0; i < 500; i++) {
            sb.append(i > 0 ? "," : "").append("\"host-").append(i).append("\":").append(i == 333 ? 9000 : 20 + i % 5);
        }
        String json = sb.append("}}").toString();
        TransformContext ctx = balanced(json, "", 500);
        TransformResult r = compressor.compress(json, ctx);
        assertTrue(r.lossy());
        assertTrue(r.text().contains("\"host-333\":9000"), "outlier entry");
        assertTrue(r.text().contains("\"meta\":{\"id\":7,\"name\":\"svc\",\"ok\":true}"), "small record intact");
        long omitted = LossyInvariants.check(JsonTreeParser.parseContainer(json), r.text(), ctx.originalHash());
        assertTrue(r.text().contains("[headroom: " + omitted + " of 500 keys omitted; headroom_retrieve hash="), r.text());
    }

    @Test
    void largeMapsOfRecordsAreMapTablesThatLoseEntriesBehindAKeysMarker() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            sb.append(i > 0 ? "," : "").append("\"node_modules/pkg-").append(i).append("\":{\"version\":\"1.")
                    .append(i % 7).append(".0\",\"license\":\"").append(i == 222 ? "GPL-3.0" : "MIT").append("\"}");
        }
        String json = sb.append("}").toString();
        TransformContext ctx = balanced(json, "", 600);
        TransformResult r = compressor.compress(json, ctx);
        assertTrue(r.lossy());
        assertTrue(r.text().startsWith(TableEncoder.DEFAULTS_LEGEND + "\n{"), r.text());
        assertTrue(r.text().contains("node_modules/pkg-222,1.5.0,GPL-3.0"), "rare licence kept: " + r.text());
        long omitted = LossyInvariants.check(JsonTreeParser.parseContainer(json), r.text(), ctx.originalHash());
        assertTrue(r.text().contains("[headroom: " + omitted + " of 300 keys omitted (license MIT"), r.text());
    }
}
