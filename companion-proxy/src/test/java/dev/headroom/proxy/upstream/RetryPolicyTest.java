package dev.headroom.proxy.upstream;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one retry rule: resend only what provably never left, once. */
class RetryPolicyTest {

    private static UpstreamFailure failure(UpstreamFailure.Kind kind, boolean nothingSent) {
        return new UpstreamFailure(kind, "test", nothingSent, null);
    }

    @Test
    void onlyARequestThatNeverLeftIsSentAgainAndOnlyOnce() {
        assertTrue(RetryPolicy.mayResend(failure(UpstreamFailure.Kind.UNREACHABLE, true), 1), "connect refused");
        assertFalse(RetryPolicy.mayResend(failure(UpstreamFailure.Kind.UNREACHABLE, true), 2), "at most once");
        assertFalse(RetryPolicy.mayResend(failure(UpstreamFailure.Kind.UNREACHABLE, false), 1),
                "closed without answering: the upstream may have started the call");
        assertFalse(RetryPolicy.mayResend(failure(UpstreamFailure.Kind.TIMEOUT, false), 1), "never after a timeout");
        assertFalse(RetryPolicy.mayResend(UpstreamFailure.protocol("bad"), 1), "never after a broken answer");
    }

    @Test
    void aRefusedConnectionIsA502ThatSentNothing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        try (UpstreamTransport t = new UpstreamTransport(java.util.Map.of())) {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            int[] attempts = {0};
            UpstreamFailure f = assertThrows(UpstreamFailure.class,
                    () -> t.send(r, "{}".getBytes(), 1_000, cancel -> attempts[0]++));
            assertEquals(502, f.status());
            assertTrue(f.nothingSent());
            assertEquals(0, attempts[0], "no connection was ever made to cancel");
        }
    }
}
