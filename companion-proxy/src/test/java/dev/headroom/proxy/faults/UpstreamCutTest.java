package dev.headroom.proxy.faults;

import dev.headroom.proxy.support.Bodies;
import dev.headroom.testsupport.raw.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A non-streamed JSON body the upstream cuts half way (FIN or RST): the client's connection is aborted so it sees
 * the truncation, never a cleanly ended 200 with half a JSON document.
 */
class UpstreamCutTest {

    @TempDir
    Path home;

    private static final String HALF = "{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"hal";

    private void assertTruncationVisible(boolean reset, boolean chunked) throws Exception {
        try (RawHarness h = new RawHarness(home)) {
            h.upstream.enqueue(c -> {
                if (chunked) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(HALF.length()) + "\r\n" + HALF + "\r\n");
                } else {
                    c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n" + HALF);
                }
                c.pause(100);
                if (reset) {
                    c.reset();
                } else {
                    c.close();
                }
            });
            RawClient.Answer a;
            try (RawClient client = h.client()) {
                client.send(RawHarness.post("/v1/messages", Bodies.smallAnthropic(false)));
                a = client.readAll(10_000);
            }
            assertTrue(a.ended(), "the client's connection ends: " + a.text());
            assertEquals(200, a.status(), a.text());
            String head = a.head().toLowerCase(java.util.Locale.ROOT);
            if (head.contains("content-length:")) {
                int declared = Integer.parseInt(head.substring(head.indexOf("content-length:") + 15).split("\r\n")[0].trim());
                assertTrue(a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < declared,
                        "fewer bytes than declared: " + a.text());
            } else {
                assertTrue(head.contains("transfer-encoding: chunked"), a.text());
                assertFalse(a.body().endsWith("0\r\n\r\n"), "no last chunk: the body is visibly incomplete: " + a.text());
            }
        }
    }

    @Test
    void aLengthFramedBodyCutByFinAbortsTheClient() throws Exception {
        assertTruncationVisible(false, false);
    }

    @Test
    void aLengthFramedBodyCutByResetAbortsTheClient() throws Exception {
        assertTruncationVisible(true, false);
    }

    @Test
    void aChunkedBodyCutByFinAbortsTheClient() throws Exception {
        assertTruncationVisible(false, true);
    }

    @Test
    void aChunkedBodyCutByResetAbortsTheClient() throws Exception {
        assertTruncationVisible(true, true);
    }
}
