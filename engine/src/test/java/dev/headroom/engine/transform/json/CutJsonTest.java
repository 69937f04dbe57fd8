package dev.headroom.engine.transform.json;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CutJsonTest {

    private static final String HASH = "0123456789abcdef01234567";
    private static final TransformContext LOSSLESS = new TransformContext(CompressionMode.LOSSLESS, true, "", HASH, "", 6000);

    private static String users(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(", ");
            }
            sb.append("{\"id\": ").append(1000 + i).append(", \"name\": \"User ").append(i)
                    .append("\", \"email\": \"user").append(i).append("@example.org\", \"tier\": \"")
                    .append(i % 3 == 0 ? "GOLD" : "NONE").append("\", \"active\": ").append(i % 2 == 0).append('}');
        }
        return sb.toString();
    }

    @Test
    void headKeepsItsCompleteRecordsAsATableAndThePartialOneVerbatim() {
        String head = "{\"data\": [" + users(0, 40) + ", {\"id\": 1040, \"name\": \"Us";
        TransformResult r = CutJson.head(head, LOSSLESS);
        assertTrue(r.text().startsWith(TableEncoder.DEFAULTS_LEGEND + "\n{\"data\": [[40]{id,name,email,tier=NONE,active=true}:\n"
                + "1000,User 0,user0@example.org,GOLD,\n"), r.text());
        assertTrue(r.text().endsWith("1039,User 39,user39@example.org,GOLD,false\n, {\"id\": 1040, \"name\": \"Us"), r.text());
        assertFalse(r.lossy());
        assertTrue(r.text().length() < head.length() * 0.7, r.text().length() + " of " + head.length());
        assertEquals("json.cut+json.minify+json.table", r.transform());
    }

    @Test
    void tailFindsTheFirstCompleteRecordAfterTheCut() {
        String tail = "ser 59\", \"tier\": \"NONE\", \"active\": false}, " + users(60, 100) + "], \"count\": 100}";
        TransformResult r = CutJson.tail(tail, LOSSLESS);
        assertTrue(r.text().startsWith(TableEncoder.DEFAULTS_LEGEND + "\nser 59\", \"tier\": \"NONE\", \"active\": false}, "
                + "[40]{id,name,email,tier=NONE,active=true}:\n"), r.text());
        assertTrue(r.text().endsWith("1099,User 99,user99@example.org,GOLD,false\n], \"count\": 100}"), r.text());
    }

    @Test
    void prettyPrintedJsonCutInsideANestedValue() {
        StringBuilder sb = new StringBuilder("{\n  \"data\": [\n");
        for (int i = 0; i < 30; i++) {
            sb.append("    {\n      \"order_id\": \"ORD-").append(20900 + i).append("\",\n      \"items\": [\n        {\"sku\": \"SKU-")
                    .append(88000 + i).append("\", \"qty\": 1}\n      ],\n      \"total\": \"").append(10 + i).append(".00\"\n    },\n");
        }
        sb.append("    {\n      \"order_id\": \"ORD-20999\",\n      \"items\": [\n        {\"sku\": \"SKU-");
        TransformResult r = CutJson.head(sb.toString(), LOSSLESS);
        assertTrue(r.text().contains("ORD-20929"), r.text());
        assertTrue(r.text().endsWith("\"sku\": \"SKU-"), r.text());
        assertTrue(r.text().length() < sb.length() / 2);
    }

    @Test
    void completeJsonOrTooFewRecordsIsNotACut() {
        assertNull(CutJson.head("{\"data\": [" + users(0, 5) + "]}", LOSSLESS));
        assertNull(CutJson.head("{\"data\": [{\"id\": 1}, {\"id\":", LOSSLESS));
        assertNull(CutJson.head("not json at all", LOSSLESS));
        assertNull(CutJson.tail("no brackets here", LOSSLESS));
    }

    @Test
    void balancedSelectionOfACutArrayLeavesAMarker() {
        String head = "{\"data\": [" + users(0, 400) + ", {\"id\": 1400, \"na";
        TransformResult r = CutJson.head(head, new TransformContext(CompressionMode.BALANCED, false, "user 123", HASH, "", 2000));
        assertTrue(r.lossy());
        assertTrue(r.text().contains("hash=" + HASH), r.text());
        assertTrue(r.text().contains("1123,User 123"), r.text());
        assertTrue(r.text().length() < 4000, r.text());
    }
}
