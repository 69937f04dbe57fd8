package dev.headroom.agent.core;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestGuardsTest {

    @Test
    void signedOrEncodedBodiesAreNeverTouched() {
        assertTrue(RequestGuards.mustNotTouch(Map.of("authorization", "AWS4-HMAC-SHA256 Credential=x")));
        assertTrue(RequestGuards.mustNotTouch(Map.of("x-amz-content-sha256", "abc")));
        assertTrue(RequestGuards.mustNotTouch(Map.of("content-digest", "sha-256=:x:")));
        assertTrue(RequestGuards.mustNotTouch(Map.of("content-md5", "x")));
        assertTrue(RequestGuards.mustNotTouch(Map.of("content-encoding", "gzip")));
    }

    @Test
    void ordinaryProviderRequestsAreFine() {
        assertFalse(RequestGuards.mustNotTouch(Map.of("authorization", "Bearer sk-ant-x", "content-type", "application/json",
                "anthropic-version", "2023-06-01", "x-api-key", "k")));
        assertFalse(RequestGuards.mustNotTouch(null));
    }
}
