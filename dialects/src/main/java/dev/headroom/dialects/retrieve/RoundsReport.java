package dev.headroom.dialects.retrieve;

import dev.headroom.dialects.Usage;

/** What the round loop did, for the caller's records: filled in as it goes, read when it has returned or thrown. */
public final class RoundsReport {
    /** Follow-up requests sent (0: the first reply answered without retrieving). */
    public int rounds;
    public int resolved;
    public int missed;
    /** Every round's usage, summed. */
    public final Usage usage = new Usage();
    /** The status the client got, once committed. */
    public int status;
    /** When the first byte of the first reply was read (System.nanoTime), or -1. */
    public long firstByteNanos = -1;
    /** Why the exchange did not end well, or null. */
    public String error;
    /** The client went away. */
    public boolean clientGone;
}
