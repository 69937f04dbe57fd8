package dev.headroom.proxy.forward;

import dev.headroom.dialects.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** What happened to one proxied request: filled in as it goes, then handed to stats and the request log. */
public final class Exchange {
    public final String requestId;
    public final long startedNanos = System.nanoTime();
    public final long startedMillis = System.currentTimeMillis();
    public String method;
    public String path;
    public String provider;
    public String model = "";
    public String session;
    public boolean stream;
    public int status;
    public boolean engineRan;
    public boolean compressed;
    public String skipReason;
    /** Body bytes as the client sent them (decoded) and as forwarded; -1 when the engine did not run. */
    public long bytesBefore = -1;
    public long bytesAfter = -1;
    public long tokensBefore;
    public long tokensAfter;
    public String tokenizer = "";
    public final List<String> transforms = new ArrayList<>();
    public final List<String> ccrHashes = new ArrayList<>();
    public final Usage usage = new Usage();
    public long overheadNanos = -1;
    public long ttfbNanos = -1;
    public long totalNanos = -1;
    public String error;
    public boolean clientGone;
    public int retrieveRounds;
    public int retrievalsResolved;
    public int retrievalsMissed;
    public String requestBody;
    public String forwardedBody;
    /** Token figures still being counted (compressed requests): run by {@link #settleFigures} before they are read. */
    public Runnable awaitFigures;

    public Exchange(String requestId) {
        this.requestId = requestId;
    }

    /**
     * A random (version 4) UUID for a request. Request ids are labels, not secrets, so they come from the thread's
     * own generator: {@link UUID#randomUUID()} reads one shared SecureRandom under a lock, and 50 request threads
     * queued on it for milliseconds before the upstream call on a busy machine.
     */
    public static String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;                       // version 4
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }

    /** Waits (at most the compression time budget) for the token figures, once; a no-op when they are final. */
    public void settleFigures() {
        Runnable r = awaitFigures;
        if (r != null) {
            awaitFigures = null;
            r.run();
        }
    }

    public long tokensSaved() {
        return tokensBefore - tokensAfter;
    }

    /** True when the exchange ended well: an upstream 2xx/3xx relayed whole, to a client that stayed. */
    public boolean succeeded() {
        return status >= 200 && status < 400 && error == null && !clientGone;
    }

    /**
     * A failed or cut exchange saved nothing: the compressed request was paid for, or not at all, and will be sent
     * again. Its figures keep what was counted before (the tool outputs) and count nothing saved.
     */
    public void voidSavingsUnlessSucceeded() {
        if (!succeeded()) {
            tokensAfter = tokensBefore;
        }
    }
}
