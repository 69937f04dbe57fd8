package dev.headroom.agent.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    @Test
    void opensAfterConsecutiveFailuresOnlyAndClosesAfterTheCoolDown() throws Exception {
        CircuitBreaker breaker = new CircuitBreaker(3, 200);
        breaker.failure();
        breaker.failure();
        breaker.success(); // not consecutive any more
        breaker.failure();
        breaker.failure();
        assertTrue(breaker.allows());
        breaker.failure();
        assertFalse(breaker.allows(), "third consecutive failure opens it");
        Thread.sleep(250);
        assertTrue(breaker.allows(), "one request may try again after the cool-down");
        breaker.success();
        assertFalse(breaker.isOpen());
    }
}
