package dev.headroom.dialects.retrieve;

import dev.headroom.dialects.Usage;

import java.util.List;

/**
 * One dialect's side of the retrieve round for JSON replies, for one exchange: finds the retrieve calls in a reply,
 * builds the follow-up request, and merges the final reply with what earlier rounds said (retrieve calls removed,
 * usage summed).
 */
public interface JsonRounds {

    /** A reply parsed: its retrieve calls (empty: nothing to do) and its usage; null when the body is not JSON. */
    interface Reply {
        List<RetrieveCall> calls();

        Usage usage();
    }

    Reply parse(byte[] body);

    /** The next request: {@code request} with the assistant turn and {@code results} appended; null if impossible. */
    byte[] followUp(byte[] request, Reply reply, List<Originals.Result> results);

    /** The final reply as the client gets it: earlier rounds' visible output first, no retrieve call, usage summed. */
    byte[] merge(Reply last, Usage total);
}
