package dev.headroom.dialects.retrieve;

import dev.headroom.dialects.Usage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One dialect's side of the retrieve round on an event stream, for one exchange: reads one upstream round, writing
 * what the client may see at once (text, thinking) and holding tool calls until the round ends; builds the
 * follow-up request; and ends the client's one continuous stream (indices renumbered across rounds, retrieve
 * calls never shown, usage summed, one stop).
 */
public interface StreamRounds {

    /** What one upstream round produced. */
    interface Round {
        List<RetrieveCall> calls();

        Usage usage();

        /** The round reached its end event. */
        boolean complete();

        /** The upstream ended the round with its own error event (already passed to the client). */
        boolean errored();
    }

    /** Reads one round off {@code in}; {@code first} for the first reply (its start events go to the client). */
    Round read(InputStream in, boolean first, RoundsReport report) throws IOException;

    byte[] followUp(byte[] request, Round round, List<Originals.Result> results);

    /** Ends the client's stream after the last round: held client tool calls, summed usage, the stop events. */
    void finish(Round last, Usage total) throws IOException;
}
