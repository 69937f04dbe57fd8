package dev.headroom.agent.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointMatcherTest {

    private final EndpointMatcher matcher = new EndpointMatcher(List.of("127.0.0.1:8080", "gateway.local"));

    @Test
    void providersPathsOnDefaultAndConfiguredHosts() {
        assertTrue(matcher.matches("api.anthropic.com", 443, "/v1/messages"));
        assertTrue(matcher.matches("api.openai.com", 443, "/v1/chat/completions"));
        assertTrue(matcher.matches("API.OPENAI.COM", 443, "/v1/responses"));
        assertTrue(matcher.matches("127.0.0.1", 8080, "/v1/messages"));
        assertTrue(matcher.matches("gateway.local", 9999, "/openai/v1/chat/completions/"));
        assertTrue(matcher.matches("gateway.local", 80, "/v1/messages?beta=true"));
    }

    @Test
    void otherHostsPortsAndPathsAreNotTouched() {
        assertFalse(matcher.matches("127.0.0.1", 8081, "/v1/messages"));
        assertFalse(matcher.matches("localhost", 8080, "/v1/messages"));
        assertFalse(matcher.matches("api.anthropic.com", 443, "/v1/messages/count_tokens"));
        assertFalse(matcher.matches("api.openai.com", 443, "/v1/embeddings"));
        assertFalse(matcher.matches("example.com", 443, "/v1/messages"));
        assertFalse(matcher.matches(null, 443, "/v1/messages"));
    }
}
