package dev.headroom.proxy.plane;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A cap on the request-body bytes all requests hold at once. Bodies are read as their bytes arrive and reserve
 * only what came (a declared Content-Length reserves nothing): ten requests that declare 100 MB and send one byte
 * used to reserve 1 GB between them. A request whose bytes would pass the cap is refused with 503, so the others
 * keep their memory.
 */
final class BodyBudget {

    private final long cap;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long cap) {
        this.cap = cap;
    }

    /** Reserves {@code n} more bytes; false (nothing reserved) when that would pass the cap. */
    boolean reserve(long n) {
        while (true) {
            long now = held.get();
            if (now + n > cap) {
                return false;
            }
            if (held.compareAndSet(now, now + n)) {
                return true;
            }
        }
    }

    void release(long n) {
        if (n > 0) {
            held.addAndGet(-n);
        }
    }

    long held() {
        return held.get();
    }

    long cap() {
        return cap;
    }
}
