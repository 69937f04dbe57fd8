package dev.headroom.engine.transform.json;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesTest {

    private static final String HASH = "0123456789abcdef01234567";

    static String logstash(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            boolean error = i == n / 2;
            sb.append("{\"@timestamp\":\"2026-11-27T10:01:").append(String.format("%02d", i % 60)).append(".144Z\",\"message\":\"")
                    .append(error ? "HikariPool-1 - Connection is not available, request timed out after 30000ms" : "GET /api/payments/" + i + " 200")
                    .append("\",\"logger_name\":\"com.acme.payments.Api\",\"thread_name\":\"http-nio-8080-exec-").append(i % 8)
                    .append("\",\"level\":\"").append(error ? "ERROR" : "INFO").append("\",\"service\":\"payments-api\"}\n");
        }
        return sb.toString();
    }

    @Test
    void linesBecomeATableOfTheirFields() {
        String text = logstash(40);
        TransformResult r = new JsonCompressor().compress(text,
                new TransformContext(CompressionMode.LOSSLESS, true, "", HASH, "", 6000));
        assertTrue(r.transform().startsWith("json.lines+json.minify+json.table"), r.transform());
        assertTrue(r.text().startsWith(TableEncoder.DEFAULTS_LEGEND
                + "\n[40]{@timestamp,message,logger_name=com.acme.payments.Api,thread_name,level=INFO,service=payments-api}:\n"), r.text());
        assertTrue(r.text().contains("Connection is not available"), r.text());
        assertTrue(r.text().length() < text.length() * 0.7, r.text().length() + " of " + text.length());
    }

    @Test
    void balancedKeepsTheErrorLineAndLeavesAMarker() {
        String text = logstash(400);
        TransformResult r = new JsonCompressor().compress(text,
                new TransformContext(CompressionMode.BALANCED, false, "", HASH, "", 3000));
        assertTrue(r.lossy(), r.transform());
        assertTrue(r.text().contains("Connection is not available"), r.text());
        assertTrue(r.text().contains("hash=" + HASH), r.text());
    }

    @Test
    void anyLineThatIsNotJsonMeansThisIsNotJsonLines() {
        String mixed = logstash(10) + "plain text line\n";
        assertNull(JsonLines.compress(mixed, new TransformContext(CompressionMode.LOSSLESS, true, "", HASH, "", 6000)));
        assertNull(JsonLines.compress("{\"a\":1}\n{\"a\":2}\n", new TransformContext(CompressionMode.LOSSLESS, true, "", HASH, "", 6000)));
        assertEquals(null, JsonLines.compress("{\"a\":1}\n{\"a\":\n", new TransformContext(CompressionMode.LOSSLESS, true, "", HASH, "", 6000)));
    }
}
