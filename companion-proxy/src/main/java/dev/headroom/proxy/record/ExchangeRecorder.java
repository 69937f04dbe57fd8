package dev.headroom.proxy.record;

import dev.headroom.dialects.Usage;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Records one exchange as it goes, through methods (the stages, the relay and the retrieve loop each say what they
 * saw), and ends it as one immutable {@link ExchangeRecord}. It lives on one request's thread, except the token
 * figures, which a compression worker may deliver later ({@link #figuresLater}).
 */
public final class ExchangeRecorder {

    private final String requestId;
    private final long startedNanos = System.nanoTime();
    private final long startedMillis = System.currentTimeMillis();
    private String method;
    private String path;
    private String provider;
    private String model = "";
    private String session;
    private boolean stream;
    private int status;
    private boolean engineRan;
    private boolean compressed;
    private String skipReason;
    private long bytesBefore = -1;
    private long bytesAfter = -1;
    private volatile long tokensBefore;
    private volatile long tokensAfter;
    private volatile String tokenizer = "";
    private final List<String> transforms = new ArrayList<>();
    private final List<String> ccrHashes = new ArrayList<>();
    private final Usage usage = new Usage();
    private long overheadNanos = -1;
    private long ttfbNanos = -1;
    private String error;
    private boolean clientGone;
    private int retrieveRounds;
    private int retrievalsResolved;
    private int retrievalsMissed;
    private String requestBody;
    private String forwardedBody;
    private Runnable awaitFigures;

    public ExchangeRecorder() {
        this(newRequestId());
    }

    public ExchangeRecorder(String requestId) {
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

    public void route(String method, String path, String provider) {
        this.method = method;
        this.path = path;
        this.provider = provider;
    }

    public void session(String key) {
        this.session = key;
    }

    public void stream(boolean stream) {
        this.stream = stream;
    }

    public void skipped(String reason) {
        this.skipReason = reason;
    }

    /** The engine ran on the body; {@code model} is the request's model. */
    public void engineRan(String model, long bytesBefore, long bytesAfter, boolean compressed) {
        this.engineRan = true;
        this.model = model == null ? "" : model;
        this.bytesBefore = bytesBefore;
        this.bytesAfter = bytesAfter;
        this.compressed = compressed;
    }

    public void transform(String name) {
        transforms.add(name);
    }

    public void ccrHashes(java.util.Collection<String> hashes) {
        ccrHashes.addAll(hashes);
    }

    /** The token figures: one counter's counts of the tool outputs, before and as forwarded. */
    public void figures(long before, long after, String tokenizer) {
        this.tokensBefore = before;
        this.tokensAfter = after;
        this.tokenizer = tokenizer;
    }

    /** Figures still being counted: {@code await} delivers them (through {@link #figures}) when first needed. */
    public void figuresLater(Runnable await) {
        this.awaitFigures = await;
    }

    /** Waits (at most the compression time budget) for figures still being counted; a no-op when they are final. */
    public void settleFigures() {
        Runnable r = awaitFigures;
        if (r != null) {
            awaitFigures = null;
            r.run();
        }
    }

    public void bodies(String request, String forwarded) {
        this.requestBody = request;
        this.forwardedBody = forwarded;
    }

    /** The upstream call is about to go out: what the proxy added so far. */
    public void overheadEnds() {
        this.overheadNanos = System.nanoTime() - startedNanos;
    }

    public void status(int status) {
        this.status = status;
    }

    /** The first byte of the answer was read; later calls keep the first time. */
    public void firstByte() {
        firstByteAt(System.nanoTime());
    }

    public void firstByteAt(long nanoTime) {
        if (ttfbNanos < 0) {
            ttfbNanos = nanoTime - startedNanos;
        }
    }

    /** Lets a reader of the response fold the provider's usage reports into the record. */
    public void usage(Consumer<Usage> update) {
        update.accept(usage);
    }

    /** Why the exchange did not end well; the first reason is kept. */
    public void failed(String why) {
        if (error == null) {
            error = why;
        }
    }

    public void clientGone() {
        this.clientGone = true;
    }

    public void retrieval(int rounds, int resolved, int missed) {
        this.retrieveRounds += rounds;
        this.retrievalsResolved += resolved;
        this.retrievalsMissed += missed;
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    public String session() {
        return session;
    }

    public boolean engineRan() {
        return engineRan;
    }

    public boolean compressed() {
        return compressed;
    }

    public long tokensBefore() {
        return tokensBefore;
    }

    public long tokensAfter() {
        return tokensAfter;
    }

    /**
     * Ends the exchange: settles the figures, and voids the savings of an exchange that did not succeed (a 529, a cut
     * stream, a client that left: the compressed request will be asked again, and saved nothing).
     */
    public ExchangeRecord finish() {
        settleFigures();
        long total = System.nanoTime() - startedNanos;
        boolean ok = status >= 200 && status < 400 && error == null && !clientGone;
        long after = ok ? tokensAfter : tokensBefore;
        return new ExchangeRecord(requestId, startedMillis, method, path, provider, model, session, stream, status,
                engineRan, compressed, skipReason, bytesBefore, bytesAfter, tokensBefore, after, tokenizer,
                List.copyOf(transforms), List.copyOf(ccrHashes), new ExchangeRecord.UsageFigures(usage.input,
                usage.output, usage.cacheRead, usage.cacheCreation, usage.seen, usage.model), overheadNanos,
                ttfbNanos, total, error, clientGone, retrieveRounds, retrievalsResolved, retrievalsMissed,
                requestBody, forwardedBody);
    }
}
