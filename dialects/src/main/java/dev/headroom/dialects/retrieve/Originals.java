package dev.headroom.dialects.retrieve;

import dev.headroom.engine.ccr.RetrievalStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one lookup of originals for the model's retrieve calls. A hash the store does not know (never stored,
 * expired, malformed) is answered with an error result that tells the model to go on without it, never with
 * nothing: every call gets exactly one result, or the provider refuses the follow-up. Lone UTF-16 surrogates in an
 * original stay escapes when the result is spliced into the request ({@link MessagesAppender}).
 */
public final class Originals {

    /** The answer to one call: the original, or the text of an error result. */
    public record Result(RetrieveCall call, String text, boolean found) {
    }

    private final RetrievalStore store;

    public Originals(RetrievalStore store) {
        this.store = store;
    }

    /**
     * The original stored for {@code hash} (as a marker names it: any case, {@code hash=} prefix allowed), or empty
     * when it is not a hash, unknown or expired. The one lookup: the retrieve rounds and the retrieve API use it.
     */
    public static Optional<String> lookup(RetrievalStore store, String hash) {
        String h = RetrieveCall.normalise(hash);
        return h.matches("[0-9a-f]{8,64}") ? store.get(h) : Optional.empty();
    }

    public List<Result> resolve(List<RetrieveCall> calls, RoundsReport report) {
        List<Result> out = new ArrayList<>(calls.size());
        for (RetrieveCall c : calls) {
            String hash = c.hash();
            Optional<String> original = lookup(store, hash);
            if (original.isPresent()) {
                report.resolved++;
                out.add(new Result(c, original.get(), true));
            } else {
                report.missed++;
                out.add(new Result(c, "headroom: no original for hash " + hash
                        + " (unknown or expired); continue without it", false));
            }
        }
        return out;
    }
}
