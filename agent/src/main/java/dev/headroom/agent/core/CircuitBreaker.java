package dev.headroom.agent.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns rewriting off after {@code threshold} consecutive failures, for {@code coolDownMillis}; then lets
 * one request try again. A broken engine therefore costs the app a handful of requests' worth of work
 * at most, and never a failed request.
 */
final class CircuitBreaker {

    private final int threshold;
    private final long coolDownMillis;
    private final AtomicInteger consecutive = new AtomicInteger();
    private volatile long openUntil;

    CircuitBreaker(int threshold, long coolDownMillis) {
        this.threshold = Math.max(1, threshold);
        this.coolDownMillis = coolDownMillis;
    }

    boolean allows() {
        long until = openUntil;
        return until == 0 || System.currentTimeMillis() >= until;
    }

    boolean isOpen() {
        return !allows();
    }

    void success() {
        consecutive.set(0);
        openUntil = 0;
    }

    void failure() {
        if (consecutive.incrementAndGet() >= threshold) {
            if (openUntil == 0 || System.currentTimeMillis() >= openUntil) {
                AgentLog.warn(threshold + " consecutive compression failures: rewriting is off for "
                        + coolDownMillis / 1000 + " s (requests go out unchanged)");
            }
            openUntil = System.currentTimeMillis() + coolDownMillis;
            consecutive.set(0);
        }
    }
}
