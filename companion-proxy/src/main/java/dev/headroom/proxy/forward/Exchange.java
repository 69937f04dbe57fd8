package dev.headroom.proxy.forward;

import dev.headroom.proxy.stats.Usage;

import java.util.ArrayList;
import java.util.List;

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

    public Exchange(String requestId) {
        this.requestId = requestId;
    }

    public long tokensSaved() {
        return tokensBefore - tokensAfter;
    }
}
