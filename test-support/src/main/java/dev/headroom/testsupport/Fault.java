package dev.headroom.testsupport;

/**
 * A misbehaviour the fake upstream applies to a reply, for testing retries, timeouts and broken streams.
 * Faults combine: {@code Fault.delay(500).withDropAfterEvents(3)} waits, then sends three SSE events and
 * cuts the connection.
 *
 * @param status              non-zero: answer with this status and {@code body} instead of a normal reply
 * @param body                the error body for {@code status} (null: a provider-shaped error JSON)
 * @param delayMillis         wait this long before the first byte (headers included)
 * @param dropAfterEvents     non-negative: send this many SSE events (or body chunks), then drop the connection
 * @param chunkDelayMillis    wait this long between SSE events / body chunks (slow streaming)
 */
public record Fault(int status, String body, long delayMillis, int dropAfterEvents, long chunkDelayMillis) {

    public static final Fault NONE = new Fault(0, null, 0, -1, 0);

    /** Answer with this status and a provider-shaped error body (429 rate limit, 500 api error, 529 overloaded). */
    public static Fault status(int status) {
        return new Fault(status, null, 0, -1, 0);
    }

    public static Fault status(int status, String body) {
        return new Fault(status, body, 0, -1, 0);
    }

    public static Fault delay(long millis) {
        return NONE.withDelayMillis(millis);
    }

    public static Fault dropAfterEvents(int events) {
        return NONE.withDropAfterEvents(events);
    }

    public static Fault slowStream(long millisBetweenChunks) {
        return NONE.withChunkDelayMillis(millisBetweenChunks);
    }

    public Fault withDelayMillis(long millis) {
        return new Fault(status, body, millis, dropAfterEvents, chunkDelayMillis);
    }

    public Fault withDropAfterEvents(int events) {
        return new Fault(status, body, delayMillis, events, chunkDelayMillis);
    }

    public Fault withChunkDelayMillis(long millis) {
        return new Fault(status, body, delayMillis, dropAfterEvents, millis);
    }

    public boolean isErrorStatus() {
        return status != 0;
    }

    /** The error body to send for {@link #status}, shaped like the provider's own errors. */
    public String errorBody(boolean anthropic) {
        if (body != null) {
            return body;
        }
        String type;
        switch (status) {
            case 429: type = "rate_limit_error"; break;
            case 529: type = "overloaded_error"; break;
            case 400: type = "invalid_request_error"; break;
            case 401: type = "authentication_error"; break;
            default: type = "api_error";
        }
        String message = "Fake upstream fault: HTTP " + status;
        return anthropic
                ? "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}"
                : "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":null}}";
    }
}
