package dev.headroom.dialects.retrieve;

import java.io.IOException;

/**
 * The upstream failed during a round of a JSON exchange (cut its reply, or could not be reached for a follow-up).
 * Nothing has been sent to the client yet (JSON rounds are answered whole), so the caller answers it as an
 * upstream failure (502 in the dialect's shape), never with part of an answer.
 */
public final class RoundFailure extends IOException {

    public RoundFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
