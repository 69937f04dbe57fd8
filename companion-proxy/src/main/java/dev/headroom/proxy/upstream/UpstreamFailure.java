package dev.headroom.proxy.upstream;

import java.io.IOException;

/**
 * Why an upstream call failed, in the terms the client's answer is chosen by: an upstream that could not be
 * reached or broke HTTP (502), one that did not answer in time (504). {@code nothingSent} is true only when the
 * request provably never left: the one case {@link RetryPolicy} allows a resend.
 */
public final class UpstreamFailure extends IOException {

    /** What went wrong. */
    public enum Kind {
        /** connection refused, reset or closed before any response byte */
        UNREACHABLE,
        /** a response that breaks HTTP/1.1 framing: bad status line, conflicting lengths, 101 on a POST */
        PROTOCOL,
        /** no response head within the first-byte deadline */
        TIMEOUT
    }

    private final Kind kind;
    private final boolean nothingSent;

    public UpstreamFailure(Kind kind, String message, boolean nothingSent, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.nothingSent = nothingSent;
    }

    public static UpstreamFailure protocol(String message) {
        return new UpstreamFailure(Kind.PROTOCOL, "the upstream broke HTTP/1.1: " + message, false, null);
    }

    public Kind kind() {
        return kind;
    }

    /** True when not one byte of the request reached the upstream (the connect or the first write failed). */
    public boolean nothingSent() {
        return nothingSent;
    }

    /** The status the client gets for this failure before its first byte: 504 for a timeout, else 502. */
    public int status() {
        return kind == Kind.TIMEOUT ? 504 : 502;
    }
}
