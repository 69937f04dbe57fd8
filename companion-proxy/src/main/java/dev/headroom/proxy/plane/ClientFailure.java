package dev.headroom.proxy.plane;

/**
 * A request the proxy refuses before anything goes upstream, answered with {@code status} in the provider's error
 * shape: 400 for a body that cannot be read (broken chunked framing), 413 for one over the cap, 503 when the
 * in-flight body budget is spent.
 */
final class ClientFailure extends RuntimeException {

    final int status;
    final String type;

    ClientFailure(int status, String type, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.type = type;
    }

    static ClientFailure badRequest(String message, Throwable cause) {
        return new ClientFailure(400, "invalid_request_error", message, cause);
    }
}
