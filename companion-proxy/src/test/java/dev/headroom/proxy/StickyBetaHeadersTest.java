package dev.headroom.proxy;

import dev.headroom.proxy.support.Bodies;
import dev.headroom.proxy.support.FixedReplies;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;
import dev.headroom.proxy.support.ProxyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A session's {@code anthropic-beta} tokens are re-added when a later turn drops them, as the upstream sees it. */
class StickyBetaHeadersTest {

    @TempDir
    Path home;

    @Test
    void aDroppedBetaTokenIsReAddedForTheRestOfTheSession() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            assertEquals("a-1,b-2", forwarded(h, "s1", "a-1,b-2"));
            assertEquals("a-1,b-2", forwarded(h, "s1", "a-1"), "b-2 dropped by the client, re-added");
            assertEquals("c-3,a-1,b-2", forwarded(h, "s1", "c-3"), "new token first, then the session's earlier ones");
            assertEquals("a-1,b-2,c-3", forwarded(h, "s1", null), "a turn with no header still gets the session's");
            assertEquals("z-9", forwarded(h, "s2", "z-9"), "another session keeps its own header");
        }
    }

    @Test
    void anUnchangedHeaderGoesOutAsTheClientWroteIt() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            assertEquals("a-1, b-2", forwarded(h, "s1", "a-1, b-2"));
            assertEquals("b-2,a-1", forwarded(h, "s1", "b-2,a-1"), "same tokens, client's order and spelling kept");
            assertNull(forwarded(h, "s3", null), "no header is invented for a session that never sent one");
        }
    }

    @Test
    void bypassedRequestsAndOtherProvidersAreLeftAlone() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            forwarded(h, "s1", "a-1,b-2");
            HttpRequest.Builder b = h.post("/v1/messages", Bodies.smallAnthropic(false))
                    .header("x-api-key", "sk-ant-test").header("anthropic-version", "2023-06-01")
                    .header("x-headroom-session-id", "s1").header("x-headroom-bypass", "true")
                    .header("anthropic-beta", "a-1");
            h.send(b);
            assertEquals("a-1", h.upstream.last().header("anthropic-beta"));
        }
    }

    @Test
    void stickinessCanBeTurnedOff() throws Exception {
        try (ProxyHarness h = new ProxyHarness(FixedReplies.upstream(), home,
                Map.of("HEADROOM_BETA_HEADER_STICKY", "disabled"), c -> c)) {
            forwarded(h, "s1", "a-1,b-2");
            assertEquals("a-1", forwarded(h, "s1", "a-1"));
        }
    }

    /** Sends one Anthropic turn of a session and returns the anthropic-beta value(s) the upstream received. */
    private static String forwarded(ProxyHarness h, String session, String beta) throws Exception {
        HttpRequest.Builder b = h.post("/v1/messages", Bodies.smallAnthropic(false))
                .header("x-api-key", "sk-ant-test").header("anthropic-version", "2023-06-01")
                .header("x-headroom-session-id", session);
        if (beta != null) {
            b.header("anthropic-beta", beta);
        }
        assertEquals(200, h.send(b).statusCode());
        List<String> values = h.upstream.last().headers().get("anthropic-beta");
        return values == null ? null : String.join("|", values);
    }
}
