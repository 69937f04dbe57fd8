package dev.headroom.proxy.faults;

import dev.headroom.proxy.support.Bodies;
import dev.headroom.testsupport.raw.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client whose request framing is broken gets a 400 in the provider's error shape, and nothing is forwarded
 * (it used to get an empty 200: the body read failed after the handler had been entered, and nothing answered).
 */
class ClientFramingTest {

    @TempDir
    Path home;

    private static String chunkedHead(String path) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: k\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    }

    private void assertRefused(RawHarness h, String raw, String errorShape) throws Exception {
        RawClient.Answer a;
        try (RawClient c = h.client()) {
            a = c.send(raw).readAll(10_000);
        }
        assertEquals(400, a.status(), a.text());
        assertTrue(a.body().contains(errorShape), a.text());
        assertEquals(0, h.upstream.requests().size(), "nothing forwarded");
    }

    @Test
    void anInvalidChunkSizeIsA400() throws Exception {
        try (RawHarness h = new RawHarness(home)) {
            assertRefused(h, chunkedHead("/v1/messages") + "zz\r\n{}\r\n0\r\n\r\n", "\"type\":\"invalid_request_error\"");
        }
    }

    @Test
    void aBareLfChunkLineIsA400() throws Exception {
        try (RawHarness h = new RawHarness(home)) {
            assertRefused(h, chunkedHead("/v1/chat/completions") + "2\n{}\r\n0\r\n\r\n", "\"error\":{");
        }
    }

    @Test
    void anOversizedChunkIsRefused() throws Exception {
        try (RawHarness h = new RawHarness(home)) {
            RawClient.Answer a;
            try (RawClient c = h.client()) {
                a = c.send(chunkedHead("/v1/messages") + "ffffffffffffffffffff\r\n{}").readAll(10_000);
            }
            assertTrue(a.status() == 400 || a.status() == 413, a.text());
            assertTrue(a.body().contains("\"type\":\"error\""), a.text());
            assertEquals(0, h.upstream.requests().size(), "nothing forwarded");
        }
    }

    @Test
    void aPipeInTheQueryIsForwardedAsSent() throws Exception {
        try (RawHarness h = new RawHarness(home)) {
            String body = Bodies.smallAnthropic(false);
            RawClient.Answer a;
            try (RawClient c = h.client()) {
                a = c.send(RawHarness.post("/v1/messages?beta=a|b", body)
                        .replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")).readAll(10_000);
            }
            assertEquals(200, a.status(), a.text());
            assertEquals("{\"ok\":true}", a.body());
            assertEquals(1, h.upstream.requests().size());
            String target = h.upstream.requests().get(0).target();
            assertTrue(target.equals("/v1/messages?beta=a|b") || target.equals("/v1/messages?beta=a%7Cb"), target);
        }
    }
}
