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
    void accessLogTimestampsAfterTheClientAddress() {
        List<String> lines = List.of(
                "10.42.8.9 - - [27/Nov/2026:10:01:00 +0000] \"GET /api/orders HTTP/1.1\" 200 4160 \"-\" \"okhttp/4.12.0\"",
                "10.42.9.65 - alice [27/Nov/2026:10:01:01 +0000] \"GET /api/cart HTTP/1.1\" 499 0 \"-\" \"curl/8.5.0\"",
                "2026/11/27 10:01:02 [error] 31#31: *88 upstream timed out",
                "10.42.1.37 - - [27/Nov/2026:10:01:02 +0000] \"POST /healthz HTTP/1.1\" 200 7 \"-\" \"kube-probe/1.31\"",
                "10.42.1.37 - - [27/Nov/2026:10:02:00 +0000] \"POST /healthz HTTP/1.1\" 200 7 \"-\" \"kube-probe/1.31\"");
        List<String> folded = TimestampRuns.fold(lines);
        assertEquals("10.42.9.65 - alice [:01 +0000] \"GET /api/cart HTTP/1.1\" 499 0 \"-\" \"curl/8.5.0\"", folded.get(1));
        assertEquals("10.42.1.37 - - [:02 +0000] \"POST /healthz HTTP/1.1\" 200 7 \"-\" \"kube-probe/1.31\"", folded.get(3));
        assertEquals(lines.get(4), folded.get(4));
        assertEquals(lines, TimestampRuns.unfold(folded));
        List<String> ambiguous = List.of(lines.get(0), lines.get(1), "x [:12] already");
        assertSame(ambiguous, TimestampRuns.fold(ambiguous));
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
                    case 2 -> lines.add(r.nextBoolean() ? "\tat frame" + i : "10.0.0." + i + " - - [2" + r.nextInt(2)
                            + "/Nov/2026:10:0" + r.nextInt(2) + ":" + (10 + r.nextInt(50)) + " +0000] \"GET /x\" 200");
                    default -> lines.add(r.nextBoolean() ? "" : ":" + (char) ('a' + r.nextInt(3)) + " colon text");
                }
            }
            assertEquals(lines, TimestampRuns.unfold(TimestampRuns.fold(lines)));
        }
    }
}
