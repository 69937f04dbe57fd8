package dev.headroom.engine.transform.log;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TimestampRunsTest {

    @Test
    void repeatedMinutesAreLeftOutAndComeBack() {
        List<String> lines = List.of(
                "2026-11-26T13:09:05.713Z INFO  [exec-8] RequestLog - POST /api/orders status=200",
                "2026-11-26T13:09:06.066Z DEBUG [exec-2] StockCache - cache miss sku=SKU-88655",
                "java.lang.IllegalStateException: boom",
                "\tat com.acme.Foo.bar(Foo.java:12)",
                "2026-11-26T13:09:07.001Z ERROR [exec-2] Checkout - failed",
                "2026-11-26T13:10:01.002Z INFO  [exec-1] RequestLog - GET /api/cart");
        List<String> folded = TimestampRuns.fold(lines);
        assertEquals(List.of(
                "2026-11-26T13:09:05.713Z INFO  [exec-8] RequestLog - POST /api/orders status=200",
                ":06.066Z DEBUG [exec-2] StockCache - cache miss sku=SKU-88655",
                "java.lang.IllegalStateException: boom",
                "\tat com.acme.Foo.bar(Foo.java:12)",
                ":07.001Z ERROR [exec-2] Checkout - failed",
                "2026-11-26T13:10:01.002Z INFO  [exec-1] RequestLog - GET /api/cart"), folded);
        assertEquals(lines, TimestampRuns.unfold(folded));
    }

    @Test
    void syslogSlashAndBracketedForms() {
        List<String> lines = List.of("Nov 27 01:55:00 db-proxy-2 systemd[1]: Reloading pgbouncer.service",
                "Nov 27 01:55:12 db-proxy-2 pgbouncer[31877]: LOG login attempt", "Nov  7 01:55:12 other",
                "2026/11/27 10:00:01 [error] 31#31: upstream timed out", "2026/11/27 10:00:09 [error] 31#31: again",
                "[2026-11-27 10:00:01,123] INFO started", "[2026-11-27 10:00:02,456] INFO ready");
        List<String> folded = TimestampRuns.fold(lines);
        assertEquals(":12 db-proxy-2 pgbouncer[31877]: LOG login attempt", folded.get(1));
        assertEquals(":09 [error] 31#31: again", folded.get(4));
        assertEquals(":02,456] INFO ready", folded.get(6));
        assertEquals(lines, TimestampRuns.unfold(folded));
    }

    @Test
    void ambiguousOrUnchangedInputIsReturnedAsItIs() {
        List<String> ambiguous = List.of("2026-11-26T13:09:05Z a", "2026-11-26T13:09:06Z b", ":07 already short");
        assertSame(ambiguous, TimestampRuns.fold(ambiguous));
        List<String> plain = List.of("no timestamps", "here", "2026-11-26 no time");
        assertSame(plain, TimestampRuns.fold(plain));
    }

    @Test
    void randomLogsRoundTrip() {
        Random r = new Random(3);
        for (int round = 0; round < 200; round++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                switch (r.nextInt(4)) {
                    case 0 -> lines.add(String.format("2026-11-%02dT1%d:%02d:%02d.%03dZ INFO x%d", 1 + r.nextInt(2), r.nextInt(2),
                            r.nextInt(3), r.nextInt(60), r.nextInt(1000), i));
                    case 1 -> lines.add("Nov " + (1 + r.nextInt(2)) + " 0" + r.nextInt(2) + ":0" + r.nextInt(2) + ":" + (10 + r.nextInt(50)) + " host y");
                    case 2 -> lines.add("\tat frame" + i);
                    default -> lines.add(r.nextBoolean() ? "" : ":" + (char) ('a' + r.nextInt(3)) + " colon text");
                }
            }
            assertEquals(lines, TimestampRuns.unfold(TimestampRuns.fold(lines)));
        }
    }
}
