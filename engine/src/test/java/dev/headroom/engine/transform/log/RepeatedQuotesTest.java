package dev.headroom.engine.transform.log;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepeatedQuotesTest {

    private static final String UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15";

    @Test
    void repeatedUserAgentsAreDefinedOnce() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add("10.0.0." + i + " - - [27/Nov/2026:10:01:0" + i + " +0000] \"GET /api/orders/" + i + " HTTP/1.1\" 200 31 \"-\" \"" + UA + "\"");
        }
        lines.add("10.0.0.9 - - [27/Nov/2026:10:01:09 +0000] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.31\"");
        List<String> folded = RepeatedQuotes.fold(lines);
        assertEquals(RepeatedQuotes.LEGEND, folded.get(0));
        assertEquals("$1 = \"" + UA + "\"", folded.get(1));
        assertEquals("10.0.0.0 - - [27/Nov/2026:10:01:00 +0000] \"GET /api/orders/0 HTTP/1.1\" 200 31 \"-\" \"$1\"", folded.get(2));
        assertEquals(lines.get(5), folded.get(7));
        assertEquals(lines, RepeatedQuotes.unfold(folded));
        assertTrue(String.join("\n", folded).length() < String.join("\n", lines).length());
    }

    @Test
    void nothingRepeatedOrAmbiguousStaysAsItIs() {
        List<String> once = List.of("a \"" + UA + "\"", "b \"something else entirely here\"");
        assertSame(once, RepeatedQuotes.fold(once));
        List<String> ambiguous = List.of("x \"" + UA + "\"", "x \"" + UA + "\"", "x \"" + UA + "\"", "price \"$5\" today");
        assertSame(ambiguous, RepeatedQuotes.fold(ambiguous));
    }

    @Test
    void randomLinesRoundTrip() {
        Random r = new Random(11);
        String[] pool = {UA, "SELECT * FROM orders WHERE id = ? AND status = ?", "https://shop.example.com/checkout?step=2", "x", "with \\\"escape\\\" inside it, and long enough to count"};
        for (int round = 0; round < 300; round++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                StringBuilder sb = new StringBuilder("line " + i);
                for (int k = 0; k < r.nextInt(4); k++) {
                    String sep = r.nextInt(5) == 0 ? "" : " ";
                    sb.append(sep).append('"').append(pool[r.nextInt(pool.length)]).append('"');
                }
                if (r.nextInt(9) == 0) {
                    sb.append(" \"");
                }
                lines.add(sb.toString());
            }
            assertEquals(lines, RepeatedQuotes.unfold(RepeatedQuotes.fold(lines)), lines.toString());
        }
    }
}
