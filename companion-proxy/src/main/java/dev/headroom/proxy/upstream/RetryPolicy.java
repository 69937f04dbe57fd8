package dev.headroom.proxy.upstream;

/**
 * The proxy's one retry rule, stated here and nowhere else: a request is sent again only when it provably never
 * reached the upstream, i.e. the connection could not be made or the write failed before any byte went out. Never
 * after a timeout, never after a connection that closed without answering (the upstream may have read the request
 * and started a paid call), never after any byte of a response. At most one resend, on a new connection.
 * Pooled connections that died while idle are weeded out before a request is written to them (see
 * {@link DirectHttp1}), which is what makes a resend after a silent close unnecessary.
 */
public final class RetryPolicy {

    /** How many times a request may be sent in all. */
    public static final int MAX_ATTEMPTS = 2;

    private RetryPolicy() {
    }

    /** Whether {@code failure}, on attempt {@code attempt} (1-based), allows one more attempt. */
    public static boolean mayResend(UpstreamFailure failure, int attempt) {
        return failure.nothingSent() && attempt < MAX_ATTEMPTS;
    }
}
