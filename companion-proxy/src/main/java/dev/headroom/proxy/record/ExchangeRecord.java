package dev.headroom.proxy.record;

import java.util.List;

/**
 * What happened to one proxied request, fixed once it ended ({@link ExchangeRecorder#finish}): stats, the savings
 * ledger, the spend budget and the request log all read this one record, so their totals agree.
 *
 * @param tokensBefore tokens of the request's tool outputs as received, counted by {@code tokenizer}
 * @param tokensAfter  the same counter's count of those outputs as forwarded; equal to {@code tokensBefore} for an
 *                     exchange that did not succeed (it saved nothing)
 * @param bytesBefore  the decoded body's size in bytes, -1 when the engine did not run
 * @param bytesAfter   the forwarded body's size in bytes, -1 when the engine did not run
 */
public record ExchangeRecord(String requestId, long startedMillis, String method, String path, String provider,
                             String model, String session, boolean stream, int status, boolean engineRan,
                             boolean compressed, String skipReason, long bytesBefore, long bytesAfter,
                             long tokensBefore, long tokensAfter, String tokenizer, List<String> transforms,
                             List<String> ccrHashes, UsageFigures usage, long overheadNanos, long ttfbNanos,
                             long totalNanos, String error, boolean clientGone, int retrieveRounds,
                             int retrievalsResolved, int retrievalsMissed, String requestBody, String forwardedBody) {

    /** The provider's usage as reported (summed over retrieve rounds), and the model it says answered. */
    public record UsageFigures(long input, long output, long cacheRead, long cacheCreation, boolean seen,
                               String model) {
        /** The same figures as a {@link dev.headroom.dialects.Usage} (pricing reads that). */
        public dev.headroom.dialects.Usage toUsage() {
            dev.headroom.dialects.Usage u = new dev.headroom.dialects.Usage();
            u.input = input;
            u.output = output;
            u.cacheRead = cacheRead;
            u.cacheCreation = cacheCreation;
            u.seen = seen;
            u.model = model;
            return u;
        }
    }

    public long tokensSaved() {
        return tokensBefore - tokensAfter;
    }

    /** True when the exchange ended well: an upstream 2xx/3xx relayed whole, to a client that stayed. */
    public boolean succeeded() {
        return status >= 200 && status < 400 && error == null && !clientGone;
    }
}
