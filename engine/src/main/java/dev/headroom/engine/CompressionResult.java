package dev.headroom.engine;

import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.tokens.TokenCounter;

import java.util.List;
import java.util.Set;

/**
 * The outcome of compressing one request body.
 *
 * @param body                 the bytes to send: the original array itself when nothing changed
 * @param modified             true when {@code body} differs from the input
 * @param format               the wire format used, or null when the body was not understood
 * @param model                the request's {@code model}, or empty
 * @param units                one report per tool output found
 * @param ccrHashes            every hash named by a marker in the output (to retrieve with {@code headroom_retrieve})
 * @param retrieveToolInjected true when {@code headroom_retrieve} was appended to the tools
 * @param passthroughReason    why the body went through untouched as a whole (unparseable, time budget, error), or null
 * @param elapsedNanos         time spent in the engine
 */
public record CompressionResult(byte[] body, boolean modified, WireFormat format, String model,
                                List<UnitReport> units, Set<String> ccrHashes, boolean retrieveToolInjected,
                                String passthroughReason, long elapsedNanos) {

    static CompressionResult passthrough(byte[] body, WireFormat format, String reason, long elapsedNanos) {
        return new CompressionResult(body, false, format, "", List.of(), Set.of(), false, reason, elapsedNanos);
    }

    /** Tokens of all tool outputs before compression, counted with {@code counter}. */
    public long unitTokensBefore(TokenCounter counter) {
        long sum = 0;
        for (UnitReport u : units) {
            sum += counter.count(u.original());
        }
        return sum;
    }

    /** Tokens of all tool outputs as sent. */
    public long unitTokensAfter(TokenCounter counter) {
        long sum = 0;
        for (UnitReport u : units) {
            sum += u.compressed() ? counter.count(u.result()) : counter.count(u.original());
        }
        return sum;
    }
}
