package dev.headroom.proxy.faults;

import dev.headroom.proxy.support.Bodies;
import dev.headroom.testsupport.raw.RawClient;
import dev.headroom.testsupport.raw.RawUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upstream that breaks HTTP/1.1 framing: the client gets a 502 in the provider's shape (never an empty 200),
 * the bad connection is closed (never pooled), and no leftover byte ever becomes another request's answer.
 */
class UpstreamFramingTest {

    @TempDir
    Path home;

    private static final String BODY = Bodies.smallAnthropic(false);

    /** The upstream answers once with {@code raw}; the client must get a 502 and the connection must go. */
    private void assertBadGateway(String raw) throws Exception {
        try (RawHarness h = new RawHarness(home)) {
            h.upstream.enqueue(c -> c.write(raw));
            RawClient.Answer a = h.exchange("/v1/messages", BODY);
            assertEquals(502, a.status(), a.text());
            assertTrue(a.body().startsWith("{\"type\":\"error\",\"error\":{\"type\":\"api_error\""), a.text());
            assertEquals(0, h.upstream.awaitOpenConnections(0, 5_000), "the bad upstream connection is closed");
            // and the next request is answered by a good reply on a new connection
            RawClient.Answer next = h.exchange("/v1/messages", BODY);
            assertEquals(200, next.status(), next.text());
            assertEquals("{\"ok\":true}", next.body());
        }
    }

    @Test
    void aStatusThatIsNotANumberIsA502() throws Exception {
        assertBadGateway("HTTP/1.1 abc Bad\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    }

    @Test
    void aNegativeStatusIsA502() throws Exception {
        assertBadGateway("HTTP/1.1 -5 Bad\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    }

    @Test
    void aContentLengthThatIsNotANumberIsA502() throws Exception {
        assertBadGateway("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}");
    }

    @Test
    void twoContentLengthsAreA502() throws Exception {
        assertBadGateway("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Content-Length: 11\r\n\r\n{\"ok\":true}");
    }

    @Test
    void aDuplicatedEqualContentLengthIsA502Too() throws Exception {
        assertBadGateway("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2, 2\r\n\r\n{}");
    }

    @Test
    void chunkedWithAContentLengthIsA502() throws Exception {
        assertBadGateway("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    }

    @Test
    void switchingProtocolsOnAPostIsA502() throws Exception {
        assertBadGateway("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
    }

    @Test
    void aStatusAbove599IsA502() throws Exception {
        assertBadGateway("HTTP/1.1 600 Odd\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    }

    /** Both replies on one kept-alive upstream connection: the second request must get its own answer. */
    private void assertNoShift(RawUpstream.Script first) throws Exception {
        try (RawHarness h = new RawHarness(home)) {
            h.upstream.enqueue(first);
            h.upstream.otherwise(c -> c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 16\r\n\r\n{\"answer\":\"two\"}"));
            try (RawClient client = h.client()) {
                client.send(RawHarness.post("/v1/messages", BODY));
                RawClient.Answer one = client.readOne(10_000);
                assertFalse(one.text().contains("LEFTOVER"), one.text());
                client.send(RawHarness.post("/v1/messages", BODY));
                RawClient.Answer two = client.readOne(10_000);
                assertEquals(200, two.status(), two.text());
                assertEquals("{\"answer\":\"two\"}", two.body(), "the second request gets its own answer");
            }
        }
    }

    @Test
    void bytesAfterTheDeclaredBodyNeverBecomeTheNextAnswer() throws Exception {
        assertNoShift(c -> c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
                + "{\"ok\":true}HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n"
                + "\"LEFTOVER\""));
    }

    @Test
    void a204WithABodyNeverShiftsTheNextAnswer() throws Exception {
        assertNoShift(c -> c.write("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 10\r\n\r\n\"LEFTOVER\""));
    }

    @Test
    void twoContentLengthsNeverShiftTheNextAnswer() throws Exception {
        assertNoShift(c -> c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                + "Content-Length: 10\r\n\r\n\"LEFTOVER\""));
    }
}
