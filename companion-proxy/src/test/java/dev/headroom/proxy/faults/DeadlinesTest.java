package dev.headroom.proxy.faults;

import dev.headroom.proxy.support.Bodies;
import dev.headroom.testsupport.raw.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time limits: a first-byte deadline, a header deadline, and a client that leaves cancelling the upstream call. */
class DeadlinesTest {

    @TempDir
    Path home;

    @Test
    void anUpstreamThatNeverAnswersIsA504AtTheFirstByteDeadline() throws Exception {
        try (RawHarness h = new RawHarness(home, "HEADROOM_FIRST_BYTE_TIMEOUT_SECONDS", "1")) {
            h.upstream.enqueue(c -> c.silence(30_000));
            long start = System.nanoTime();
            RawClient.Answer a = h.exchange("/v1/chat/completions",
                    "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(504, a.status(), a.text());
            assertTrue(a.body().startsWith("{\"error\":{"), a.text());
            assertTrue(millis < 5_000, "answered at the deadline, not after 600 s: " + millis + " ms");
            assertEquals(0, h.upstream.awaitOpenConnections(0, 5_000), "the silent connection is closed");
        }
    }

    @Test
    void aClientThatLeavesBeforeTheFirstByteCancelsTheUpstreamCall() throws Exception {
        try (RawHarness h = new RawHarness(home)) {
            h.upstream.enqueue(c -> c.silence(30_000));
            try (RawClient c = h.client()) {
                c.send(RawHarness.post("/v1/messages", Bodies.smallAnthropic(true)));
                assertEquals(1, h.upstream.awaitRequests(1, 5_000));
            }
            assertEquals(0, h.upstream.awaitOpenConnections(0, 3_000),
                    "the upstream connection is closed soon after the client left");
        }
    }

    @Test
    void aClientThatLeavesDuringAStreamCancelsTheUpstreamCall() throws Exception {
        try (RawHarness h = new RawHarness(home)) {
            h.upstream.enqueue(c -> {
                c.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
                String ping = "event: ping\ndata: {\"type\":\"ping\"}\n\n";
                for (int i = 0; i < 300; i++) { // 30 s of a slow stream, unless the proxy closes it first
                    c.write(Integer.toHexString(ping.length()) + "\r\n" + ping + "\r\n");
                    c.pause(100);
                }
            });
            try (RawClient c = h.client()) {
                c.send(RawHarness.post("/v1/messages", Bodies.smallAnthropic(true)));
                assertTrue(c.readOne(5_000).text().startsWith("HTTP/1.1 200"), "the stream started");
            }
            assertEquals(0, h.upstream.awaitOpenConnections(0, 3_000),
                    "the upstream stream is closed soon after the client left");
        }
    }

    @Test
    void headersDribbledSlowerThanTheHeaderDeadlineCloseTheConnection() throws Exception {
        try (RawHarness h = new RawHarness(home, "HEADROOM_HEADER_TIMEOUT_SECONDS", "1")) {
            try (RawClient c = h.client()) {
                long start = System.nanoTime();
                c.send("POST /v1/messages HTTP/1.1\r\n");
                boolean closed = false;
                for (int i = 0; i < 8 && !closed; i++) {
                    Thread.sleep(500);
                    try {
                        c.send("x-dribble-" + i + ": 1\r\n");
                    } catch (java.io.IOException gone) {
                        closed = true;
                    }
                    RawClient.Answer a = c.readAll(10);
                    closed |= a.ended();
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(closed, "the proxy closed a connection whose headers took over the deadline (" + millis + " ms)");
            }
            assertEquals(0, h.upstream.requests().size());
        }
    }

    @Test
    void aReusedConnectionThatClosesWithoutAnsweringIsNotSentTwice() throws Exception {
        try (RawHarness h = new RawHarness(home)) {
            // first request: a good answer on a kept-alive connection, which the proxy pools
            h.upstream.enqueue(c -> c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 11\r\n\r\n{\"ok\":true}"));
            // second request, on the same connection: read, then closed without a byte of answer
            h.upstream.enqueue(c -> c.close());
            assertEquals(200, h.exchange("/v1/messages", Bodies.smallAnthropic(false)).status());
            RawClient.Answer a = h.exchange("/v1/messages", Bodies.smallAnthropic(false));
            assertEquals(502, a.status(), a.text());
            Thread.sleep(300);
            assertEquals(2, h.upstream.requests().size(), "the paid POST went upstream once, not twice");
        }
    }

    @Test
    void declaredButUnsentBodiesReserveNoMemory() throws Exception {
        try (RawHarness h = new RawHarness(home)) {
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            java.util.List<RawClient> clients = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    RawClient c = h.client();
                    clients.add(c);
                    c.send("POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: k\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 104857600\r\n\r\n{");
                }
                Thread.sleep(1_500);
                long during = rt.totalMemory() - rt.freeMemory();
                assertTrue(during - before < 200L * 1024 * 1024,
                        "10 one-byte bodies hold far less than 10 x 100 MB: " + (during - before) / (1024 * 1024) + " MB");
                // and the proxy keeps serving
                assertEquals(200, h.exchange("/v1/messages", Bodies.smallAnthropic(false)).status());
            } finally {
                for (RawClient c : clients) {
                    c.close();
                }
            }
        }
    }
}
